package dev.cortado.cli;

import dev.cortado.container.WasmImage;
import dev.cortado.oci.Digest;
import dev.cortado.oci.Reference;
import dev.cortado.wasm.internal.IoReasons;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cortado image build}: an OCI container image of a Wasm module, for containerd and
 * Kubernetes nodes running {@code cortado-runc} (or another Wasm-aware runtime), pushed to a
 * registry or written as an OCI layout tarball for {@code ctr image import}.
 */
@Command(
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    name = "image",
    description = "Container images of Wasm modules (for cortado-runc under containerd).",
    subcommands = {ImageCommand.Build.class})
final class ImageCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code cortado image build MODULE.wasm -t REF [--output FILE.tar]}. */
  @Command(
      name = "build",
      description = {
        "Build an OCI image holding MODULE as its entrypoint (annotation"
            + " module.wasm.image/variant=compat) and push it to REF, or write it to --output.",
        "Use it for containers (containerd, Kubernetes with the cortado RuntimeClass); 'cortado"
            + " push' writes the CNCF Wasm artifact that 'cortado run REF' reads."
      },
      sortOptions = false)
  static final class Build implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODULE", description = "the .wasm file")
    Path module;

    @Option(
        names = {"-t", "--tag"},
        required = true,
        paramLabel = "REF",
        description = "the image's name, e.g. registry.example/app:1.0")
    String reference;

    @Option(
        names = "--entrypoint",
        paramLabel = "PATH",
        description = "where the module goes in the image, run as the entrypoint (default /NAME)")
    String entrypoint;

    @Option(
        names = "--arg",
        paramLabel = "ARG",
        description = "a default argument after the entrypoint (repeatable)")
    List<String> args = new ArrayList<>();

    @Option(
        names = "--env",
        paramLabel = "NAME=VALUE",
        description = "an environment variable of the container (repeatable)")
    List<String> env = new ArrayList<>();

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE.tar",
        description = "write an OCI layout tarball instead of pushing (ctr image import reads it)")
    Path output;

    @Option(names = "--insecure", description = "use plain HTTP (loopback registries always do)")
    boolean insecure;

    @Override
    public Integer call() throws IOException {
      if (output != null) {
        OutputFiles.requireFileName(output, "tarball", "image.tar");
      }
      Reference ref = OciSupport.reference(reference);
      byte[] bytes = ModuleFiles.readBinary(module);
      String path = entrypoint != null ? entrypoint : "/" + ModuleFiles.binaryName(module);
      WasmImage image;
      try {
        image = WasmImage.of(bytes, path, args, env);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (output != null) {
        OutputFiles.makeFolders(output);
        try {
          image.writeLayout(output, ref.toString());
        } catch (IOException e) {
          throw new UserException(output + ": cannot write: " + IoReasons.of(e, output), e);
        }
        out.println("wrote " + ref + " to " + output + " (index " + image.digest() + ")");
      } else {
        PrintWriter err = spec.commandLine().getErr();
        Digest digest =
            OciSupport.call(
                () ->
                    image.push(
                        OciSupport.oci(insecure).client(), ref, ProgressBar.on(err, "pushing")));
        out.println(
            "pushed " + ref + " digest " + digest + " (" + OciSupport.size(image.size()) + ")");
      }
      out.flush();
      return 0;
    }
  }
}

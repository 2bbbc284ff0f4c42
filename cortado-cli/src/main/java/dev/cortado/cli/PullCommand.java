package dev.cortado.cli;

import dev.cortado.oci.NpmReference;
import dev.cortado.oci.Reference;
import dev.cortado.oci.SourceReference;
import dev.cortado.oci.StoredImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cortado pull REF [-o FILE]}: pulls a Wasm artifact from an OCI registry, or a module from
 * an npm package ({@code npm:...}), into the local store.
 */
@Command(
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    name = "pull",
    description = {
      "Pull a WebAssembly module from an OCI registry or an npm package into the local store",
      "(~/.cache/cortado/oci, or $CORTADO_CACHE_DIR); -o also writes it to a file."
    })
final class PullCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "REF",
      description =
          "e.g. ghcr.io/acme/app:1.0, ...@sha256:..., or npm:PACKAGE[@VERSION|@TAG][/PATH.wasm]")
  String reference;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "also write the module to FILE")
  Path output;

  @Option(names = "--insecure", description = "use plain HTTP (loopback registries always do)")
  boolean insecure;

  @Option(
      names = "--npm-registry",
      paramLabel = "URL",
      description = "the npm registry for npm: references (default: .npmrc's, else npmjs.org)")
  String npmRegistry;

  @Override
  public Integer call() {
    SourceReference ref = OciSupport.call(() -> SourceReference.parse(reference));
    PrintWriter err = spec.commandLine().getErr();
    StoredImage image =
        OciSupport.call(
            () ->
                switch (ref) {
                  case NpmReference npm ->
                      OciSupport.npm(npmRegistry).pull(npm, ProgressBar.on(err, "pulling"));
                  case Reference oci ->
                      OciSupport.oci(insecure).pull(oci, ProgressBar.on(err, "pulling"));
                });
    if (output != null) {
      try {
        Files.copy(image.path(), output, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UserException(output + ": cannot write: " + e.getMessage(), e);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "pulled "
            + image.reference()
            + " digest "
            + image.manifest()
            + " ("
            + OciSupport.size(image.size())
            + ") to "
            + (output != null ? output : image.path()));
    out.flush();
    return 0;
  }
}

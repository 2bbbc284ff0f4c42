package dev.cortado.cli;

import dev.cortado.oci.LockedApp;
import dev.cortado.oci.NpmReference;
import dev.cortado.oci.PulledArtifact;
import dev.cortado.oci.Reference;
import dev.cortado.oci.SourceReference;
import dev.cortado.oci.SpinApplication;
import dev.cortado.oci.StoredImage;
import dev.cortado.wasm.internal.IoReasons;
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
 * {@code cortado pull REF [-o FILE]}: pulls a Wasm artifact or a Spin application from an OCI
 * registry, or a module from an npm package ({@code npm:...}), into the local store.
 */
@Command(
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    name = "pull",
    description = {
      "Pull a WebAssembly module or Spin application from an OCI registry or npm package.",
      "It goes into the local store (~/.cache/cortado/oci, or $CORTADO_CACHE_DIR); -o also writes"
          + " it to a file."
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
    if (output != null) {
      OutputFiles.requireFileName(output, "module", "module.wasm");
    }
    SourceReference ref = OciSupport.call(() -> SourceReference.parse(reference));
    PrintWriter err = spec.commandLine().getErr();
    PulledArtifact pulled =
        OciSupport.call(
            () ->
                switch (ref) {
                  case NpmReference npm ->
                      OciSupport.npm(npmRegistry).pull(npm, ProgressBar.on(err, "pulling"));
                  case Reference oci ->
                      OciSupport.oci(insecure).pullArtifact(oci, ProgressBar.on(err, "pulling"));
                });
    if (pulled instanceof SpinApplication app) {
      return summarize(app);
    }
    StoredImage image = (StoredImage) pulled;
    if (output != null) {
      OutputFiles.makeFolders(output);
      try {
        Files.copy(image.path(), output, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UserException(output + ": cannot write: " + IoReasons.of(e, output), e);
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

  /** Prints what a pulled Spin application holds: its name, then each component and its files. */
  private int summarize(SpinApplication pulled) {
    if (output != null) {
      throw new UserException(
          reference
              + " is a Spin application of "
              + OciSupport.count(pulled.app().components().size(), "component")
              + ", not one module: -o writes a module (serve it with 'cortado serve "
              + reference
              + "')");
    }
    LockedApp app = pulled.app();
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "pulled "
            + pulled.reference()
            + " digest "
            + pulled.manifest()
            + " (Spin application "
            + app.name()
            + app.version().map(v -> " " + v).orElse("")
            + ": "
            + OciSupport.count(app.components().size(), "component")
            + ", "
            + OciSupport.count(pulled.fileCount(), "file")
            + ", "
            + OciSupport.size(pulled.size())
            + ")");
    for (LockedApp.Component c : app.components()) {
      out.println(
          "  component "
              + c.id()
              + " "
              + OciSupport.size(c.source().size())
              + (c.files().isEmpty()
                  ? ""
                  : ", files: "
                      + String.join(" ", c.files().stream().map(f -> "/" + f.path()).toList())));
    }
    out.flush();
    return 0;
  }
}

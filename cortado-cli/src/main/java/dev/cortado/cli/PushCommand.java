package dev.cortado.cli;

import dev.cortado.oci.LockedApp;
import dev.cortado.oci.PushResult;
import dev.cortado.oci.Reference;
import dev.cortado.oci.SpinApplication;
import dev.cortado.server.Manifest;
import dev.cortado.server.ServeException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cortado push MODULE.wasm REF}: pushes a core module or a component in the CNCF Wasm OCI
 * layout; {@code cortado push spin.toml REF} (or a folder holding {@code spin.toml}) pushes a Spin
 * application in Spin's own layout, as {@code spin registry push} does. Then prints one summary
 * line.
 */
@Command(
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    name = "push",
    description = {
      "Push a WebAssembly module, component or Spin application to an OCI registry.",
      "A module or component goes in the CNCF Wasm artifact layout; a Spin application (spin.toml,"
          + " or its folder) in Spin's layout ('spin up -f REF' runs it).",
      "Credentials come from 'cortado login' or Docker's config.json."
    })
final class PushCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "MODULE",
      description = "the .wasm file, or a Spin application's spin.toml (or its folder)")
  Path module;

  @Parameters(
      index = "1",
      paramLabel = "REF",
      description = "where to push, e.g. ghcr.io/acme/app:1.0")
  String reference;

  @Option(
      names = "--annotation",
      paramLabel = "KEY=VALUE",
      description =
          "a manifest annotation (repeatable); short keys such as 'title', 'description',"
              + " 'version', 'authors', 'source', 'licenses' get the org.opencontainers.image. prefix")
  Map<String, String> annotations = new LinkedHashMap<>();

  @Option(names = "--insecure", description = "use plain HTTP (loopback registries always do)")
  boolean insecure;

  @Override
  public Integer call() {
    Reference ref = OciSupport.reference(reference);
    Path spinToml = java.nio.file.Files.isDirectory(module) ? module.resolve("spin.toml") : module;
    if (spinToml.getFileName() != null && spinToml.getFileName().toString().endsWith(".toml")) {
      return pushApplication(spinToml, ref);
    }
    byte[] bytes = ModuleFiles.readBinary(module);
    PrintWriter err = spec.commandLine().getErr();
    PushResult r =
        OciSupport.call(
            () ->
                OciSupport.oci(insecure)
                    .push(bytes, ref, annotations, ProgressBar.on(err, "pushing")));
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "pushed "
            + ref
            + " digest "
            + r.manifest()
            + " ("
            + r.os()
            + ", "
            + OciSupport.size(r.size())
            + ", module "
            + r.moduleOutcome().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + ")");
    out.flush();
    return 0;
  }

  private int pushApplication(Path spinToml, Reference ref) {
    LockedApp app;
    try {
      app = Manifest.read(spinToml).lock();
    } catch (ServeException e) {
      throw new UserException(e.getMessage(), e);
    }
    PrintWriter err = spec.commandLine().getErr();
    SpinApplication pushed =
        OciSupport.call(
            () ->
                OciSupport.oci(insecure)
                    .pushApplication(app, ref, annotations, ProgressBar.on(err, "pushing")));
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "pushed "
            + ref
            + " digest "
            + pushed.manifest()
            + " (Spin application "
            + app.name()
            + ": "
            + OciSupport.count(app.components().size(), "component")
            + ", "
            + OciSupport.count(pushed.fileCount(), "file")
            + ", "
            + OciSupport.count(pushed.layers(), "layer")
            + ", "
            + OciSupport.size(pushed.size())
            + ")");
    out.flush();
    return 0;
  }
}

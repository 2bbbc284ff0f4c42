package dev.cortado.cli;

import dev.cortado.oci.PushResult;
import dev.cortado.oci.Reference;
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
 * layout, then prints one summary line.
 */
@Command(
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    name = "push",
    description = {
      "Push a WebAssembly module or component to an OCI registry (CNCF Wasm artifact layout).",
      "Credentials come from 'cortado login' or Docker's config.json."
    })
final class PushCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODULE", description = "the .wasm file")
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
    byte[] bytes = ModuleFiles.read(module).toArray();
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
}

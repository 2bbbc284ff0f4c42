package dev.cortado.cli;

import dev.cortado.compiler.CompileProgress;
import dev.cortado.compiler.PrecompiledModule;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.internal.IoReasons;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cortado compile}: compiles a module to JVM classes ahead of time, into the code cache
 * (what {@code run --engine=compiler} then loads) or into a jar for an application's class path.
 */
@Command(
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    name = "compile",
    description = {
      "Compile a module to JVM classes ahead of time.",
      "Without -o, into the code cache, so that --engine=compiler runs it without compiling;"
          + " with -o, into a jar: an application with the jar on its class path runs the module"
          + " compiled, without the compiler."
    })
final class CompileCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODULE", description = "the .wasm or .wat file")
  Path module;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "JAR",
      description = "write the classes to this jar instead of the code cache")
  Path output;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "the code cache folder (default: $CORTADO_CACHE_DIR, else"
              + " $${XDG_CACHE_HOME:-~/.cache}/cortado/code)")
  Path cacheDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (output != null) {
      OutputFiles.requireFileName(
          output,
          "jar",
          module.getFileName().toString().replaceFirst("\\.(wasm|wat)$", "") + ".jar");
    }
    Bytes bytes = ModuleFiles.read(module);
    // A module of tens of megabytes takes tens of seconds: a bar on a terminal shows how far.
    var bar = ProgressBar.on(spec.commandLine().getErr(), "compiling");
    String name = module.getFileName().toString();
    CompileProgress progress = (done, total) -> bar.update(name, done, total);
    PrecompiledModule compiled =
        ModuleFiles.looksLikeBinary(bytes)
            ? PrecompiledModule.compile(bytes.toArray(), progress)
            : PrecompiledModule.compile(ModuleFiles.parse(module, bytes), progress);
    PrintWriter out = spec.commandLine().getOut();
    String what =
        compiled.classCount()
            + " classes, "
            + compiled.compiledFunctions()
            + " functions compiled; module sha256 "
            + compiled.sha256();
    if (output != null) {
      try {
        compiled.writeJar(output);
      } catch (IOException e) {
        throw new UserException(output + ": cannot write: " + IoReasons.of(e, output), e);
      }
      out.println("wrote " + output + " (" + what + ")");
    } else {
      Path folder = cacheDir != null ? cacheDir : EngineConfig.defaultCodeCache();
      Path entry;
      try {
        entry = compiled.writeToCache(folder);
      } catch (IOException e) {
        throw new UserException(
            folder + ": cannot write the code cache: " + IoReasons.of(e, folder), e);
      }
      out.println("cached " + entry + " (" + what + ")");
    }
    return 0;
  }
}

package dev.cortado.cli;

import dev.cortado.wast.Failure;
import dev.cortado.wast.FileResult;
import dev.cortado.wast.WastRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cortado wast FILE...}: runs WebAssembly spec scripts; one line per failure ({@code
 * FILE:LINE: ...}, or {@code FILE:LINE:COLUMN: script: does not parse: ...} for a script that does
 * not parse, which counts as one failed command, and the run goes on with the next file), then
 * {@code N passed, N failed, N skipped}. Scripts depend on that shape.
 */
@Command(
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    name = "wast",
    description = {
      "Run WebAssembly spec test scripts (.wast).",
      "Prints a line per failure (FILE:LINE: ...) and a closing line: N passed, N failed, N skipped.",
      "A script that does not parse is one failure (FILE:LINE:COLUMN: script: ...).",
      "Exits with 1 if anything failed."
    })
final class WastCommand implements Callable<Integer> {
  @Mixin EngineOption engineOption = new EngineOption();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = ".wast scripts")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    WastRunner runner = WastRunner.create(engineOption.create());
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (Path file : files) {
      // A missing file is a clear error, not a stack trace; failures name the file as given.
      String text = ModuleFiles.text(ModuleFiles.read(file));
      FileResult r = runner.run(text, file.toString());
      for (Failure f : r.failures()) {
        out.println(f);
      }
      passed += r.passed();
      failed += r.failed();
      skipped += r.skipped();
    }
    out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}

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
 * FILE:LINE: ...}), then {@code N passed, N failed, N skipped}. Scripts depend on that shape.
 */
@Command(
    name = "wast",
    description = {
      "Run WebAssembly spec test scripts (.wast).",
      "Prints a line per failure (FILE:LINE: ...) and a closing line: N passed, N failed, N skipped.",
      "Exits with 1 if anything failed."
    })
final class WastCommand implements Callable<Integer> {
  @Mixin EngineOption engineOption = new EngineOption();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = ".wast scripts")
  List<Path> files;

  @Override
  public Integer call() throws java.io.IOException {
    PrintWriter out = spec.commandLine().getOut();
    WastRunner runner = WastRunner.create(engineOption.create());
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (Path file : files) {
      ModuleFiles.read(file); // a missing file is a clear error, not a stack trace
      FileResult r = runner.run(file);
      for (Failure f : r.failures()) {
        out.println(file + ":" + f.line() + ": " + f.command() + ": " + f.message());
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

package dev.cortado.cli;

import dev.cortado.wasm.internal.IoReasons;
import dev.cortado.wast.Failure;
import dev.cortado.wast.FileResult;
import dev.cortado.wast.WastRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
      "A folder stands for the .wast scripts in it, in name order (not those in its subfolders).",
      "Prints a line per failure (FILE:LINE: ...) and a closing line: N passed, N failed, N skipped.",
      "A script that does not parse is one failure (FILE:LINE:COLUMN: script: ...).",
      "Exits with 1 if anything failed."
    })
final class WastCommand implements Callable<Integer> {
  @Mixin EngineOption engineOption = new EngineOption();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = ".wast scripts, or folders of them")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    WastRunner runner = WastRunner.create(engineOption.create());
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (Path file : scripts(files)) {
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

  /** Returns {@code args} with each folder replaced by the {@code .wast} files in it, by name. */
  static List<Path> scripts(List<Path> args) {
    List<Path> out = new ArrayList<>();
    for (Path arg : args) {
      if (!Files.isDirectory(arg)) {
        out.add(arg);
        continue;
      }
      try (Stream<Path> entries = Files.list(arg)) {
        List<Path> found =
            entries
                .filter(p -> p.getFileName().toString().endsWith(".wast") && Files.isRegularFile(p))
                .sorted()
                .toList();
        if (found.isEmpty()) {
          throw new UserException(arg + ": no .wast scripts in this folder");
        }
        out.addAll(found);
      } catch (IOException e) {
        throw new UserException(arg + ": cannot list the folder: " + IoReasons.of(e, arg), e);
      }
    }
    return out;
  }
}

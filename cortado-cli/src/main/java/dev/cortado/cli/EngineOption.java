package dev.cortado.cli;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --engine=interpreter|compiler}, shared by the commands that run code. */
final class EngineOption {
  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description =
          "What runs the code: interpreter (starts at once; the default) or compiler (JVM"
              + " bytecode, compiled before the first call; fastest for long runs).")
  String engine = "interpreter";

  /** Returns an engine of the chosen kind, or fails with a message naming the choices. */
  Engine create() {
    ExecutionEngine kind =
        switch (engine.toLowerCase(Locale.ROOT)) {
          case "interpreter" -> ExecutionEngine.INTERPRETER;
          case "compiler" -> ExecutionEngine.COMPILER;
          default ->
              throw new UserException(
                  "unknown --engine '" + engine + "': use interpreter or compiler");
        };
    return Engine.create(EngineConfig.defaults().withExecutionEngine(kind));
  }
}

package dev.cortado.cli;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --engine=auto|interpreter|compiler}, shared by the commands that run code. */
final class EngineOption {
  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description =
          "What runs the code: auto (the default: starts in the interpreter, compiles to JVM"
              + " bytecode in the background once the program has run a while), interpreter, or"
              + " compiler (compiles every function before the first call).")
  String engine = "auto";

  /** Returns an engine of the chosen kind, or fails with a message naming the choices. */
  Engine create() {
    ExecutionEngine kind =
        switch (engine.toLowerCase(Locale.ROOT)) {
          case "interpreter" -> ExecutionEngine.INTERPRETER;
          case "compiler" -> ExecutionEngine.COMPILER;
          case "auto" -> ExecutionEngine.AUTO;
          default ->
              throw new UserException(
                  "unknown --engine '" + engine + "': use auto, interpreter or compiler");
        };
    return Engine.create(EngineConfig.defaults().withExecutionEngine(kind));
  }
}

package dev.cortado.cli;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.wasm.WasmVersion;
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

  @Option(
      names = "--wasm",
      paramLabel = "VERSION",
      description =
          "The edition of the WebAssembly standard modules are read and validated by: 3.0 (the"
              + " default) or 2.0.")
  String wasm = "3.0";

  /** Returns the edition {@code --wasm} names, or fails with a message naming the choices. */
  static WasmVersion wasmVersion(String wasm) {
    return switch (wasm) {
      case "3.0", "3" -> WasmVersion.WASM_3_0;
      case "2.0", "2" -> WasmVersion.WASM_2_0;
      default -> throw new UserException("unknown --wasm '" + wasm + "': use 3.0 or 2.0");
    };
  }

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
    // The command's class path holds no precompiled modules: asking its 32 jars costs ~30 ms.
    return Engine.create(
        EngineConfig.defaults()
            .withExecutionEngine(kind)
            .withWasmVersion(wasmVersion(wasm))
            .withoutPrecompiledCode());
  }
}

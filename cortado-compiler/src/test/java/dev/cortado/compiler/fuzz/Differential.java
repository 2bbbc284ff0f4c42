package dev.cortado.compiler.fuzz;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.StoreConfig;
import dev.cortado.wasm.Export;
import dev.cortado.wasm.ExternKind;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.valid.Validator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a module on the interpreter and on the compiler and compares what they did. The module is
 * first given exports for every global, memory and table it does not export, so that their final
 * contents are compared too.
 */
final class Differential {
  static final Engine INTERPRETER =
      Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.INTERPRETER));
  static final Engine COMPILER =
      Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.COMPILER));

  private Differential() {}

  /** Both engines' outcomes and how they compare. */
  record Result(Verdict verdict, Outcome interpreter, Outcome compiler) {}

  /**
   * Runs {@code wasm} on both engines.
   *
   * @throws dev.cortado.wasm.WasmException if Cortado finds the module malformed or invalid (both
   *     engines share the decoder and the validator, so that is no divergence)
   */
  static Result run(byte[] wasm) {
    return run(wasm, StoreConfig.defaults());
  }

  /** Runs {@code wasm} on both engines, each in a store with {@code config}'s limits. */
  static Result run(byte[] wasm, StoreConfig config) {
    WasmModule original = ModuleDecoder.decode(wasm);
    Validator.validate(original);
    WasmModule module = exposeState(original);
    List<String> functions =
        original.exports().stream()
            .filter(e -> e.kind() == ExternKind.FUNC)
            .map(Export::name)
            .filter(n -> !n.equals(EngineRun.HANG_LIMIT_RESET))
            .toList();
    CallArguments arguments = new CallArguments(wasm);
    Outcome interpreter = EngineRun.run(INTERPRETER, module, functions, arguments, config);
    Outcome compiler = EngineRun.run(COMPILER, module, functions, arguments, config);
    return new Result(Outcome.compare(interpreter, compiler), interpreter, compiler);
  }

  /** Adds an export for each global, memory and table that has none. */
  static WasmModule exposeState(WasmModule module) {
    Set<String> exported = new HashSet<>();
    for (Export e : module.exports()) {
      exported.add(e.kind() + ":" + e.index());
    }
    WasmModule.Builder b = module.toBuilder();
    expose(b, exported, ExternKind.GLOBAL, module.globalCount());
    expose(b, exported, ExternKind.MEMORY, module.memoryCount());
    expose(b, exported, ExternKind.TABLE, module.tableCount());
    return b.build();
  }

  private static void expose(WasmModule.Builder b, Set<String> exported, ExternKind kind, int n) {
    for (int i = 0; i < n; i++) {
      if (!exported.contains(kind + ":" + i)) {
        b.addExport(new Export("cortado-fuzz:" + kind.text() + i, kind, i));
      }
    }
  }
}

package dev.cortado.wasm.valid;

import dev.cortado.wasm.Function;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.internal.Chunks;
import dev.cortado.wasm.internal.KnownValid;
import java.util.List;

/**
 * Validates a module against the WebAssembly 2.0 validation rules.
 *
 * <p>Module-level rules are checked first; then function bodies, in parallel across cores when the
 * module has enough code to make that worthwhile. When several functions are invalid, the one with
 * the lowest index is reported, whatever the scheduling.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/index.html">Validation</a>
 */
public final class Validator {
  static {
    KnownValid.installValidator(Validator::validateLazily);
  }

  private Validator() {}

  /**
   * Validates {@code module}.
   *
   * @return the validated module, with what validation learned about it
   * @throws InvalidException if the module breaks a validation rule
   * @throws MalformedException if the module holds code that is not well-formed (possible only for
   *     modules built in memory, not decoded or parsed)
   */
  public static ValidatedModule validate(WasmModule module) {
    return validate(module, Runtime.getRuntime().availableProcessors() > 1);
  }

  /**
   * Validates {@code module}, with function bodies in parallel only if {@code parallel} and the
   * module is large enough.
   */
  public static ValidatedModule validate(WasmModule module, boolean parallel) {
    return validate(module, parallel, WasmVersion.WASM_3_0);
  }

  /**
   * Validates {@code module} against edition {@code version} of the standard, with function bodies
   * in parallel only if {@code parallel} and the module is large enough.
   */
  public static ValidatedModule validate(WasmModule module, boolean parallel, WasmVersion version) {
    Context ctx = ModuleRules.check(module, version);
    List<Function> functions = module.functions();
    FunctionInfo[] infos = new FunctionInfo[functions.size()];
    Chunks.run(
        infos.length,
        i -> functions.get(i).body().code().length(),
        parallel,
        () -> {
          FunctionValidator v = new FunctionValidator(ctx, module);
          return i -> infos[i] = v.validateFunction(i, functions.get(i));
        });
    return new ValidatedModule(module, ctx, infos);
  }

  /**
   * Checks the module-level rules of a module already known to be valid (the same bytes were
   * validated before), and validates each function only when its {@link FunctionInfo} is first
   * asked for.
   */
  static ValidatedModule validateLazily(WasmModule module) {
    return new ValidatedModule(
        module,
        ModuleRules.check(module, WasmVersion.WASM_3_0),
        new FunctionInfo[module.functions().size()]);
  }
}

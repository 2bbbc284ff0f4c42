package dev.cortado.wasm.valid;

import dev.cortado.wasm.Function;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.WasmModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

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
  /** Below this much code, validating on one thread is faster than splitting the work. */
  static final long PARALLEL_THRESHOLD_BYTES = 256 * 1024;

  /** Functions are validated in chunks of about this much code per task. */
  private static final long CHUNK_BYTES = 64 * 1024;

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
    Context ctx = ModuleRules.check(module);
    List<Function> functions = module.functions();
    FunctionInfo[] infos = new FunctionInfo[functions.size()];
    long codeBytes = 0;
    for (Function f : functions) {
      codeBytes += f.body().code().length();
    }
    if (parallel && codeBytes >= PARALLEL_THRESHOLD_BYTES && functions.size() > 1) {
      validateInParallel(module, ctx, infos);
    } else {
      FunctionValidator v = new FunctionValidator(ctx, module);
      for (int i = 0; i < infos.length; i++) {
        infos[i] = v.validateFunction(i, functions.get(i));
      }
    }
    return new ValidatedModule(module, ctx, Arrays.asList(infos));
  }

  private static void validateInParallel(WasmModule module, Context ctx, FunctionInfo[] infos) {
    List<Function> functions = module.functions();
    List<Integer> starts = new ArrayList<>();
    long size = CHUNK_BYTES;
    for (int i = 0; i < functions.size(); i++) {
      if (size >= CHUNK_BYTES) {
        starts.add(i);
        size = 0;
      }
      size += functions.get(i).body().code().length();
    }
    starts.add(functions.size());
    RuntimeException[] failures = new RuntimeException[starts.size() - 1];
    IntStream.range(0, failures.length)
        .parallel()
        .forEach(
            c -> {
              FunctionValidator v = new FunctionValidator(ctx, module);
              try {
                for (int i = starts.get(c); i < starts.get(c + 1); i++) {
                  infos[i] = v.validateFunction(i, functions.get(i));
                }
              } catch (InvalidException | MalformedException e) {
                failures[c] = e;
              }
            });
    for (RuntimeException e : failures) {
      if (e != null) {
        throw e;
      }
    }
  }
}

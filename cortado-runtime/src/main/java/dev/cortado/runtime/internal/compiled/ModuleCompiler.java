package dev.cortado.runtime.internal.compiled;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.valid.ValidatedModule;
import java.util.function.ToIntFunction;

/**
 * A compiler from validated modules to JVM code, found with {@link java.util.ServiceLoader}; the
 * {@code cortado-compiler} module provides one.
 */
public interface ModuleCompiler {
  /**
   * Compiles every function of {@code module}.
   *
   * @param typeIds the engine's function type ids, which {@code call_indirect} compares
   * @throws CompilationException if the module uses something this compiler cannot compile
   */
  CompiledModule compile(ValidatedModule module, ToIntFunction<FuncType> typeIds);
}

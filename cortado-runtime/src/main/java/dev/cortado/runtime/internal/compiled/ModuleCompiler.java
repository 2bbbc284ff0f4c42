package dev.cortado.runtime.internal.compiled;

/**
 * A compiler from validated modules to JVM code, found with {@link java.util.ServiceLoader}; the
 * {@code cortado-compiler} module provides one.
 */
public interface ModuleCompiler {
  /**
   * Compiles every function of the request's module, or loads its code from the request's cache.
   * The code depends on the module alone (no engine-wide type ids are built in: {@code
   * call_indirect} reads them from the instance), so it can be cached and shared.
   *
   * @throws CompilationException if the module uses something this compiler cannot compile
   */
  CompiledModule compile(CompileRequest request);
}

package dev.cortado.compiler;

/**
 * Hears how far a compilation ahead of time ({@link PrecompiledModule}) has come, for a progress
 * bar: large modules take seconds to minutes. Called on the compiling thread, after each group of
 * functions, with the bytes of function bodies compiled so far.
 */
@FunctionalInterface
public interface CompileProgress {
  /**
   * Hears that {@code done} of the module's {@code total} bytes of function bodies are compiled.
   */
  void compiled(long done, long total);

  /** Returns a listener that ignores everything. */
  static CompileProgress none() {
    return (done, total) -> {};
  }
}

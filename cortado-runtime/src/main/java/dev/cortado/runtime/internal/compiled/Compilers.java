package dev.cortado.runtime.internal.compiled;

import java.util.ServiceLoader;

/** Finds the {@link ModuleCompiler} on the class or module path. */
public final class Compilers {
  private static volatile ModuleCompiler found;

  private Compilers() {}

  /** Returns whether a compiler is on the class or module path. */
  public static boolean available() {
    if (found != null) {
      return true;
    }
    try {
      find();
      return true;
    } catch (CompilationException absent) {
      return false;
    }
  }

  /**
   * Returns the compiler.
   *
   * @throws CompilationException if no compiler is on the class or module path
   */
  public static ModuleCompiler find() {
    ModuleCompiler c = found;
    if (c == null) {
      c =
          ServiceLoader.load(ModuleCompiler.class, Compilers.class.getClassLoader())
              .findFirst()
              .orElseThrow(
                  () ->
                      new CompilationException(
                          "the compiler engine is not available: put cortado-compiler on the"
                              + " class path, or use the interpreter"));
      found = c;
    }
    return c;
  }
}

package dev.cortado.runtime.internal.compiled;

import java.util.Optional;
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
          onClassPath()
              .or(
                  () ->
                      ServiceLoader.load(ModuleCompiler.class, Compilers.class.getClassLoader())
                          .findFirst())
              .orElseThrow(
                  () ->
                      new CompilationException(
                          "the compiler engine is not available: put cortado-compiler on the"
                              + " class path, or use the interpreter"));
      found = c;
    }
    return c;
  }

  /** The class that the compiler's jar and module provide for this service. */
  public static final String PROVIDER = "dev.cortado.compiler.internal.JvmModuleCompiler";

  /**
   * On the class path, the compiler by its class name: a service look-up there first asks every
   * module of the JDK for the service file (about 30 ms of a cold start, with the class loaded from
   * the class-data-sharing archive all the same). On the module path, or when the class is absent,
   * the service look-up decides.
   */
  private static Optional<ModuleCompiler> onClassPath() {
    if (Compilers.class.getModule().isNamed()) {
      return Optional.empty();
    }
    try {
      Class<?> type = Class.forName(PROVIDER, true, Compilers.class.getClassLoader());
      return Optional.of((ModuleCompiler) type.getConstructor().newInstance());
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return Optional.empty();
    }
  }
}

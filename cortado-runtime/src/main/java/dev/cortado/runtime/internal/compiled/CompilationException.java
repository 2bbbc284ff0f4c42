package dev.cortado.runtime.internal.compiled;

/** A module the compiler cannot turn into JVM code; the message says what and where. */
public final class CompilationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean outsideScope;

  /** Creates the exception with {@code message}. */
  public CompilationException(String message) {
    this(message, null, false);
  }

  /** Creates the exception with {@code message} and the exception that caused it. */
  public CompilationException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private CompilationException(String message, Throwable cause, boolean outsideScope) {
    super(message, cause);
    this.outsideScope = outsideScope;
  }

  /**
   * Returns the exception for a module that uses what the compiler does not handle yet ({@link
   * CompilerScope}): no fault, so it is not reported as one.
   */
  public static CompilationException outsideScope(String why) {
    return new CompilationException(outsideScopeMessage(why), null, true);
  }

  /** Returns what to say of a module outside what the compiler handles, because of {@code why}. */
  public static String outsideScopeMessage(String why) {
    return "the module runs in the interpreter: "
        + why
        + ", which the compiler does not handle yet";
  }

  /** Returns whether the module is outside what the compiler handles, rather than a failure. */
  public boolean outsideScope() {
    return outsideScope;
  }
}

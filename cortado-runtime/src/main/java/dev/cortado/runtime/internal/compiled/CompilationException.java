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
   * Returns the exception for a function that uses what the compiler does not handle yet ({@code
   * why}, as "it ..."): no fault, so the compiler leaves the function to the interpreter without a
   * warning.
   */
  public static CompilationException outsideScope(String why) {
    return new CompilationException(why + ", which the compiler does not handle yet", null, true);
  }

  /** Returns whether the function is outside what the compiler handles, rather than a failure. */
  public boolean outsideScope() {
    return outsideScope;
  }
}

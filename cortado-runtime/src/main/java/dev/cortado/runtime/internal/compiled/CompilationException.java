package dev.cortado.runtime.internal.compiled;

/** A module the compiler cannot turn into JVM code; the message says what and where. */
public final class CompilationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with {@code message}. */
  public CompilationException(String message) {
    super(message);
  }

  /** Creates the exception with {@code message} and the exception that caused it. */
  public CompilationException(String message, Throwable cause) {
    super(message, cause);
  }
}

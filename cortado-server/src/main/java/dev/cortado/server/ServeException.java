package dev.cortado.server;

/**
 * An application cannot be served: its manifest is wrong ({@link ManifestException}), a module
 * cannot be read or is not one the server can run, or the server cannot listen. The message says
 * what to change; it never needs a stack trace to be understood.
 */
public class ServeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with {@code message}. */
  public ServeException(String message) {
    super(message);
  }

  /** Creates the exception with {@code message} and the {@code cause} behind it. */
  public ServeException(String message, Throwable cause) {
    super(message, cause);
  }
}

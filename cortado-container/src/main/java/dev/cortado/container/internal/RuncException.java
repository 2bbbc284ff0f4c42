package dev.cortado.container.internal;

/**
 * A failure to report to the caller in words: one line in the log file the shim reads and on
 * standard error, and a non-zero exit status. Never shown with a Java stack trace.
 */
public final class RuncException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with this message. */
  public RuncException(String message) {
    super(message);
  }

  /** A failure with this message, caused by {@code cause} (kept for {@code --debug}). */
  public RuncException(String message, Throwable cause) {
    super(message, cause);
  }
}

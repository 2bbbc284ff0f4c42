package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.internal.store.ExceptionInstance;

/**
 * A WebAssembly exception on its way to a handler: the Java exception that carries it across
 * interpreter frames, host functions and compiled code. It has no Java stack trace (filling one in
 * would cost more than the throw itself); the host sees {@code UncaughtException} instead.
 */
public final class Thrown extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The exception thrown. */
  public final transient ExceptionInstance exception;

  /** Creates the carrier of {@code exception}. */
  public Thrown(ExceptionInstance exception) {
    super("uncaught WebAssembly exception", null, false, false);
    this.exception = exception;
  }
}

package dev.cortado.runtime;

import dev.cortado.wasm.WasmException;

/**
 * Execution stopped before finishing because a limit set by the embedder was reached: the fuel ran
 * out, the deadline passed, or {@link Store#interrupt()} was called. The store stays usable: add
 * fuel or move the deadline, and call again.
 */
public final class ExecutionInterruptedException extends WasmException {
  private static final long serialVersionUID = 1L;

  /** Why execution stopped. */
  public enum Reason {
    /** The store's fuel ran out. */
    OUT_OF_FUEL("out of fuel"),
    /** The store's deadline passed. */
    DEADLINE("deadline exceeded"),
    /** {@link Store#interrupt()} was called. */
    INTERRUPTED("interrupted");

    private final String text;

    Reason(String text) {
      this.text = text;
    }

    /** Returns the reason as a message. */
    public String text() {
      return text;
    }
  }

  private final Reason reason;

  /** Creates the exception for {@code reason}. */
  public ExecutionInterruptedException(Reason reason) {
    super("execution interrupted", reason.text(), "", null);
    this.reason = reason;
  }

  /** Returns why execution stopped. */
  public Reason reason() {
    return reason;
  }
}

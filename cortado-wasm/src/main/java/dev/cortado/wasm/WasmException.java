package dev.cortado.wasm;

/**
 * The base of Cortado's exceptions for the outcomes the WebAssembly spec defines: a module that is
 * malformed or invalid, and (in the runtime) unlinkable imports, traps and exhaustion.
 *
 * <p>The message says what went wrong and where; {@link #problem()} is the bare description.
 */
public abstract class WasmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;

  /** Creates an exception for {@code problem}, with {@code message} as the full message. */
  protected WasmException(String problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  /** Returns the problem alone, without where it was found, for example {@code "type mismatch"}. */
  public String problem() {
    return problem;
  }
}

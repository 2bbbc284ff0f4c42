package dev.cortado.wasm;

/**
 * The base of Cortado's exceptions for the outcomes the WebAssembly spec defines: a module that is
 * malformed or invalid, and (in the runtime) unlinkable imports, traps and exhaustion.
 *
 * <p>The message is {@code "<kind>: <problem>, <where>"}, for example {@code "invalid module: type
 * mismatch: expected i32, got f64, in function 3 at byte 120 (0x78)"}.
 */
public abstract class WasmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String where;

  /**
   * Creates an exception.
   *
   * @param kind what kind of failure, for example {@code "malformed module"}
   * @param problem what is wrong
   * @param where where it was found, or the empty string
   * @param cause the underlying exception, or null
   */
  protected WasmException(String kind, String problem, String where, Throwable cause) {
    super(kind + ": " + problem + (where.isEmpty() ? "" : ", " + where), cause);
    this.problem = problem;
    this.where = where;
  }

  /** Returns the problem alone, for example {@code "type mismatch: expected i32, got f64"}. */
  public String problem() {
    return problem;
  }

  /** Returns where the problem was found, or the empty string if nowhere in particular. */
  public String where() {
    return where;
  }

  /** Returns the problem and where it was found, without the kind. */
  public String detail() {
    return where.isEmpty() ? problem : problem + ", " + where;
  }
}

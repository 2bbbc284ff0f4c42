package dev.cortado.runtime;

import dev.cortado.wasm.WasmException;
import java.util.Objects;

/**
 * Execution of WebAssembly code trapped: it stopped because of an error the spec defines, such as
 * an out-of-bounds memory access or an integer division by zero.
 *
 * @see <a href="https://webassembly.github.io/spec/core/intro/overview.html#trap">Traps</a>
 */
public class Trap extends WasmException {
  private static final long serialVersionUID = 1L;

  private final TrapKind kind;

  /** Creates a trap of {@code kind}, with {@code where} saying where it happened (or empty). */
  protected Trap(TrapKind kind, String where) {
    super("trap", kind.message(), where, null);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** Returns a trap of {@code kind}, not yet placed in any code. */
  public static Trap of(TrapKind kind) {
    return new Trap(kind, "");
  }

  /** Returns why the trap happened. */
  public TrapKind kind() {
    return kind;
  }
}

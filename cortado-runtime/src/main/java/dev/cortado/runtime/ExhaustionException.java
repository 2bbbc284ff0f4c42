package dev.cortado.runtime;

import java.util.List;

/**
 * The call stack was exhausted: WebAssembly calls nested deeper than the store's limit (or than the
 * slots the store allows). The spec calls this resource exhaustion; it is a kind of trap ({@link
 * TrapKind#CALL_STACK_EXHAUSTED}), so {@code catch (Trap t)} sees it too.
 */
public final class ExhaustionException extends Trap {
  private static final long serialVersionUID = 1L;

  ExhaustionException(List<WasmStackFrame> frames) {
    super(TrapKind.CALL_STACK_EXHAUSTED, frames);
  }
}

package dev.cortado.runtime;

import dev.cortado.wasm.WasmException;

/**
 * Instantiation failed for a reason outside the spec's outcomes: a memory or table the module
 * defines is larger than the store allows, or than the JVM can hold. (A trap during instantiation,
 * in a segment or the start function, is thrown as the {@link Trap} itself.)
 */
public final class InstantiationException extends WasmException {
  private static final long serialVersionUID = 1L;

  InstantiationException(String problem, Throwable cause) {
    super("instantiation failed", problem, "", cause);
  }
}

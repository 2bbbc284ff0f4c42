package dev.cortado.component;

import dev.cortado.wasm.WasmException;

/**
 * A component could not be instantiated: an import the host does not provide or that does not
 * match, a definition that refers to something undefined, or a feature Cortado does not run yet.
 */
public final class ComponentLinkException extends WasmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception: {@code problem}, found at {@code where}. */
  ComponentLinkException(String problem, String where) {
    super("unlinkable component", problem, where, null);
  }
}

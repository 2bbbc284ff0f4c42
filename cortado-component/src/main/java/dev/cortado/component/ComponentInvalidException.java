package dev.cortado.component;

import dev.cortado.wasm.WasmException;

/**
 * A component is well-formed but breaks a validation rule: an index out of range, an alias of the
 * wrong sort, a lifted core function of the wrong type, a missing canonical option, a duplicate
 * name, an invalid core module.
 */
public final class ComponentInvalidException extends WasmException {
  private static final long serialVersionUID = 1L;

  ComponentInvalidException(String problem, String where) {
    super("invalid component", problem, where, null);
  }
}

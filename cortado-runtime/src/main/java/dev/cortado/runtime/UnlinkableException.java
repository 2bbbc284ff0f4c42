package dev.cortado.runtime;

import dev.cortado.wasm.WasmException;

/**
 * Instantiation failed because an import could not be satisfied: nothing is defined under its name,
 * or what is defined has the wrong kind or type.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/modules.html#instantiation">
 *     Instantiation</a>
 */
public final class UnlinkableException extends WasmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for import {@code module}.{@code name} and the reason. */
  UnlinkableException(String module, String name, String problem) {
    super("unlinkable", problem, "import \"" + module + "\" \"" + name + "\"", null);
  }
}

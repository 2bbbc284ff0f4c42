package dev.cortado.wasm;

import java.util.Objects;

/**
 * A global defined in the module, with its initializer (a constant expression).
 *
 * @param type the global's type
 * @param init the constant expression giving its initial value
 * @see <a href="https://webassembly.github.io/spec/core/syntax/modules.html#globals">Globals</a>
 */
public record Global(GlobalType type, Expression init) {
  /** Checks both parts are present. */
  public Global {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(init, "init");
  }
}

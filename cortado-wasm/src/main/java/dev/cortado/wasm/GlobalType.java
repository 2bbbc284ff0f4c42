package dev.cortado.wasm;

import java.util.Objects;

/**
 * The type of a global: its value type and whether it can be set.
 *
 * @param valueType the type of the value
 * @param mutable whether {@code global.set} may change it
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#global-types">Global
 *     types</a>
 */
public record GlobalType(ValType valueType, boolean mutable) {
  /** Checks the value type is present. */
  public GlobalType {
    Objects.requireNonNull(valueType, "valueType");
  }

  @Override
  public String toString() {
    return mutable ? "(mut " + valueType.text() + ")" : valueType.text();
  }
}

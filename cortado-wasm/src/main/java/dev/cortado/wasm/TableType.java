package dev.cortado.wasm;

import java.util.Objects;

/**
 * The type of a table: its element type and size limits.
 *
 * @param elementType the type of the references the table holds
 * @param limits the size range, in elements
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#table-types">Table
 *     types</a>
 */
public record TableType(RefType elementType, Limits limits) {
  /** Checks both parts are present. */
  public TableType {
    Objects.requireNonNull(elementType, "elementType");
    Objects.requireNonNull(limits, "limits");
  }

  @Override
  public String toString() {
    return limits + " " + elementType.text();
  }
}

package dev.cortado.wasm;

import java.util.Objects;

/**
 * The type of a table: its element type and size limits.
 *
 * @param elementType the type of the references the table holds
 * @param limits the size range, in elements
 * @param addressType whether indexes are 32-bit or 64-bit (table64, part of memory64)
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#table-types">Table
 *     types</a>
 */
public record TableType(RefType elementType, Limits limits, AddressType addressType) {
  /** Checks the parts are present. */
  public TableType {
    Objects.requireNonNull(elementType, "elementType");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(addressType, "addressType");
  }

  /** Returns the type of a table with 32-bit indexes. */
  public TableType(RefType elementType, Limits limits) {
    this(elementType, limits, AddressType.I32);
  }

  @Override
  public String toString() {
    return (addressType == AddressType.I32 ? "" : "i64 ") + limits + " " + elementType.text();
  }
}

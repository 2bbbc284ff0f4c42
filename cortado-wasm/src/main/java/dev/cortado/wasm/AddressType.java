package dev.cortado.wasm;

/**
 * The type of the addresses into a memory or the indexes into a table: 32-bit, or 64-bit (Wasm 3.0
 * memory64, which covers tables too).
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#address-types">Address
 *     types</a>
 */
public enum AddressType {
  /** 32-bit addresses: the only kind before Wasm 3.0. */
  I32,
  /** 64-bit addresses. */
  I64;

  /** Returns the value type of an address of this type: {@code i32} or {@code i64}. */
  public NumType valueType() {
    return this == I32 ? NumType.I32 : NumType.I64;
  }

  /** Returns the smaller of two address types, which is the type of a count between them. */
  public static AddressType min(AddressType a, AddressType b) {
    return a == I32 || b == I32 ? I32 : I64;
  }

  /** Returns the text format's keyword: {@code i32} or {@code i64}. */
  public String text() {
    return valueType().text();
  }
}

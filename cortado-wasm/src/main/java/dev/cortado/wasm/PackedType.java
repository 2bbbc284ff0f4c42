package dev.cortado.wasm;

/**
 * The packed storage types of struct fields and array elements (Wasm 3.0 GC): read as an {@code
 * i32}, sign- or zero-extended.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/syntax/types.html#aggregate-types">Aggregate
 *     types</a>
 */
public enum PackedType implements StorageType {
  /** An 8-bit integer. */
  I8("i8", 0x78),
  /** A 16-bit integer. */
  I16("i16", 0x77);

  private final String text;
  private final int code;

  PackedType(String text, int code) {
    this.text = text;
    this.code = code;
  }

  /** Returns the one-byte binary encoding. */
  public int code() {
    return code;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}

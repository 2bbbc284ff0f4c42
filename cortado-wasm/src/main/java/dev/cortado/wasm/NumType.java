package dev.cortado.wasm;

/**
 * The number types.
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#number-types">Number
 *     types</a>
 */
public enum NumType implements ValType {
  /** 32-bit integer. */
  I32("i32"),
  /** 64-bit integer. */
  I64("i64"),
  /** 32-bit IEEE 754 float. */
  F32("f32"),
  /** 64-bit IEEE 754 float. */
  F64("f64");

  private final String text;

  NumType(String text) {
    this.text = text;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public boolean isReference() {
    return false;
  }

  @Override
  public String toString() {
    return text;
  }
}

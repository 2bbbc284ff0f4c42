package dev.cortado.wasm;

/**
 * The vector types.
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#vector-types">Vector
 *     types</a>
 */
public enum VecType implements ValType {
  /** 128-bit vector, interpreted by each instruction as lanes of integers or floats. */
  V128;

  @Override
  public String text() {
    return "v128";
  }

  @Override
  public boolean isReference() {
    return false;
  }

  @Override
  public String toString() {
    return text();
  }
}

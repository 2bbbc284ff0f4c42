package dev.cortado.wasm.text;

import java.util.Optional;

/**
 * How a {@code v128.const} literal splits the 128 bits into lanes.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/text/instructions.html#vector-instructions">
 *     Vector instructions</a>
 */
public enum LaneShape {
  /** Sixteen 8-bit integers. */
  I8X16("i8x16", 16, false),
  /** Eight 16-bit integers. */
  I16X8("i16x8", 8, false),
  /** Four 32-bit integers. */
  I32X4("i32x4", 4, false),
  /** Two 64-bit integers. */
  I64X2("i64x2", 2, false),
  /** Four 32-bit floats. */
  F32X4("f32x4", 4, true),
  /** Two 64-bit floats. */
  F64X2("f64x2", 2, true);

  private final String text;
  private final int lanes;
  private final boolean isFloat;

  LaneShape(String text, int lanes, boolean isFloat) {
    this.text = text;
    this.lanes = lanes;
    this.isFloat = isFloat;
  }

  /** Returns the shape as the text format writes it, for example {@code i32x4}. */
  public String text() {
    return text;
  }

  /** Returns the number of lanes. */
  public int lanes() {
    return lanes;
  }

  /** Returns the width of one lane in bits. */
  public int laneBits() {
    return 128 / lanes;
  }

  /** Returns whether the lanes are floats. */
  public boolean isFloat() {
    return isFloat;
  }

  /** Returns the shape written {@code text}, if there is one. */
  public static Optional<LaneShape> ofText(String text) {
    for (LaneShape s : values()) {
      if (s.text.equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Returns lane {@code i} of {@code (low, high)} as bits, zero-extended to a long. */
  long lane(long low, long high, int i) {
    int bits = laneBits();
    int bit = i * bits;
    long half = bit < 64 ? low : high;
    long v = half >>> (bit % 64);
    return bits == 64 ? v : v & ((1L << bits) - 1);
  }
}

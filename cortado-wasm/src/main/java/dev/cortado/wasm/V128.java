package dev.cortado.wasm;

import java.util.HexFormat;

/**
 * A 128-bit vector value, as two little-endian 64-bit halves.
 *
 * @param low bytes 0 to 7 (lane 0 in the lowest bits)
 * @param high bytes 8 to 15
 */
public record V128(long low, long high) {
  /** The all-zero vector. */
  public static final V128 ZERO = new V128(0, 0);

  /** Returns the vector of the 16 bytes {@code bytes[from..from+16)}, little-endian. */
  public static V128 fromBytes(byte[] bytes, int from) {
    long lo = 0;
    long hi = 0;
    for (int i = 7; i >= 0; i--) {
      lo = (lo << 8) | (bytes[from + i] & 0xFF);
      hi = (hi << 8) | (bytes[from + 8 + i] & 0xFF);
    }
    return new V128(lo, hi);
  }

  /** Returns byte lane {@code i} (0 to 15) as an unsigned value. */
  public int byteAt(int i) {
    long half = i < 8 ? low : high;
    return (int) (half >>> ((i & 7) * 8)) & 0xFF;
  }

  /** Returns the 16 bytes, little-endian. */
  public byte[] toBytes() {
    byte[] b = new byte[16];
    for (int i = 0; i < 16; i++) {
      b[i] = (byte) byteAt(i);
    }
    return b;
  }

  @Override
  public String toString() {
    return "v128(0x" + HexFormat.of().formatHex(toBytes()) + ")";
  }
}

package dev.cortado.wasm.text;

import dev.cortado.wasm.V128;
import java.nio.charset.StandardCharsets;

/**
 * Writes literals so that reading them back gives the same bits: floats as the shortest decimal
 * that rounds back to them (or {@code inf}, {@code nan}, {@code nan:0x...}), strings with escapes
 * for everything but printable ASCII.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/values.html">Values</a>
 */
final class LiteralText {
  private LiteralText() {}

  /** Returns an {@code f32} literal for {@code bits}. */
  static String f32(int bits) {
    float f = Float.intBitsToFloat(bits);
    if (Float.isNaN(f)) {
      return nan(bits < 0, bits & 0x7FFFFF, 0x400000);
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? "inf" : "-inf";
    }
    return Float.toString(f);
  }

  /** Returns an {@code f64} literal for {@code bits}. */
  static String f64(long bits) {
    double d = Double.longBitsToDouble(bits);
    if (Double.isNaN(d)) {
      return nan(bits < 0, bits & 0xFFFFFFFFFFFFFL, 1L << 51);
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    return Double.toString(d);
  }

  private static String nan(boolean negative, long payload, long canonical) {
    return (negative ? "-" : "")
        + (payload == canonical ? "nan" : "nan:0x" + Long.toHexString(payload));
  }

  /** Returns {@code v128.const} operands for {@code v}: four {@code i32} lanes in hexadecimal. */
  static String v128(V128 v) {
    StringBuilder b = new StringBuilder("i32x4");
    for (int i = 0; i < 4; i++) {
      long half = i < 2 ? v.low() : v.high();
      b.append(" 0x").append(Integer.toHexString((int) (half >>> (32 * (i % 2)))));
    }
    return b.toString();
  }

  /** Returns a string literal holding {@code bytes}. */
  static String string(byte[] bytes) {
    StringBuilder b = new StringBuilder(bytes.length + 2).append('"');
    for (byte x : bytes) {
      int c = x & 0xFF;
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        b.append((char) c);
      } else {
        b.append('\\')
            .append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 15, 16));
      }
    }
    return b.append('"').toString();
  }

  /** Returns a string literal holding the UTF-8 encoding of {@code name}. */
  static String string(String name) {
    return string(name.getBytes(StandardCharsets.UTF_8));
  }
}

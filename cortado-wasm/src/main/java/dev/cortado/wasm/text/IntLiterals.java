package dev.cortado.wasm.text;

import java.math.BigInteger;

/**
 * The values of integer literals. An {@code iN} accepts both the signed and the unsigned range
 * ({@code -2^(N-1)} to {@code 2^N-1}) and keeps the low N bits, so {@code 0xffffffff} and {@code
 * -1} are the same {@code i32}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/values.html#integers">Integers</a>
 */
final class IntLiterals {
  private static final BigInteger U32_MAX = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private IntLiterals() {}

  /** Returns the value of {@code text}, a NAT or INT token's text. */
  static BigInteger value(String text) {
    String s = text.replace("_", "");
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    BigInteger v = s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
    return negative ? v.negate() : v;
  }

  /** Returns the bits of an {@code i32} literal, failing with "constant out of range". */
  static int i32(Token t) {
    return (int) bits(t, 32);
  }

  /** Returns the bits of an {@code i64} literal, failing with "constant out of range". */
  static long i64(Token t) {
    return bits(t, 64);
  }

  /** Returns the low {@code width} bits of an integer literal of that width. */
  static long bits(Token t, int width) {
    requireInteger(t);
    BigInteger v = value(t.text());
    BigInteger min = BigInteger.ONE.shiftLeft(width - 1).negate();
    BigInteger max = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw t.error("constant out of range: " + t.text() + " does not fit in " + width + " bits");
    }
    return v.longValue();
  }

  /**
   * Returns a {@code u32} (an index, a limit, an offset) as int bits; {@code what} names it in the
   * error when it is too large.
   */
  static int u32(Token t, String what) {
    if (t.kind() != Token.Kind.NAT) {
      throw t.error("unexpected token " + t.describe() + ", expected " + what);
    }
    return u32(value(t.text()), t, what);
  }

  /**
   * Returns a {@code u64} (a limit) as long bits; {@code what} names it in the error when it is too
   * large.
   */
  static long u64(Token t, String what) {
    if (t.kind() != Token.Kind.NAT) {
      throw t.error("unexpected token " + t.describe() + ", expected " + what);
    }
    return u64(value(t.text()), t, what);
  }

  /** Returns {@code v} as long bits if it is a {@code u64}. */
  static long u64(BigInteger v, Token t, String what) {
    if (v.compareTo(U64_MAX) > 0) {
      throw t.error("i64 constant out of range: " + what + " " + t.text() + " exceeds 2^64-1");
    }
    return v.longValue();
  }

  /** Returns {@code v} as int bits if it is a {@code u32}. */
  static int u32(BigInteger v, Token t, String what) {
    if (v.compareTo(U32_MAX) > 0) {
      throw t.error("i32 constant out of range: " + what + " " + t.text() + " exceeds 2^32-1");
    }
    return v.intValue();
  }

  private static void requireInteger(Token t) {
    if (t.kind() != Token.Kind.NAT && t.kind() != Token.Kind.INT) {
      throw t.error("unexpected token " + t.describe() + ", expected an integer");
    }
  }
}

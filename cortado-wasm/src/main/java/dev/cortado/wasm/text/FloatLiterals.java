package dev.cortado.wasm.text;

import java.math.BigInteger;
import java.util.Locale;

/**
 * The bits of float literals, rounded to nearest (ties to even) straight from the exact decimal or
 * hexadecimal value to the target precision. Going through {@code double} for an {@code f32} would
 * round twice and be wrong for some literals; so every value is an exact fraction here.
 *
 * <p>A literal whose rounded value is infinite is malformed ("constant out of range"), as is a NaN
 * payload that is zero or does not fit the significand.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/values.html#floating-point">Floating
 *     point</a>
 */
final class FloatLiterals {
  /** An IEEE 754 binary format by its field widths. */
  private record Format(int significandBits, int exponentBits) {
    long infinityBits() {
      return ((1L << exponentBits) - 1) << significandBits;
    }

    int bias() {
      return (1 << (exponentBits - 1)) - 1;
    }
  }

  private static final Format F32 = new Format(23, 8);
  private static final Format F64 = new Format(52, 11);

  /** Beyond these magnitudes the exact value is not needed: it is out of range or rounds to 0. */
  private static final int DECIMAL_LIMIT = 400;

  private static final int BINARY_LIMIT = 1200;

  private FloatLiterals() {}

  /** Returns the bits of an {@code f32} literal (any number token). */
  static int f32(Token t) {
    return (int) bits(t, F32);
  }

  /** Returns the bits of an {@code f64} literal (any number token). */
  static long f64(Token t) {
    return bits(t, F64);
  }

  private static long bits(Token t, Format f) {
    if (!t.isNumber()) {
      throw t.error("unexpected token " + t.describe() + ", expected a number");
    }
    String s = t.text().replace("_", "");
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    long magnitude;
    if (s.equals("inf")) {
      magnitude = f.infinityBits();
    } else if (s.equals("nan")) {
      magnitude = f.infinityBits() | (1L << (f.significandBits() - 1));
    } else if (s.startsWith("nan:0x")) {
      BigInteger payload = new BigInteger(s.substring(6), 16);
      if (payload.signum() == 0 || payload.bitLength() > f.significandBits()) {
        throw t.error(
            "constant out of range: NaN payload "
                + s.substring(4)
                + " must be non-zero and fit in "
                + f.significandBits()
                + " bits");
      }
      magnitude = f.infinityBits() | payload.longValue();
    } else if (s.startsWith("0x")) {
      magnitude = hex(s.substring(2), f, t);
    } else {
      magnitude = decimal(s, f, t);
    }
    return negative ? magnitude | (1L << (f.significandBits() + f.exponentBits())) : magnitude;
  }

  /**
   * A literal's significand digits (the point removed), the number of digits after the point, and
   * the exponent after {@code p} or {@code e}.
   */
  private record Parts(String digits, int fractionDigits, long exponent) {
    static Parts of(String s, char exponentMark) {
      int x = s.toLowerCase(Locale.ROOT).indexOf(exponentMark);
      String mantissa = x < 0 ? s : s.substring(0, x);
      int dot = mantissa.indexOf('.');
      return new Parts(
          dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1),
          dot < 0 ? 0 : mantissa.length() - dot - 1,
          x < 0 ? 0 : parseExponent(s.substring(x + 1)));
    }
  }

  private static long hex(String s, Format f, Token t) {
    Parts p = Parts.of(s, 'p');
    return round(new BigInteger(p.digits, 16), p.exponent - 4L * p.fractionDigits, 0, f, t);
  }

  private static long decimal(String s, Format f, Token t) {
    Parts p = Parts.of(s, 'e');
    return round(new BigInteger(p.digits), 0, p.exponent - p.fractionDigits, f, t);
  }

  /** Parses a decimal exponent, saturating far beyond any exponent that matters. */
  private static long parseExponent(String s) {
    BigInteger v = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
    BigInteger cap = BigInteger.valueOf(1_000_000_000L);
    return v.max(cap.negate()).min(cap).longValue();
  }

  /** Rounds {@code m * 2^binExp * 10^decExp} (m ≥ 0) to the format, returning the bits. */
  private static long round(BigInteger m, long binExp, long decExp, Format f, Token t) {
    if (m.signum() == 0) {
      return 0;
    }
    int digits = m.toString().length();
    if (decExp + digits > DECIMAL_LIMIT || m.bitLength() + binExp > BINARY_LIMIT) {
      throw outOfRange(t);
    }
    if (decExp + digits < -DECIMAL_LIMIT || m.bitLength() + binExp < -BINARY_LIMIT) {
      return 0;
    }
    BigInteger num = m;
    BigInteger den = BigInteger.ONE;
    if (decExp >= 0) {
      num = num.multiply(BigInteger.TEN.pow((int) decExp));
    } else {
      den = BigInteger.TEN.pow((int) -decExp);
    }
    if (binExp >= 0) {
      num = num.shiftLeft((int) binExp);
    } else {
      den = den.shiftLeft((int) -binExp);
    }
    // e = floor(log2(num / den)), so that 2^e <= num/den < 2^(e+1).
    int e = num.bitLength() - den.bitLength();
    if (e >= 0 ? num.compareTo(den.shiftLeft(e)) < 0 : num.shiftLeft(-e).compareTo(den) < 0) {
      e--;
    }
    int sig = f.significandBits();
    int minExponent = 1 - f.bias();
    if (e + f.bias() >= (1 << f.exponentBits()) - 1) {
      throw outOfRange(t);
    }
    // Scale so that one unit in the last place of the result is 1, then round the quotient.
    int shift = Math.max(e, minExponent) - sig;
    BigInteger dividend = shift >= 0 ? num : num.shiftLeft(-shift);
    BigInteger divisor = shift >= 0 ? den.shiftLeft(shift) : den;
    BigInteger[] qr = dividend.divideAndRemainder(divisor);
    BigInteger q = qr[0];
    int half = qr[1].shiftLeft(1).compareTo(divisor);
    if (half > 0 || (half == 0 && q.testBit(0))) {
      q = q.add(BigInteger.ONE);
    }
    // A subnormal's bits are its scaled value; rounding up into the normal range carries into the
    // exponent field by itself, and so does a normal significand that rounds up to 2^(sig+1).
    long bits =
        e < minExponent
            ? q.longValue()
            : ((long) (e + f.bias()) << sig) + q.longValue() - (1L << sig);
    if (bits >= f.infinityBits()) {
      throw outOfRange(t);
    }
    return bits;
  }

  private static RuntimeException outOfRange(Token t) {
    return t.error("constant out of range: " + t.text() + " rounds to infinity");
  }
}

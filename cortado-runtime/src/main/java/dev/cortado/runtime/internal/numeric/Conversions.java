package dev.cortado.runtime.internal.numeric;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;

/**
 * The scalar conversions between number types that are not a plain Java cast: float to integer
 * truncation (trapping and saturating), unsigned integer to float, and f32/f64 demotion and
 * promotion with Wasm's NaN rules.
 *
 * <p>Conversions that need no helper: {@code i32.wrap_i64} is {@code (int)}, {@code
 * i64.extend_i32_s} is {@code (long)}, {@code i64.extend_i32_u} is {@code & 0xFFFFFFFFL}, {@code
 * f32.convert_i32_s}, {@code f32.convert_i64_s}, {@code f64.convert_i32_s}, {@code
 * f64.convert_i64_s} are Java's {@code (float)}/{@code (double)} casts (correctly rounded to
 * nearest-even in one step, JLS 5.1.2), the {@code reinterpret} instructions are {@link
 * Float#floatToRawIntBits} and friends (never {@code floatToIntBits}, which canonicalises NaNs),
 * and the signed saturating truncations are Java's {@code (int)}/{@code (long)} casts, which
 * already map NaN to 0 and clamp (JLS 5.1.3); they are here too so that callers can treat all
 * conversions alike.
 *
 * <p>Float operands are Java {@code float}/{@code double}: these operations read their value only.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#conversions">Numeric
 *     conversions</a>
 */
public final class Conversions {
  // Exclusive bounds for truncation, as doubles: every f32 and f64 compares exactly against them
  // (a float widens to double exactly), so one set serves both source types.
  private static final double I32_MIN_MINUS_ONE = -2147483649.0; // -2^31 - 1
  private static final double TWO_POW_31 = 2147483648.0;
  private static final double TWO_POW_32 = 4294967296.0;
  private static final double TWO_POW_63 = 9223372036854775808.0;
  private static final double TWO_POW_64 = 18446744073709551616.0;

  private Conversions() {}

  // ---------------------------------------------------------------------------------------------
  // Trapping truncation

  /**
   * {@code i32.trunc_f32_s}: truncates toward zero.
   *
   * @throws Trap {@link TrapKind#INVALID_CONVERSION_TO_INTEGER} for NaN, {@link
   *     TrapKind#INTEGER_OVERFLOW} if the truncated value is outside [-2^31, 2^31 - 1]
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-s">trunc_s</a>
   */
  public static int i32TruncF32S(float x) {
    return i32TruncF64S(x);
  }

  /**
   * {@code i32.trunc_f32_u}: truncates toward zero; accepts (-1, 2^32) exclusive.
   *
   * @throws Trap {@link TrapKind#INVALID_CONVERSION_TO_INTEGER} for NaN, {@link
   *     TrapKind#INTEGER_OVERFLOW} if the truncated value is outside [0, 2^32 - 1]
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-u">trunc_u</a>
   */
  public static int i32TruncF32U(float x) {
    return i32TruncF64U(x);
  }

  /**
   * {@code i32.trunc_f64_s}: truncates toward zero; accepts (-2^31 - 1, 2^31) exclusive, so {@code
   * -2147483648.9} gives {@code MIN_VALUE} and {@code -2147483649.0} traps.
   *
   * @throws Trap {@link TrapKind#INVALID_CONVERSION_TO_INTEGER} for NaN, {@link
   *     TrapKind#INTEGER_OVERFLOW} if the truncated value is not an i32
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-s">trunc_s</a>
   */
  public static int i32TruncF64S(double x) {
    if (x > I32_MIN_MINUS_ONE && x < TWO_POW_31) {
      return (int) x;
    }
    throw outOfRange(x);
  }

  /**
   * {@code i32.trunc_f64_u}: truncates toward zero; accepts (-1, 2^32) exclusive; the result's bits
   * are the unsigned value.
   *
   * @throws Trap {@link TrapKind#INVALID_CONVERSION_TO_INTEGER} for NaN, {@link
   *     TrapKind#INTEGER_OVERFLOW} if the truncated value is outside [0, 2^32 - 1]
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-u">trunc_u</a>
   */
  public static int i32TruncF64U(double x) {
    if (x > -1.0 && x < TWO_POW_32) {
      return (int) (long) x;
    }
    throw outOfRange(x);
  }

  /**
   * {@code i64.trunc_f32_s}: truncates toward zero.
   *
   * @throws Trap {@link TrapKind#INVALID_CONVERSION_TO_INTEGER} for NaN, {@link
   *     TrapKind#INTEGER_OVERFLOW} if the truncated value is outside [-2^63, 2^63 - 1]
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-s">trunc_s</a>
   */
  public static long i64TruncF32S(float x) {
    return i64TruncF64S(x);
  }

  /**
   * {@code i64.trunc_f32_u}: truncates toward zero; accepts (-1, 2^64) exclusive.
   *
   * @throws Trap {@link TrapKind#INVALID_CONVERSION_TO_INTEGER} for NaN, {@link
   *     TrapKind#INTEGER_OVERFLOW} if the truncated value is outside [0, 2^64 - 1]
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-u">trunc_u</a>
   */
  public static long i64TruncF32U(float x) {
    return i64TruncF64U(x);
  }

  /**
   * {@code i64.trunc_f64_s}: truncates toward zero; accepts [-2^63, 2^63) (the double below -2^63
   * is -2^63 - 2048, already out of range).
   *
   * @throws Trap {@link TrapKind#INVALID_CONVERSION_TO_INTEGER} for NaN, {@link
   *     TrapKind#INTEGER_OVERFLOW} if the truncated value is not an i64
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-s">trunc_s</a>
   */
  public static long i64TruncF64S(double x) {
    if (x >= -TWO_POW_63 && x < TWO_POW_63) {
      return (long) x;
    }
    throw outOfRange(x);
  }

  /**
   * {@code i64.trunc_f64_u}: truncates toward zero; accepts (-1, 2^64) exclusive; the result's bits
   * are the unsigned value.
   *
   * @throws Trap {@link TrapKind#INVALID_CONVERSION_TO_INTEGER} for NaN, {@link
   *     TrapKind#INTEGER_OVERFLOW} if the truncated value is outside [0, 2^64 - 1]
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-u">trunc_u</a>
   */
  public static long i64TruncF64U(double x) {
    if (x > -1.0 && x < TWO_POW_64) {
      return truncToUnsignedLong(x);
    }
    throw outOfRange(x);
  }

  private static Trap outOfRange(double x) {
    return Trap.of(x != x ? TrapKind.INVALID_CONVERSION_TO_INTEGER : TrapKind.INTEGER_OVERFLOW);
  }

  /** Truncates {@code x}, which is in (-1, 2^64), to the unsigned long with the same value. */
  private static long truncToUnsignedLong(double x) {
    if (x < TWO_POW_63) {
      return (long) x;
    }
    // x is in [2^63, 2^64), where doubles are integers 2048 apart, so x - 2^63 is exact.
    return (long) (x - TWO_POW_63) | Long.MIN_VALUE;
  }

  // ---------------------------------------------------------------------------------------------
  // Saturating truncation

  /**
   * {@code i32.trunc_sat_f32_s}: NaN gives 0, out-of-range values clamp. Same as Java's {@code
   * (int)} cast.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-sat-s">trunc_sat_s</a>
   */
  public static int i32TruncSatF32S(float x) {
    return (int) x;
  }

  /**
   * {@code i32.trunc_sat_f32_u}: NaN and values ≤ -1 give 0, values ≥ 2^32 give {@code 0xFFFFFFFF}.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-sat-u">trunc_sat_u</a>
   */
  public static int i32TruncSatF32U(float x) {
    return i32TruncSatF64U(x);
  }

  /**
   * {@code i32.trunc_sat_f64_s}: NaN gives 0, out-of-range values clamp. Same as Java's {@code
   * (int)} cast.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-sat-s">trunc_sat_s</a>
   */
  public static int i32TruncSatF64S(double x) {
    return (int) x;
  }

  /**
   * {@code i32.trunc_sat_f64_u}: NaN and values ≤ -1 give 0, values ≥ 2^32 give {@code 0xFFFFFFFF}.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-sat-u">trunc_sat_u</a>
   */
  public static int i32TruncSatF64U(double x) {
    // The long cast maps NaN to 0 and truncates; the clamp handles both ends (and infinities).
    long v = (long) x;
    return v <= 0 ? 0 : v >= 0xFFFF_FFFFL ? -1 : (int) v;
  }

  /**
   * {@code i64.trunc_sat_f32_s}: NaN gives 0, out-of-range values clamp. Same as Java's {@code
   * (long)} cast.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-sat-s">trunc_sat_s</a>
   */
  public static long i64TruncSatF32S(float x) {
    return (long) x;
  }

  /**
   * {@code i64.trunc_sat_f32_u}: NaN and values ≤ -1 give 0, values ≥ 2^64 give all ones.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-sat-u">trunc_sat_u</a>
   */
  public static long i64TruncSatF32U(float x) {
    return i64TruncSatF64U(x);
  }

  /**
   * {@code i64.trunc_sat_f64_s}: NaN gives 0, out-of-range values clamp. Same as Java's {@code
   * (long)} cast.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-sat-s">trunc_sat_s</a>
   */
  public static long i64TruncSatF64S(double x) {
    return (long) x;
  }

  /**
   * {@code i64.trunc_sat_f64_u}: NaN and values ≤ -1 give 0, values ≥ 2^64 give all ones.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-sat-u">trunc_sat_u</a>
   */
  public static long i64TruncSatF64U(double x) {
    if (x > -1.0 && x < TWO_POW_64) {
      return truncToUnsignedLong(x);
    }
    // NaN compares false with everything, so it lands here with the negative values.
    return x >= TWO_POW_64 ? -1L : 0L;
  }

  // ---------------------------------------------------------------------------------------------
  // Integer to float

  /**
   * {@code f32.convert_i32_u}: the unsigned value of {@code x}, rounded to nearest-even once.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-convert-u">convert_u</a>
   */
  public static float f32ConvertI32U(int x) {
    // The unsigned value fits a long exactly; long to float rounds once.
    return (float) Integer.toUnsignedLong(x);
  }

  /**
   * {@code f32.convert_i64_u}: the unsigned value of {@code x}, rounded to nearest-even once.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-convert-u">convert_u</a>
   */
  public static float f32ConvertI64U(long x) {
    if (x >= 0) {
      return (float) x;
    }
    // x ≥ 2^63: halve it, folding the dropped bit into bit 0 as a sticky bit. The halved value
    // has 63 significant bits, far more than a float keeps, so bit 0 only decides ties, exactly as
    // the dropped bit would have; doubling the rounded result is exact.
    return (float) ((x >>> 1) | (x & 1)) * 2.0f;
  }

  /**
   * {@code f64.convert_i32_u}: the unsigned value of {@code x}, which a double holds exactly.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-convert-u">convert_u</a>
   */
  public static double f64ConvertI32U(int x) {
    return (double) Integer.toUnsignedLong(x);
  }

  /**
   * {@code f64.convert_i64_u}: the unsigned value of {@code x}, rounded to nearest-even once.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-convert-u">convert_u</a>
   */
  public static double f64ConvertI64U(long x) {
    if (x >= 0) {
      return (double) x;
    }
    // As in f32ConvertI64U: 63 significant bits still exceed a double's 53, so the sticky bit
    // keeps the rounding exact.
    return (double) ((x >>> 1) | (x & 1)) * 2.0;
  }

  // ---------------------------------------------------------------------------------------------
  // Between f32 and f64

  /**
   * {@code f32.demote_f64}: rounds to nearest-even (overflowing to infinity); a NaN becomes an f32
   * NaN with the same sign, the quiet bit set and the top of the payload kept, so the canonical NaN
   * stays canonical.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-demote">demote</a>
   */
  public static float f32DemoteF64(double x) {
    if (x != x) {
      long bits = Double.doubleToRawLongBits(x);
      int sign = (int) (bits >>> 32) & Numerics.F32_SIGN;
      int payload = (int) (bits >>> 29) & 0x007F_FFFF;
      return Float.intBitsToFloat(sign | 0x7F80_0000 | Numerics.F32_QUIET | payload);
    }
    return (float) x;
  }

  /**
   * {@code f64.promote_f32}: exact; a NaN becomes an f64 NaN with the same sign, the quiet bit set
   * and the payload kept in the top bits, so the canonical NaN stays canonical.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-promote">promote</a>
   */
  public static double f64PromoteF32(float x) {
    if (x != x) {
      int bits = Float.floatToRawIntBits(x);
      long sign = (long) (bits & Numerics.F32_SIGN) << 32;
      long payload = (long) (bits & 0x007F_FFFF) << 29;
      return Double.longBitsToDouble(sign | 0x7FF0_0000_0000_0000L | Numerics.F64_QUIET | payload);
    }
    return x;
  }
}

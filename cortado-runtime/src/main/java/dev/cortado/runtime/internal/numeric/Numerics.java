package dev.cortado.runtime.internal.numeric;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;

/**
 * The scalar integer and float instructions whose Wasm meaning differs from the obvious Java
 * operator: trapping division and remainder, float sign operations on raw bits, rounding, square
 * root and min/max with Wasm's NaN and signed-zero rules. Conversions between number types are in
 * {@link Conversions}.
 *
 * <p>Operators that need no helper, because the JVM instruction is exactly the Wasm operator: for
 * integers {@code add sub mul and or xor}, {@code shl shr_s shr_u} (Java masks the shift count to
 * the lane width, as Wasm does), {@code eq ne lt_s gt_s le_s ge_s}, the unsigned comparisons
 * through {@link Integer#compareUnsigned}/{@link Long#compareUnsigned}, {@code clz} ({@link
 * Integer#numberOfLeadingZeros}), {@code ctz} ({@link Integer#numberOfTrailingZeros}), {@code
 * popcnt} ({@link Integer#bitCount}), {@code rotl}/{@code rotr} ({@link Integer#rotateLeft}/{@link
 * Integer#rotateRight}, which also take the count modulo the width), the {@code Long} twins of all
 * of these, and {@code eqz}, {@code extend8_s} etc. as casts. For floats {@code add sub mul div}
 * and the comparisons {@code eq ne lt gt le ge} are Java's {@code + - * /} and comparison
 * operators: they are IEEE 754 round-to-nearest-even, and the NaN the hardware returns (the first
 * NaN operand quieted, or the default NaN) is one Wasm allows.
 *
 * <p>Float arguments are Java {@code float}/{@code double} where Java preserves their bits on the
 * way in (moves of NaN bits through {@link Float#intBitsToFloat} and parameters are exact on
 * HotSpot); every NaN these methods return is built from bits, so it does not depend on what the
 * hardware does with NaNs. The sign operations {@code abs neg copysign} take and return raw bits,
 * because they must keep a NaN's payload exactly.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html">Numerics</a>
 */
public final class Numerics {
  /** The sign bit of an f32. */
  static final int F32_SIGN = 0x8000_0000;

  /** The quiet bit of an f32 NaN: set in every arithmetic NaN. */
  static final int F32_QUIET = 0x0040_0000;

  /** The sign bit of an f64. */
  static final long F64_SIGN = 0x8000_0000_0000_0000L;

  /** The quiet bit of an f64 NaN: set in every arithmetic NaN. */
  static final long F64_QUIET = 0x0008_0000_0000_0000L;

  private Numerics() {}

  // ---------------------------------------------------------------------------------------------
  // Integer division and remainder

  /**
   * {@code i32.div_s}: signed division rounding toward zero.
   *
   * @throws Trap {@link TrapKind#INTEGER_DIVIDE_BY_ZERO} if {@code b == 0}, {@link
   *     TrapKind#INTEGER_OVERFLOW} for {@code MIN_VALUE / -1}, whose quotient 2^31 is not an i32
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-idiv-s">idiv_s</a>
   */
  public static int i32DivS(int a, int b) {
    if (b == 0) {
      throw Trap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    if (b == -1 && a == Integer.MIN_VALUE) {
      throw Trap.of(TrapKind.INTEGER_OVERFLOW);
    }
    return a / b;
  }

  /**
   * {@code i32.div_u}: unsigned division.
   *
   * @throws Trap {@link TrapKind#INTEGER_DIVIDE_BY_ZERO} if {@code b == 0}
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-idiv-u">idiv_u</a>
   */
  public static int i32DivU(int a, int b) {
    if (b == 0) {
      throw Trap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Integer.divideUnsigned(a, b);
  }

  /**
   * {@code i32.rem_s}: signed remainder, with the sign of the dividend. {@code MIN_VALUE rem -1} is
   * 0 and does not trap (Java's {@code %} already gives 0 there).
   *
   * @throws Trap {@link TrapKind#INTEGER_DIVIDE_BY_ZERO} if {@code b == 0}
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-irem-s">irem_s</a>
   */
  public static int i32RemS(int a, int b) {
    if (b == 0) {
      throw Trap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return a % b;
  }

  /**
   * {@code i32.rem_u}: unsigned remainder.
   *
   * @throws Trap {@link TrapKind#INTEGER_DIVIDE_BY_ZERO} if {@code b == 0}
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-irem-u">irem_u</a>
   */
  public static int i32RemU(int a, int b) {
    if (b == 0) {
      throw Trap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Integer.remainderUnsigned(a, b);
  }

  /**
   * {@code i64.div_s}: signed division rounding toward zero.
   *
   * @throws Trap {@link TrapKind#INTEGER_DIVIDE_BY_ZERO} if {@code b == 0}, {@link
   *     TrapKind#INTEGER_OVERFLOW} for {@code MIN_VALUE / -1}
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-idiv-s">idiv_s</a>
   */
  public static long i64DivS(long a, long b) {
    if (b == 0) {
      throw Trap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    if (b == -1 && a == Long.MIN_VALUE) {
      throw Trap.of(TrapKind.INTEGER_OVERFLOW);
    }
    return a / b;
  }

  /**
   * {@code i64.div_u}: unsigned division.
   *
   * @throws Trap {@link TrapKind#INTEGER_DIVIDE_BY_ZERO} if {@code b == 0}
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-idiv-u">idiv_u</a>
   */
  public static long i64DivU(long a, long b) {
    if (b == 0) {
      throw Trap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Long.divideUnsigned(a, b);
  }

  /**
   * {@code i64.rem_s}: signed remainder; {@code MIN_VALUE rem -1} is 0.
   *
   * @throws Trap {@link TrapKind#INTEGER_DIVIDE_BY_ZERO} if {@code b == 0}
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-irem-s">irem_s</a>
   */
  public static long i64RemS(long a, long b) {
    if (b == 0) {
      throw Trap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return a % b;
  }

  /**
   * {@code i64.rem_u}: unsigned remainder.
   *
   * @throws Trap {@link TrapKind#INTEGER_DIVIDE_BY_ZERO} if {@code b == 0}
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-irem-u">irem_u</a>
   */
  public static long i64RemU(long a, long b) {
    if (b == 0) {
      throw Trap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Long.remainderUnsigned(a, b);
  }

  // ---------------------------------------------------------------------------------------------
  // Float sign operations: pure bit operations, NaN payloads kept exactly

  /**
   * {@code f32.abs} on raw bits: clears the sign bit, also of a NaN, whose payload is kept.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fabs">fabs</a>
   */
  public static int f32Abs(int bits) {
    return bits & ~F32_SIGN;
  }

  /**
   * {@code f32.neg} on raw bits: flips the sign bit, also of a NaN.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fneg">fneg</a>
   */
  public static int f32Neg(int bits) {
    return bits ^ F32_SIGN;
  }

  /**
   * {@code f32.copysign} on raw bits: the magnitude of {@code a} with the sign bit of {@code b}.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fcopysign">fcopysign</a>
   */
  public static int f32Copysign(int a, int b) {
    return (a & ~F32_SIGN) | (b & F32_SIGN);
  }

  /**
   * {@code f64.abs} on raw bits.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fabs">fabs</a>
   */
  public static long f64Abs(long bits) {
    return bits & ~F64_SIGN;
  }

  /**
   * {@code f64.neg} on raw bits.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fneg">fneg</a>
   */
  public static long f64Neg(long bits) {
    return bits ^ F64_SIGN;
  }

  /**
   * {@code f64.copysign} on raw bits.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fcopysign">fcopysign</a>
   */
  public static long f64Copysign(long a, long b) {
    return (a & ~F64_SIGN) | (b & F64_SIGN);
  }

  // ---------------------------------------------------------------------------------------------
  // NaN results

  /**
   * Returns NaN {@code x} with its quiet bit set: an arithmetic NaN that is canonical if {@code x}
   * was, which is what Wasm asks of an operator given that NaN.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#aux-nans">nans</a>
   */
  static float quiet(float x) {
    return Float.intBitsToFloat(Float.floatToRawIntBits(x) | F32_QUIET);
  }

  /**
   * Returns NaN {@code x} with its quiet bit set.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#aux-nans">nans</a>
   */
  static double quiet(double x) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(x) | F64_QUIET);
  }

  // ---------------------------------------------------------------------------------------------
  // Rounding to an integral value and square root

  /**
   * {@code f32.ceil}: rounds toward +∞; keeps the sign of zero ({@code -0.5} gives {@code -0.0});
   * NaN gives that NaN quieted (Java's {@link Math#ceil} would return a signalling NaN unchanged).
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fceil">fceil</a>
   */
  public static float f32Ceil(float x) {
    // A float is exact as a double, and the integer Math.ceil returns for it fits a float again.
    return x != x ? quiet(x) : (float) Math.ceil(x);
  }

  /**
   * {@code f32.floor}: rounds toward -∞; keeps the sign of zero; NaN gives that NaN quieted.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-ffloor">ffloor</a>
   */
  public static float f32Floor(float x) {
    return x != x ? quiet(x) : (float) Math.floor(x);
  }

  /**
   * {@code f32.trunc}: rounds toward zero; keeps the sign of zero ({@code -0.5} gives {@code
   * -0.0}); NaN gives that NaN quieted.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-ftrunc">ftrunc</a>
   */
  public static float f32Trunc(float x) {
    if (x != x) {
      return quiet(x);
    }
    // ceil of a negative value in (-1, 0) is -0.0, as trunc requires.
    return (float) (x < 0 ? Math.ceil(x) : Math.floor(x));
  }

  /**
   * {@code f32.nearest}: rounds to the nearest integer, ties to even ({@code 2.5} gives {@code
   * 2.0}, {@code -0.5} gives {@code -0.0}); values of magnitude ≥ 2^23 are already integers; NaN
   * gives that NaN quieted.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fnearest">fnearest</a>
   */
  public static float f32Nearest(float x) {
    // Math.rint is round-half-even and keeps the sign of a zero result.
    return x != x ? quiet(x) : (float) Math.rint(x);
  }

  /**
   * {@code f32.sqrt}: correctly rounded square root; {@code sqrt(-0.0)} is {@code -0.0}, a negative
   * number gives the canonical NaN, NaN gives that NaN quieted.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fsqrt">fsqrt</a>
   */
  public static float f32Sqrt(float x) {
    if (x != x) {
      return quiet(x);
    }
    if (x < 0) {
      return Float.NaN;
    }
    // The double square root of a float, rounded to float, is the correctly rounded float square
    // root: a double has more than 2 * 24 + 2 significand bits, so the double rounding is exact.
    return (float) Math.sqrt(x);
  }

  /**
   * {@code f64.ceil}: rounds toward +∞; keeps the sign of zero; NaN gives that NaN quieted.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fceil">fceil</a>
   */
  public static double f64Ceil(double x) {
    return x != x ? quiet(x) : Math.ceil(x);
  }

  /**
   * {@code f64.floor}: rounds toward -∞; keeps the sign of zero; NaN gives that NaN quieted.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-ffloor">ffloor</a>
   */
  public static double f64Floor(double x) {
    return x != x ? quiet(x) : Math.floor(x);
  }

  /**
   * {@code f64.trunc}: rounds toward zero; keeps the sign of zero; NaN gives that NaN quieted.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-ftrunc">ftrunc</a>
   */
  public static double f64Trunc(double x) {
    if (x != x) {
      return quiet(x);
    }
    return x < 0 ? Math.ceil(x) : Math.floor(x);
  }

  /**
   * {@code f64.nearest}: rounds to the nearest integer, ties to even; values of magnitude ≥ 2^52
   * are already integers; keeps the sign of zero; NaN gives that NaN quieted.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fnearest">fnearest</a>
   */
  public static double f64Nearest(double x) {
    return x != x ? quiet(x) : Math.rint(x);
  }

  /**
   * {@code f64.sqrt}: correctly rounded square root; {@code sqrt(-0.0)} is {@code -0.0}, a negative
   * number gives the canonical NaN, NaN gives that NaN quieted.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fsqrt">fsqrt</a>
   */
  public static double f64Sqrt(double x) {
    if (x != x) {
      return quiet(x);
    }
    return x < 0 ? Double.NaN : Math.sqrt(x);
  }

  // ---------------------------------------------------------------------------------------------
  // Minimum and maximum

  /**
   * {@code f32.min}: NaN if either operand is NaN (the first NaN operand, quieted), {@code -0.0}
   * below {@code +0.0}. Unlike {@link Math#min}, never returns a signalling NaN.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fmin">fmin</a>
   */
  public static float f32Min(float a, float b) {
    if (a != a) {
      return quiet(a);
    }
    if (b != b) {
      return quiet(b);
    }
    if (a != b) {
      return a < b ? a : b;
    }
    // Equal: either the same bits, or +0.0 and -0.0, where the OR of the bits is -0.0.
    return Float.intBitsToFloat(Float.floatToRawIntBits(a) | Float.floatToRawIntBits(b));
  }

  /**
   * {@code f32.max}: NaN if either operand is NaN (the first NaN operand, quieted), {@code +0.0}
   * above {@code -0.0}.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fmax">fmax</a>
   */
  public static float f32Max(float a, float b) {
    if (a != a) {
      return quiet(a);
    }
    if (b != b) {
      return quiet(b);
    }
    if (a != b) {
      return a > b ? a : b;
    }
    // Equal: the AND of the bits of +0.0 and -0.0 is +0.0.
    return Float.intBitsToFloat(Float.floatToRawIntBits(a) & Float.floatToRawIntBits(b));
  }

  /**
   * {@code f64.min}: NaN if either operand is NaN (the first NaN operand, quieted), {@code -0.0}
   * below {@code +0.0}.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fmin">fmin</a>
   */
  public static double f64Min(double a, double b) {
    if (a != a) {
      return quiet(a);
    }
    if (b != b) {
      return quiet(b);
    }
    if (a != b) {
      return a < b ? a : b;
    }
    return Double.longBitsToDouble(Double.doubleToRawLongBits(a) | Double.doubleToRawLongBits(b));
  }

  /**
   * {@code f64.max}: NaN if either operand is NaN (the first NaN operand, quieted), {@code +0.0}
   * above {@code -0.0}.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fmax">fmax</a>
   */
  public static double f64Max(double a, double b) {
    if (a != a) {
      return quiet(a);
    }
    if (b != b) {
      return quiet(b);
    }
    if (a != b) {
      return a > b ? a : b;
    }
    return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & Double.doubleToRawLongBits(b));
  }
}

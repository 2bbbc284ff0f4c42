package dev.cortado.runtime.internal.numeric;

/**
 * Lane-wise integer arithmetic of the v128 instructions: wrapping add, sub, mul and neg, abs,
 * min/max, rounding average, saturating add/sub, {@code q15mulr_sat_s} and {@code popcnt}. Layout
 * as in {@link SimdLanes}. Widening and narrowing arithmetic is in {@link SimdWiden}.
 *
 * <p>Add, sub, neg, avgr_u and popcnt work on a whole 64-bit half at once (SWAR): each lane's top
 * bit is handled apart so that no carry or borrow crosses into the next lane.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#integer-operations">
 *     Integer operations</a>
 */
public final class SimdIntArith {
  /** The top bit of each 8-bit lane of a half. */
  private static final long H8 = 0x8080_8080_8080_8080L;

  /** The top bit of each 16-bit lane of a half. */
  private static final long H16 = 0x8000_8000_8000_8000L;

  /** The top bit of each 32-bit lane of a half. */
  private static final long H32 = 0x8000_0000_8000_0000L;

  private SimdIntArith() {}

  // ---------------------------------------------------------------------------------------------
  // SWAR building blocks; h marks the top bit of every lane.

  /** Lane-wise {@code x + y}: adds the low bits, then sets each top bit to the sum's parity. */
  private static long add(long x, long y, long h) {
    return ((x & ~h) + (y & ~h)) ^ ((x ^ y) & h);
  }

  /**
   * Lane-wise {@code x - y}: with x's top bits set and y's cleared no lane borrows from the next;
   * the top bits are then corrected to {@code x ^ y ^ borrow}.
   */
  private static long sub(long x, long y, long h) {
    return ((x | h) - (y & ~h)) ^ ((x ^ ~y) & h);
  }

  /**
   * Lane-wise unsigned {@code (x + y + 1) >>> 1}, as {@code (x | y) - ((x ^ y) >>> 1)}, which never
   * borrows; the mask drops the bit each lane's shift takes from the lane above.
   */
  private static long avgr(long x, long y, long h) {
    return (x | y) - (((x ^ y) >>> 1) & ~h);
  }

  // ---------------------------------------------------------------------------------------------
  // i8x16

  /** {@code i8x16.add}: wrapping lane-wise addition. */
  public static void i8x16Add(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary64(lo, hi, dst, a, b, (x, y) -> add(x, y, H8));
  }

  /** {@code i8x16.sub}: wrapping lane-wise subtraction. */
  public static void i8x16Sub(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary64(lo, hi, dst, a, b, (x, y) -> sub(x, y, H8));
  }

  /** {@code i8x16.neg}: wrapping negation ({@code -128} stays {@code -128}). */
  public static void i8x16Neg(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary64(lo, hi, dst, a, x -> sub(0, x, H8));
  }

  /** {@code i8x16.abs}: absolute value, wrapping ({@code -128} stays {@code -128}). */
  public static void i8x16Abs(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary(lo, hi, dst, a, 8, Math::abs);
  }

  /** {@code i8x16.min_s}: signed lane-wise minimum. */
  public static void i8x16MinS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 8, Math::min);
  }

  /** {@code i8x16.min_u}: unsigned lane-wise minimum. */
  public static void i8x16MinU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 8, (x, y) -> Math.min(x & 0xFF, y & 0xFF));
  }

  /** {@code i8x16.max_s}: signed lane-wise maximum. */
  public static void i8x16MaxS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 8, Math::max);
  }

  /** {@code i8x16.max_u}: unsigned lane-wise maximum. */
  public static void i8x16MaxU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 8, (x, y) -> Math.max(x & 0xFF, y & 0xFF));
  }

  /** {@code i8x16.avgr_u}: unsigned rounding average {@code (x + y + 1) / 2}. */
  public static void i8x16AvgrU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary64(lo, hi, dst, a, b, (x, y) -> avgr(x, y, H8));
  }

  /** {@code i8x16.add_sat_s}: signed addition clamped to [-128, 127]. */
  public static void i8x16AddSatS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 8, (x, y) -> satS8(x + y));
  }

  /** {@code i8x16.add_sat_u}: unsigned addition clamped to [0, 255]. */
  public static void i8x16AddSatU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 8, (x, y) -> satU8((x & 0xFF) + (y & 0xFF)));
  }

  /** {@code i8x16.sub_sat_s}: signed subtraction clamped to [-128, 127]. */
  public static void i8x16SubSatS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 8, (x, y) -> satS8(x - y));
  }

  /** {@code i8x16.sub_sat_u}: unsigned subtraction clamped to [0, 255]. */
  public static void i8x16SubSatU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 8, (x, y) -> satU8((x & 0xFF) - (y & 0xFF)));
  }

  /** {@code i8x16.popcnt}: the number of set bits of each lane. */
  public static void i8x16Popcnt(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary64(lo, hi, dst, a, SimdIntArith::popcnt8);
  }

  /** Counts the set bits of each byte in place: pairs, then nibbles, then bytes. */
  private static long popcnt8(long x) {
    long pairs = x - ((x >>> 1) & 0x5555_5555_5555_5555L);
    long nibbles = (pairs & 0x3333_3333_3333_3333L) + ((pairs >>> 2) & 0x3333_3333_3333_3333L);
    return (nibbles + (nibbles >>> 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
  }

  /** Clamps {@code v} to the signed 8-bit range. */
  private static int satS8(int v) {
    return Math.max(-128, Math.min(127, v));
  }

  /** Clamps {@code v} to the unsigned 8-bit range. */
  private static int satU8(int v) {
    return Math.max(0, Math.min(0xFF, v));
  }

  // ---------------------------------------------------------------------------------------------
  // i16x8

  /** {@code i16x8.add}: wrapping lane-wise addition. */
  public static void i16x8Add(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary64(lo, hi, dst, a, b, (x, y) -> add(x, y, H16));
  }

  /** {@code i16x8.sub}: wrapping lane-wise subtraction. */
  public static void i16x8Sub(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary64(lo, hi, dst, a, b, (x, y) -> sub(x, y, H16));
  }

  /** {@code i16x8.mul}: wrapping lane-wise multiplication (low 16 bits of the product). */
  public static void i16x8Mul(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 16, (x, y) -> x * y);
  }

  /** {@code i16x8.neg}: wrapping negation. */
  public static void i16x8Neg(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary64(lo, hi, dst, a, x -> sub(0, x, H16));
  }

  /** {@code i16x8.abs}: absolute value, wrapping ({@code -32768} stays). */
  public static void i16x8Abs(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary(lo, hi, dst, a, 16, Math::abs);
  }

  /** {@code i16x8.min_s}: signed lane-wise minimum. */
  public static void i16x8MinS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 16, Math::min);
  }

  /** {@code i16x8.min_u}: unsigned lane-wise minimum. */
  public static void i16x8MinU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 16, (x, y) -> Math.min(x & 0xFFFF, y & 0xFFFF));
  }

  /** {@code i16x8.max_s}: signed lane-wise maximum. */
  public static void i16x8MaxS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 16, Math::max);
  }

  /** {@code i16x8.max_u}: unsigned lane-wise maximum. */
  public static void i16x8MaxU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 16, (x, y) -> Math.max(x & 0xFFFF, y & 0xFFFF));
  }

  /** {@code i16x8.avgr_u}: unsigned rounding average {@code (x + y + 1) / 2}. */
  public static void i16x8AvgrU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary64(lo, hi, dst, a, b, (x, y) -> avgr(x, y, H16));
  }

  /** {@code i16x8.add_sat_s}: signed addition clamped to [-32768, 32767]. */
  public static void i16x8AddSatS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 16, (x, y) -> satS16(x + y));
  }

  /** {@code i16x8.add_sat_u}: unsigned addition clamped to [0, 65535]. */
  public static void i16x8AddSatU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 16, (x, y) -> satU16((x & 0xFFFF) + (y & 0xFFFF)));
  }

  /** {@code i16x8.sub_sat_s}: signed subtraction clamped to [-32768, 32767]. */
  public static void i16x8SubSatS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 16, (x, y) -> satS16(x - y));
  }

  /** {@code i16x8.sub_sat_u}: unsigned subtraction clamped to [0, 65535]. */
  public static void i16x8SubSatU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 16, (x, y) -> satU16((x & 0xFFFF) - (y & 0xFFFF)));
  }

  /**
   * {@code i16x8.q15mulr_sat_s}: Q15 fixed-point multiplication rounding to nearest (ties up),
   * {@code (x * y + 0x4000) >> 15}, clamped; only {@code -32768 * -32768} clamps, to 32767.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/exec/numerics.html#op-iq15mulr-sat-s">iq15mulr_sat_s</a>
   */
  public static void i16x8Q15mulrSatS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 16, (x, y) -> satS16((x * y + 0x4000) >> 15));
  }

  /** Clamps {@code v} to the signed 16-bit range. */
  private static int satS16(int v) {
    return Math.max(-32768, Math.min(32767, v));
  }

  /** Clamps {@code v} to the unsigned 16-bit range. */
  private static int satU16(int v) {
    return Math.max(0, Math.min(0xFFFF, v));
  }

  // ---------------------------------------------------------------------------------------------
  // i32x4

  /** {@code i32x4.add}: wrapping lane-wise addition. */
  public static void i32x4Add(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary64(lo, hi, dst, a, b, (x, y) -> add(x, y, H32));
  }

  /** {@code i32x4.sub}: wrapping lane-wise subtraction. */
  public static void i32x4Sub(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary64(lo, hi, dst, a, b, (x, y) -> sub(x, y, H32));
  }

  /** {@code i32x4.mul}: wrapping lane-wise multiplication. */
  public static void i32x4Mul(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 32, (x, y) -> x * y);
  }

  /** {@code i32x4.neg}: wrapping negation. */
  public static void i32x4Neg(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary64(lo, hi, dst, a, x -> sub(0, x, H32));
  }

  /** {@code i32x4.abs}: absolute value, wrapping ({@code MIN_VALUE} stays). */
  public static void i32x4Abs(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary(lo, hi, dst, a, 32, Math::abs);
  }

  /** {@code i32x4.min_s}: signed lane-wise minimum. */
  public static void i32x4MinS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 32, Math::min);
  }

  /** {@code i32x4.min_u}: unsigned lane-wise minimum. */
  public static void i32x4MinU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 32, (x, y) -> Integer.compareUnsigned(x, y) <= 0 ? x : y);
  }

  /** {@code i32x4.max_s}: signed lane-wise maximum. */
  public static void i32x4MaxS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 32, Math::max);
  }

  /** {@code i32x4.max_u}: unsigned lane-wise maximum. */
  public static void i32x4MaxU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(lo, hi, dst, a, b, 32, (x, y) -> Integer.compareUnsigned(x, y) >= 0 ? x : y);
  }

  // ---------------------------------------------------------------------------------------------
  // i64x2: each half is one lane, so Java's long arithmetic is the lane operation.

  /** {@code i64x2.add}: wrapping lane-wise addition. */
  public static void i64x2Add(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary64(lo, hi, dst, a, b, Long::sum);
  }

  /** {@code i64x2.sub}: wrapping lane-wise subtraction. */
  public static void i64x2Sub(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary64(lo, hi, dst, a, b, (x, y) -> x - y);
  }

  /** {@code i64x2.mul}: wrapping lane-wise multiplication. */
  public static void i64x2Mul(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary64(lo, hi, dst, a, b, (x, y) -> x * y);
  }

  /** {@code i64x2.neg}: wrapping negation. */
  public static void i64x2Neg(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary64(lo, hi, dst, a, x -> -x);
  }

  /** {@code i64x2.abs}: absolute value, wrapping ({@code MIN_VALUE} stays). */
  public static void i64x2Abs(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary64(lo, hi, dst, a, Math::abs);
  }
}

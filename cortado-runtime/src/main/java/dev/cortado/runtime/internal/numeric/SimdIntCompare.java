package dev.cortado.runtime.internal.numeric;

/**
 * The v128 integer lane comparisons: each result lane is all ones where the comparison holds and
 * zero where it does not. Layout as in {@link SimdLanes}.
 *
 * <p>Lanes reach the comparison sign-extended to an int; sign extension keeps the unsigned order of
 * lanes narrower than 32 bits, so {@link Integer#compareUnsigned} serves every width.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-ieq">ieq</a>
 */
public final class SimdIntCompare {
  private SimdIntCompare() {}

  /** {@code i8x16.eq}. */
  public static void i8x16Eq(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 8, (x, y) -> x == y);
  }

  /** {@code i8x16.ne}. */
  public static void i8x16Ne(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 8, (x, y) -> x != y);
  }

  /** {@code i8x16.lt_s}. */
  public static void i8x16LtS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 8, (x, y) -> x < y);
  }

  /** {@code i8x16.lt_u}. */
  public static void i8x16LtU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 8, (x, y) -> Integer.compareUnsigned(x, y) < 0);
  }

  /** {@code i8x16.gt_s}. */
  public static void i8x16GtS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 8, (x, y) -> x > y);
  }

  /** {@code i8x16.gt_u}. */
  public static void i8x16GtU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 8, (x, y) -> Integer.compareUnsigned(x, y) > 0);
  }

  /** {@code i8x16.le_s}. */
  public static void i8x16LeS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 8, (x, y) -> x <= y);
  }

  /** {@code i8x16.le_u}. */
  public static void i8x16LeU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 8, (x, y) -> Integer.compareUnsigned(x, y) <= 0);
  }

  /** {@code i8x16.ge_s}. */
  public static void i8x16GeS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 8, (x, y) -> x >= y);
  }

  /** {@code i8x16.ge_u}. */
  public static void i8x16GeU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 8, (x, y) -> Integer.compareUnsigned(x, y) >= 0);
  }

  /** {@code i16x8.eq}. */
  public static void i16x8Eq(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 16, (x, y) -> x == y);
  }

  /** {@code i16x8.ne}. */
  public static void i16x8Ne(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 16, (x, y) -> x != y);
  }

  /** {@code i16x8.lt_s}. */
  public static void i16x8LtS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 16, (x, y) -> x < y);
  }

  /** {@code i16x8.lt_u}. */
  public static void i16x8LtU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 16, (x, y) -> Integer.compareUnsigned(x, y) < 0);
  }

  /** {@code i16x8.gt_s}. */
  public static void i16x8GtS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 16, (x, y) -> x > y);
  }

  /** {@code i16x8.gt_u}. */
  public static void i16x8GtU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 16, (x, y) -> Integer.compareUnsigned(x, y) > 0);
  }

  /** {@code i16x8.le_s}. */
  public static void i16x8LeS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 16, (x, y) -> x <= y);
  }

  /** {@code i16x8.le_u}. */
  public static void i16x8LeU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 16, (x, y) -> Integer.compareUnsigned(x, y) <= 0);
  }

  /** {@code i16x8.ge_s}. */
  public static void i16x8GeS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 16, (x, y) -> x >= y);
  }

  /** {@code i16x8.ge_u}. */
  public static void i16x8GeU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 16, (x, y) -> Integer.compareUnsigned(x, y) >= 0);
  }

  /** {@code i32x4.eq}. */
  public static void i32x4Eq(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 32, (x, y) -> x == y);
  }

  /** {@code i32x4.ne}. */
  public static void i32x4Ne(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 32, (x, y) -> x != y);
  }

  /** {@code i32x4.lt_s}. */
  public static void i32x4LtS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 32, (x, y) -> x < y);
  }

  /** {@code i32x4.lt_u}. */
  public static void i32x4LtU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 32, (x, y) -> Integer.compareUnsigned(x, y) < 0);
  }

  /** {@code i32x4.gt_s}. */
  public static void i32x4GtS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 32, (x, y) -> x > y);
  }

  /** {@code i32x4.gt_u}. */
  public static void i32x4GtU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 32, (x, y) -> Integer.compareUnsigned(x, y) > 0);
  }

  /** {@code i32x4.le_s}. */
  public static void i32x4LeS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 32, (x, y) -> x <= y);
  }

  /** {@code i32x4.le_u}. */
  public static void i32x4LeU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 32, (x, y) -> Integer.compareUnsigned(x, y) <= 0);
  }

  /** {@code i32x4.ge_s}. */
  public static void i32x4GeS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 32, (x, y) -> x >= y);
  }

  /** {@code i32x4.ge_u}. */
  public static void i32x4GeU(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare(lo, hi, dst, a, b, 32, (x, y) -> Integer.compareUnsigned(x, y) >= 0);
  }

  /** {@code i64x2.eq}. */
  public static void i64x2Eq(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare64(lo, hi, dst, a, b, (x, y) -> x == y);
  }

  /** {@code i64x2.ne}. */
  public static void i64x2Ne(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare64(lo, hi, dst, a, b, (x, y) -> x != y);
  }

  /** {@code i64x2.lt_s}. */
  public static void i64x2LtS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare64(lo, hi, dst, a, b, (x, y) -> x < y);
  }

  /** {@code i64x2.gt_s}. */
  public static void i64x2GtS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare64(lo, hi, dst, a, b, (x, y) -> x > y);
  }

  /** {@code i64x2.le_s}. */
  public static void i64x2LeS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare64(lo, hi, dst, a, b, (x, y) -> x <= y);
  }

  /** {@code i64x2.ge_s}. */
  public static void i64x2GeS(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compare64(lo, hi, dst, a, b, (x, y) -> x >= y);
  }
}

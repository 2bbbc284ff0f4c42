package dev.cortado.runtime.internal.numeric;

/**
 * Lane-wise float arithmetic of the v128 instructions on f32x4 and f64x2: the same operations and
 * NaN and signed-zero rules as the scalar instructions ({@link Numerics}), plus {@code pmin} and
 * {@code pmax} and the comparisons. Layout as in {@link SimdLanes}; lanes are raw IEEE bits.
 *
 * <p>{@code add sub mul div} use Java's operators, whose results are IEEE round-to-nearest-even
 * with a NaN Wasm allows (see {@link Numerics}).
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/numerics.html#floating-point-operations">
 *     Floating-point operations</a>
 */
public final class SimdFloat {
  /** Every bit but the sign bit of each f32 lane of a half. */
  private static final long F32_MAGNITUDE = 0x7FFF_FFFF_7FFF_FFFFL;

  private SimdFloat() {}

  // ---------------------------------------------------------------------------------------------
  // f32x4

  /** {@code f32x4.add}: lane-wise IEEE addition. */
  public static void f32x4Add(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binaryF32(lo, hi, dst, a, b, (x, y) -> x + y);
  }

  /** {@code f32x4.sub}: lane-wise IEEE subtraction. */
  public static void f32x4Sub(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binaryF32(lo, hi, dst, a, b, (x, y) -> x - y);
  }

  /** {@code f32x4.mul}: lane-wise IEEE multiplication. */
  public static void f32x4Mul(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binaryF32(lo, hi, dst, a, b, (x, y) -> x * y);
  }

  /** {@code f32x4.div}: lane-wise IEEE division. */
  public static void f32x4Div(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binaryF32(lo, hi, dst, a, b, (x, y) -> x / y);
  }

  /**
   * {@code f32x4.min}: lane-wise {@link Numerics#f32Min}: NaN if either lane is NaN, -0.0 below
   * +0.0.
   */
  public static void f32x4Min(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binaryF32(lo, hi, dst, a, b, Numerics::f32Min);
  }

  /**
   * {@code f32x4.max}: lane-wise {@link Numerics#f32Max}: NaN if either lane is NaN, +0.0 above
   * -0.0.
   */
  public static void f32x4Max(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binaryF32(lo, hi, dst, a, b, Numerics::f32Max);
  }

  /** {@code f32x4.ceil}: lane-wise {@link Numerics#f32Ceil} (round toward +∞). */
  public static void f32x4Ceil(long[] lo, long[] hi, int dst, int a) {
    Lanes.unaryF32(lo, hi, dst, a, Numerics::f32Ceil);
  }

  /** {@code f32x4.floor}: lane-wise {@link Numerics#f32Floor} (round toward -∞). */
  public static void f32x4Floor(long[] lo, long[] hi, int dst, int a) {
    Lanes.unaryF32(lo, hi, dst, a, Numerics::f32Floor);
  }

  /** {@code f32x4.trunc}: lane-wise {@link Numerics#f32Trunc} (round toward zero). */
  public static void f32x4Trunc(long[] lo, long[] hi, int dst, int a) {
    Lanes.unaryF32(lo, hi, dst, a, Numerics::f32Trunc);
  }

  /**
   * {@code f32x4.nearest}: lane-wise {@link Numerics#f32Nearest} (round to nearest, ties to even).
   */
  public static void f32x4Nearest(long[] lo, long[] hi, int dst, int a) {
    Lanes.unaryF32(lo, hi, dst, a, Numerics::f32Nearest);
  }

  /** {@code f32x4.sqrt}: lane-wise {@link Numerics#f32Sqrt} (square root). */
  public static void f32x4Sqrt(long[] lo, long[] hi, int dst, int a) {
    Lanes.unaryF32(lo, hi, dst, a, Numerics::f32Sqrt);
  }

  /** {@code f32x4.eq}: all ones where {@code a == b} (false for NaN). */
  public static void f32x4Eq(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compareF32(lo, hi, dst, a, b, (x, y) -> x == y);
  }

  /** {@code f32x4.ne}: all ones where {@code a != b} (true for NaN). */
  public static void f32x4Ne(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compareF32(lo, hi, dst, a, b, (x, y) -> x != y);
  }

  /** {@code f32x4.lt}: all ones where {@code a < b} (false for NaN). */
  public static void f32x4Lt(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compareF32(lo, hi, dst, a, b, (x, y) -> x < y);
  }

  /** {@code f32x4.gt}: all ones where {@code a > b} (false for NaN). */
  public static void f32x4Gt(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compareF32(lo, hi, dst, a, b, (x, y) -> x > y);
  }

  /** {@code f32x4.le}: all ones where {@code a <= b} (false for NaN). */
  public static void f32x4Le(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compareF32(lo, hi, dst, a, b, (x, y) -> x <= y);
  }

  /** {@code f32x4.ge}: all ones where {@code a >= b} (false for NaN). */
  public static void f32x4Ge(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compareF32(lo, hi, dst, a, b, (x, y) -> x >= y);
  }

  // ---------------------------------------------------------------------------------------------
  // f64x2

  /** {@code f64x2.add}: lane-wise IEEE addition. */
  public static void f64x2Add(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binaryF64(lo, hi, dst, a, b, (x, y) -> x + y);
  }

  /** {@code f64x2.sub}: lane-wise IEEE subtraction. */
  public static void f64x2Sub(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binaryF64(lo, hi, dst, a, b, (x, y) -> x - y);
  }

  /** {@code f64x2.mul}: lane-wise IEEE multiplication. */
  public static void f64x2Mul(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binaryF64(lo, hi, dst, a, b, (x, y) -> x * y);
  }

  /** {@code f64x2.div}: lane-wise IEEE division. */
  public static void f64x2Div(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binaryF64(lo, hi, dst, a, b, (x, y) -> x / y);
  }

  /**
   * {@code f64x2.min}: lane-wise {@link Numerics#f64Min}: NaN if either lane is NaN, -0.0 below
   * +0.0.
   */
  public static void f64x2Min(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binaryF64(lo, hi, dst, a, b, Numerics::f64Min);
  }

  /**
   * {@code f64x2.max}: lane-wise {@link Numerics#f64Max}: NaN if either lane is NaN, +0.0 above
   * -0.0.
   */
  public static void f64x2Max(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binaryF64(lo, hi, dst, a, b, Numerics::f64Max);
  }

  /** {@code f64x2.ceil}: lane-wise {@link Numerics#f64Ceil} (round toward +∞). */
  public static void f64x2Ceil(long[] lo, long[] hi, int dst, int a) {
    Lanes.unaryF64(lo, hi, dst, a, Numerics::f64Ceil);
  }

  /** {@code f64x2.floor}: lane-wise {@link Numerics#f64Floor} (round toward -∞). */
  public static void f64x2Floor(long[] lo, long[] hi, int dst, int a) {
    Lanes.unaryF64(lo, hi, dst, a, Numerics::f64Floor);
  }

  /** {@code f64x2.trunc}: lane-wise {@link Numerics#f64Trunc} (round toward zero). */
  public static void f64x2Trunc(long[] lo, long[] hi, int dst, int a) {
    Lanes.unaryF64(lo, hi, dst, a, Numerics::f64Trunc);
  }

  /**
   * {@code f64x2.nearest}: lane-wise {@link Numerics#f64Nearest} (round to nearest, ties to even).
   */
  public static void f64x2Nearest(long[] lo, long[] hi, int dst, int a) {
    Lanes.unaryF64(lo, hi, dst, a, Numerics::f64Nearest);
  }

  /** {@code f64x2.sqrt}: lane-wise {@link Numerics#f64Sqrt} (square root). */
  public static void f64x2Sqrt(long[] lo, long[] hi, int dst, int a) {
    Lanes.unaryF64(lo, hi, dst, a, Numerics::f64Sqrt);
  }

  /** {@code f64x2.eq}: all ones where {@code a == b} (false for NaN). */
  public static void f64x2Eq(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compareF64(lo, hi, dst, a, b, (x, y) -> x == y);
  }

  /** {@code f64x2.ne}: all ones where {@code a != b} (true for NaN). */
  public static void f64x2Ne(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compareF64(lo, hi, dst, a, b, (x, y) -> x != y);
  }

  /** {@code f64x2.lt}: all ones where {@code a < b} (false for NaN). */
  public static void f64x2Lt(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compareF64(lo, hi, dst, a, b, (x, y) -> x < y);
  }

  /** {@code f64x2.gt}: all ones where {@code a > b} (false for NaN). */
  public static void f64x2Gt(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compareF64(lo, hi, dst, a, b, (x, y) -> x > y);
  }

  /** {@code f64x2.le}: all ones where {@code a <= b} (false for NaN). */
  public static void f64x2Le(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compareF64(lo, hi, dst, a, b, (x, y) -> x <= y);
  }

  /** {@code f64x2.ge}: all ones where {@code a >= b} (false for NaN). */
  public static void f64x2Ge(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.compareF64(lo, hi, dst, a, b, (x, y) -> x >= y);
  }

  // ---------------------------------------------------------------------------------------------
  // Sign operations and pseudo-min/max: they return operand bits unchanged, NaN payloads included

  /** {@code f32x4.abs}: clears each lane's sign bit. */
  public static void f32x4Abs(long[] lo, long[] hi, int dst, int a) {
    lo[dst] = lo[a] & F32_MAGNITUDE;
    hi[dst] = hi[a] & F32_MAGNITUDE;
  }

  /** {@code f32x4.neg}: flips each lane's sign bit. */
  public static void f32x4Neg(long[] lo, long[] hi, int dst, int a) {
    lo[dst] = lo[a] ^ ~F32_MAGNITUDE;
    hi[dst] = hi[a] ^ ~F32_MAGNITUDE;
  }

  /** {@code f64x2.abs}: clears each lane's sign bit. */
  public static void f64x2Abs(long[] lo, long[] hi, int dst, int a) {
    lo[dst] = Numerics.f64Abs(lo[a]);
    hi[dst] = Numerics.f64Abs(hi[a]);
  }

  /** {@code f64x2.neg}: flips each lane's sign bit. */
  public static void f64x2Neg(long[] lo, long[] hi, int dst, int a) {
    lo[dst] = Numerics.f64Neg(lo[a]);
    hi[dst] = Numerics.f64Neg(hi[a]);
  }

  /**
   * {@code f32x4.pmin}: {@code b < a ? b : a} lane-wise, the lane's bits unchanged (so a NaN in
   * {@code a} is returned as it is, and {@code pmin(+0.0, -0.0)} is {@code +0.0}).
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fpmin">fpmin</a>
   */
  public static void f32x4Pmin(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(
        lo, hi, dst, a, b, 32, (x, y) -> Float.intBitsToFloat(y) < Float.intBitsToFloat(x) ? y : x);
  }

  /**
   * {@code f32x4.pmax}: {@code a < b ? b : a} lane-wise, the lane's bits unchanged.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fpmax">fpmax</a>
   */
  public static void f32x4Pmax(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary(
        lo, hi, dst, a, b, 32, (x, y) -> Float.intBitsToFloat(x) < Float.intBitsToFloat(y) ? y : x);
  }

  /**
   * {@code f64x2.pmin}: {@code b < a ? b : a} lane-wise, the lane's bits unchanged.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fpmin">fpmin</a>
   */
  public static void f64x2Pmin(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary64(
        lo,
        hi,
        dst,
        a,
        b,
        (x, y) -> Double.longBitsToDouble(y) < Double.longBitsToDouble(x) ? y : x);
  }

  /**
   * {@code f64x2.pmax}: {@code a < b ? b : a} lane-wise, the lane's bits unchanged.
   *
   * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-fpmax">fpmax</a>
   */
  public static void f64x2Pmax(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary64(
        lo,
        hi,
        dst,
        a,
        b,
        (x, y) -> Double.longBitsToDouble(x) < Double.longBitsToDouble(y) ? y : x);
  }
}

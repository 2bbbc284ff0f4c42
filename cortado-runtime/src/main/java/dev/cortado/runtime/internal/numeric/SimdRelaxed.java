package dev.cortado.runtime.internal.numeric;

/**
 * The relaxed SIMD instructions (Wasm 3.0), each with one deterministic choice among the results
 * the spec allows, the same on every machine and in every engine (RATIONALE.md, "Relaxed SIMD"):
 * the choice is the strict instruction where one exists (swizzle, saturating truncation, bitselect,
 * IEEE min and max, saturating q15mulr), a fused multiply-add, and dot products that read both
 * operands as signed bytes.
 *
 * @see <a
 *     href="https://github.com/WebAssembly/relaxed-simd/blob/main/proposals/relaxed-simd/Overview.md">
 *     relaxed SIMD</a>
 */
public final class SimdRelaxed {
  private SimdRelaxed() {}

  /** {@code i8x16.relaxed_swizzle}: as {@code i8x16.swizzle} (0 for indices 16 and above). */
  public static void i8x16RelaxedSwizzle(long[] lo, long[] hi, int dst, int a, int s) {
    SimdLanes.i8x16Swizzle(lo, hi, dst, a, s);
  }

  /** {@code i32x4.relaxed_trunc_f32x4_s}: as {@code i32x4.trunc_sat_f32x4_s}. */
  public static void i32x4RelaxedTruncF32x4S(long[] lo, long[] hi, int dst, int a) {
    SimdConvert.i32x4TruncSatF32x4S(lo, hi, dst, a);
  }

  /** {@code i32x4.relaxed_trunc_f32x4_u}: as {@code i32x4.trunc_sat_f32x4_u}. */
  public static void i32x4RelaxedTruncF32x4U(long[] lo, long[] hi, int dst, int a) {
    SimdConvert.i32x4TruncSatF32x4U(lo, hi, dst, a);
  }

  /** {@code i32x4.relaxed_trunc_f64x2_s_zero}: as {@code i32x4.trunc_sat_f64x2_s_zero}. */
  public static void i32x4RelaxedTruncF64x2SZero(long[] lo, long[] hi, int dst, int a) {
    SimdConvert.i32x4TruncSatF64x2SZero(lo, hi, dst, a);
  }

  /** {@code i32x4.relaxed_trunc_f64x2_u_zero}: as {@code i32x4.trunc_sat_f64x2_u_zero}. */
  public static void i32x4RelaxedTruncF64x2UZero(long[] lo, long[] hi, int dst, int a) {
    SimdConvert.i32x4TruncSatF64x2UZero(lo, hi, dst, a);
  }

  /** {@code f32x4.relaxed_madd}: {@code a * b + c} lane-wise, rounded once (fused). */
  public static void f32x4RelaxedMadd(long[] lo, long[] hi, int dst, int a, int b, int c) {
    lo[dst] = fmaF32(lo[a], lo[b], lo[c], false);
    hi[dst] = fmaF32(hi[a], hi[b], hi[c], false);
  }

  /** {@code f32x4.relaxed_nmadd}: {@code -(a * b) + c} lane-wise, rounded once (fused). */
  public static void f32x4RelaxedNmadd(long[] lo, long[] hi, int dst, int a, int b, int c) {
    lo[dst] = fmaF32(lo[a], lo[b], lo[c], true);
    hi[dst] = fmaF32(hi[a], hi[b], hi[c], true);
  }

  private static long fmaF32(long a, long b, long c, boolean negate) {
    float low = Lanes.f32(a, 0);
    float high = Lanes.f32(a, 32);
    return Lanes.pack(
        Math.fma(negate ? -low : low, Lanes.f32(b, 0), Lanes.f32(c, 0)),
        Math.fma(negate ? -high : high, Lanes.f32(b, 32), Lanes.f32(c, 32)));
  }

  /** {@code f64x2.relaxed_madd}: {@code a * b + c} lane-wise, rounded once (fused). */
  public static void f64x2RelaxedMadd(long[] lo, long[] hi, int dst, int a, int b, int c) {
    lo[dst] = fmaF64(lo[a], lo[b], lo[c], false);
    hi[dst] = fmaF64(hi[a], hi[b], hi[c], false);
  }

  /** {@code f64x2.relaxed_nmadd}: {@code -(a * b) + c} lane-wise, rounded once (fused). */
  public static void f64x2RelaxedNmadd(long[] lo, long[] hi, int dst, int a, int b, int c) {
    lo[dst] = fmaF64(lo[a], lo[b], lo[c], true);
    hi[dst] = fmaF64(hi[a], hi[b], hi[c], true);
  }

  private static long fmaF64(long a, long b, long c, boolean negate) {
    double x = Double.longBitsToDouble(a);
    return Double.doubleToRawLongBits(
        Math.fma(negate ? -x : x, Double.longBitsToDouble(b), Double.longBitsToDouble(c)));
  }

  /** {@code i8x16.relaxed_laneselect}: as {@code v128.bitselect}. */
  public static void i8x16RelaxedLaneselect(long[] lo, long[] hi, int dst, int a, int b, int m) {
    SimdBitwise.v128Bitselect(lo, hi, dst, a, b, m);
  }

  /** {@code i16x8.relaxed_laneselect}: as {@code v128.bitselect}. */
  public static void i16x8RelaxedLaneselect(long[] lo, long[] hi, int dst, int a, int b, int m) {
    SimdBitwise.v128Bitselect(lo, hi, dst, a, b, m);
  }

  /** {@code i32x4.relaxed_laneselect}: as {@code v128.bitselect}. */
  public static void i32x4RelaxedLaneselect(long[] lo, long[] hi, int dst, int a, int b, int m) {
    SimdBitwise.v128Bitselect(lo, hi, dst, a, b, m);
  }

  /** {@code i64x2.relaxed_laneselect}: as {@code v128.bitselect}. */
  public static void i64x2RelaxedLaneselect(long[] lo, long[] hi, int dst, int a, int b, int m) {
    SimdBitwise.v128Bitselect(lo, hi, dst, a, b, m);
  }

  /** {@code f32x4.relaxed_min}: as {@code f32x4.min}. */
  public static void f32x4RelaxedMin(long[] lo, long[] hi, int dst, int a, int b) {
    SimdFloat.f32x4Min(lo, hi, dst, a, b);
  }

  /** {@code f32x4.relaxed_max}: as {@code f32x4.max}. */
  public static void f32x4RelaxedMax(long[] lo, long[] hi, int dst, int a, int b) {
    SimdFloat.f32x4Max(lo, hi, dst, a, b);
  }

  /** {@code f64x2.relaxed_min}: as {@code f64x2.min}. */
  public static void f64x2RelaxedMin(long[] lo, long[] hi, int dst, int a, int b) {
    SimdFloat.f64x2Min(lo, hi, dst, a, b);
  }

  /** {@code f64x2.relaxed_max}: as {@code f64x2.max}. */
  public static void f64x2RelaxedMax(long[] lo, long[] hi, int dst, int a, int b) {
    SimdFloat.f64x2Max(lo, hi, dst, a, b);
  }

  /** {@code i16x8.relaxed_q15mulr_s}: as {@code i16x8.q15mulr_sat_s}. */
  public static void i16x8RelaxedQ15mulrS(long[] lo, long[] hi, int dst, int a, int b) {
    SimdIntArith.i16x8Q15mulrSatS(lo, hi, dst, a, b);
  }

  /**
   * {@code i16x8.relaxed_dot_i8x16_i7x16_s}: each 16-bit lane is the sum of two products of
   * adjacent signed bytes of {@code a} and {@code b}, wrapped to 16 bits.
   */
  public static void i16x8RelaxedDotI8x16I7x16S(long[] lo, long[] hi, int dst, int a, int b) {
    lo[dst] = dot16(lo[a], lo[b]);
    hi[dst] = dot16(hi[a], hi[b]);
  }

  private static long dot16(long x, long y) {
    long out = 0;
    for (int lane = 0; lane < 4; lane++) {
      int sum = pairProduct(x, y, lane * 16);
      out |= (sum & 0xFFFFL) << (lane * 16);
    }
    return out;
  }

  /**
   * {@code i32x4.relaxed_dot_i8x16_i7x16_add_s}: each 32-bit lane is the sum of four products of
   * signed bytes of {@code a} and {@code b}, plus that lane of {@code c}, wrapped to 32 bits.
   */
  public static void i32x4RelaxedDotI8x16I7x16AddS(
      long[] lo, long[] hi, int dst, int a, int b, int c) {
    lo[dst] = dot32(lo[a], lo[b], lo[c]);
    hi[dst] = dot32(hi[a], hi[b], hi[c]);
  }

  private static long dot32(long x, long y, long add) {
    int low = pairProduct(x, y, 0) + pairProduct(x, y, 16) + (int) add;
    int high = pairProduct(x, y, 32) + pairProduct(x, y, 48) + (int) (add >>> 32);
    return Lanes.pack(low, high);
  }

  /** Returns the sum of the products of the signed bytes at {@code shift} and {@code shift + 8}. */
  private static int pairProduct(long x, long y, int shift) {
    return Lanes.lane(x, shift, 8) * Lanes.lane(y, shift, 8)
        + Lanes.lane(x, shift + 8, 8) * Lanes.lane(y, shift + 8, 8);
  }
}

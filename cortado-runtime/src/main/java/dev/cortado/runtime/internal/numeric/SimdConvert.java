package dev.cortado.runtime.internal.numeric;

/**
 * The v128 conversions between integer and float lanes and between f32 and f64 lanes, each the
 * scalar conversion of {@link Conversions} applied lane-wise. Layout as in {@link SimdLanes}.
 * Conversions with fewer result lanes than the vector holds ({@code _zero}) set the rest to 0;
 * those with fewer source lanes ({@code _low}) read lanes 0 and 1.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#conversions">Numeric
 *     conversions</a>
 */
public final class SimdConvert {
  private SimdConvert() {}

  /** {@code i32x4.trunc_sat_f32x4_s}: {@link Conversions#i32TruncSatF32S} on each lane. */
  public static void i32x4TruncSatF32x4S(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary(lo, hi, dst, a, 32, x -> Conversions.i32TruncSatF32S(Float.intBitsToFloat(x)));
  }

  /** {@code i32x4.trunc_sat_f32x4_u}: {@link Conversions#i32TruncSatF32U} on each lane. */
  public static void i32x4TruncSatF32x4U(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary(lo, hi, dst, a, 32, x -> Conversions.i32TruncSatF32U(Float.intBitsToFloat(x)));
  }

  /** {@code f32x4.convert_i32x4_s}: each signed lane rounded to the nearest f32. */
  public static void f32x4ConvertI32x4S(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary(lo, hi, dst, a, 32, x -> Float.floatToRawIntBits((float) x));
  }

  /** {@code f32x4.convert_i32x4_u}: each unsigned lane rounded to the nearest f32. */
  public static void f32x4ConvertI32x4U(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary(lo, hi, dst, a, 32, x -> Float.floatToRawIntBits(Conversions.f32ConvertI32U(x)));
  }

  /**
   * {@code i32x4.trunc_sat_f64x2_s_zero}: {@link Conversions#i32TruncSatF64S} of both f64 lanes
   * into lanes 0 and 1; lanes 2 and 3 are 0.
   */
  public static void i32x4TruncSatF64x2SZero(long[] lo, long[] hi, int dst, int a) {
    int low = Conversions.i32TruncSatF64S(Double.longBitsToDouble(lo[a]));
    int high = Conversions.i32TruncSatF64S(Double.longBitsToDouble(hi[a]));
    lo[dst] = Lanes.pack(low, high);
    hi[dst] = 0;
  }

  /**
   * {@code i32x4.trunc_sat_f64x2_u_zero}: {@link Conversions#i32TruncSatF64U} of both f64 lanes
   * into lanes 0 and 1; lanes 2 and 3 are 0.
   */
  public static void i32x4TruncSatF64x2UZero(long[] lo, long[] hi, int dst, int a) {
    int low = Conversions.i32TruncSatF64U(Double.longBitsToDouble(lo[a]));
    int high = Conversions.i32TruncSatF64U(Double.longBitsToDouble(hi[a]));
    lo[dst] = Lanes.pack(low, high);
    hi[dst] = 0;
  }

  /** {@code f64x2.convert_low_i32x4_s}: signed i32 lanes 0 and 1, exactly as f64. */
  public static void f64x2ConvertLowI32x4S(long[] lo, long[] hi, int dst, int a) {
    long x = lo[a];
    lo[dst] = Double.doubleToRawLongBits((int) x);
    hi[dst] = Double.doubleToRawLongBits((int) (x >>> 32));
  }

  /** {@code f64x2.convert_low_i32x4_u}: unsigned i32 lanes 0 and 1, exactly as f64. */
  public static void f64x2ConvertLowI32x4U(long[] lo, long[] hi, int dst, int a) {
    long x = lo[a];
    lo[dst] = Double.doubleToRawLongBits(x & 0xFFFF_FFFFL);
    hi[dst] = Double.doubleToRawLongBits(x >>> 32);
  }

  /**
   * {@code f32x4.demote_f64x2_zero}: {@link Conversions#f32DemoteF64} of both f64 lanes into lanes
   * 0 and 1; lanes 2 and 3 are +0.0.
   */
  public static void f32x4DemoteF64x2Zero(long[] lo, long[] hi, int dst, int a) {
    float low = Conversions.f32DemoteF64(Double.longBitsToDouble(lo[a]));
    float high = Conversions.f32DemoteF64(Double.longBitsToDouble(hi[a]));
    lo[dst] = Lanes.pack(low, high);
    hi[dst] = 0;
  }

  /** {@code f64x2.promote_low_f32x4}: {@link Conversions#f64PromoteF32} of f32 lanes 0 and 1. */
  public static void f64x2PromoteLowF32x4(long[] lo, long[] hi, int dst, int a) {
    long x = lo[a];
    lo[dst] = Double.doubleToRawLongBits(Conversions.f64PromoteF32(Lanes.f32(x, 0)));
    hi[dst] = Double.doubleToRawLongBits(Conversions.f64PromoteF32(Lanes.f32(x, 32)));
  }
}

package dev.cortado.runtime.internal.numeric;

/**
 * The v128 integer instructions that change the lane width: extend, extended multiplication,
 * pairwise extended addition, the i16 dot product, and saturating narrowing. Layout as in {@link
 * SimdLanes}; "low" means lanes from {@code lo}, "high" lanes from {@code hi}.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/instructions.html#vector-instructions">
 *     Vector instructions</a>
 */
public final class SimdWiden {
  private SimdWiden() {}

  // ---------------------------------------------------------------------------------------------
  // extend: the same transform as the widening loads, applied to one half of a register

  /** {@code i16x8.extend_low_i8x16_s}: lanes 0-7, sign-extended. */
  public static void i16x8ExtendLowI8x16S(long[] lo, long[] hi, int dst, int a) {
    SimdLanes.widen(lo, hi, dst, lo[a], 8, true);
  }

  /** {@code i16x8.extend_high_i8x16_s}: lanes 8-15, sign-extended. */
  public static void i16x8ExtendHighI8x16S(long[] lo, long[] hi, int dst, int a) {
    SimdLanes.widen(lo, hi, dst, hi[a], 8, true);
  }

  /** {@code i16x8.extend_low_i8x16_u}: lanes 0-7, zero-extended. */
  public static void i16x8ExtendLowI8x16U(long[] lo, long[] hi, int dst, int a) {
    SimdLanes.widen(lo, hi, dst, lo[a], 8, false);
  }

  /** {@code i16x8.extend_high_i8x16_u}: lanes 8-15, zero-extended. */
  public static void i16x8ExtendHighI8x16U(long[] lo, long[] hi, int dst, int a) {
    SimdLanes.widen(lo, hi, dst, hi[a], 8, false);
  }

  /** {@code i32x4.extend_low_i16x8_s}: lanes 0-3, sign-extended. */
  public static void i32x4ExtendLowI16x8S(long[] lo, long[] hi, int dst, int a) {
    SimdLanes.widen(lo, hi, dst, lo[a], 16, true);
  }

  /** {@code i32x4.extend_high_i16x8_s}: lanes 4-7, sign-extended. */
  public static void i32x4ExtendHighI16x8S(long[] lo, long[] hi, int dst, int a) {
    SimdLanes.widen(lo, hi, dst, hi[a], 16, true);
  }

  /** {@code i32x4.extend_low_i16x8_u}: lanes 0-3, zero-extended. */
  public static void i32x4ExtendLowI16x8U(long[] lo, long[] hi, int dst, int a) {
    SimdLanes.widen(lo, hi, dst, lo[a], 16, false);
  }

  /** {@code i32x4.extend_high_i16x8_u}: lanes 4-7, zero-extended. */
  public static void i32x4ExtendHighI16x8U(long[] lo, long[] hi, int dst, int a) {
    SimdLanes.widen(lo, hi, dst, hi[a], 16, false);
  }

  /** {@code i64x2.extend_low_i32x4_s}: lanes 0-1, sign-extended. */
  public static void i64x2ExtendLowI32x4S(long[] lo, long[] hi, int dst, int a) {
    SimdLanes.widen(lo, hi, dst, lo[a], 32, true);
  }

  /** {@code i64x2.extend_high_i32x4_s}: lanes 2-3, sign-extended. */
  public static void i64x2ExtendHighI32x4S(long[] lo, long[] hi, int dst, int a) {
    SimdLanes.widen(lo, hi, dst, hi[a], 32, true);
  }

  /** {@code i64x2.extend_low_i32x4_u}: lanes 0-1, zero-extended. */
  public static void i64x2ExtendLowI32x4U(long[] lo, long[] hi, int dst, int a) {
    SimdLanes.widen(lo, hi, dst, lo[a], 32, false);
  }

  /** {@code i64x2.extend_high_i32x4_u}: lanes 2-3, zero-extended. */
  public static void i64x2ExtendHighI32x4U(long[] lo, long[] hi, int dst, int a) {
    SimdLanes.widen(lo, hi, dst, hi[a], 32, false);
  }

  // ---------------------------------------------------------------------------------------------
  // extmul: extend both operands' low or high lanes, then multiply (the product always fits)

  /** {@code i16x8.extmul_low_i8x16_s}: signed products of lanes 0-7. */
  public static void i16x8ExtmulLowI8x16S(long[] lo, long[] hi, int dst, int a, int b) {
    extmul(lo, hi, dst, lo[a], lo[b], 8, true);
  }

  /** {@code i16x8.extmul_high_i8x16_s}: signed products of lanes 8-15. */
  public static void i16x8ExtmulHighI8x16S(long[] lo, long[] hi, int dst, int a, int b) {
    extmul(lo, hi, dst, hi[a], hi[b], 8, true);
  }

  /** {@code i16x8.extmul_low_i8x16_u}: unsigned products of lanes 0-7. */
  public static void i16x8ExtmulLowI8x16U(long[] lo, long[] hi, int dst, int a, int b) {
    extmul(lo, hi, dst, lo[a], lo[b], 8, false);
  }

  /** {@code i16x8.extmul_high_i8x16_u}: unsigned products of lanes 8-15. */
  public static void i16x8ExtmulHighI8x16U(long[] lo, long[] hi, int dst, int a, int b) {
    extmul(lo, hi, dst, hi[a], hi[b], 8, false);
  }

  /** {@code i32x4.extmul_low_i16x8_s}: signed products of lanes 0-3. */
  public static void i32x4ExtmulLowI16x8S(long[] lo, long[] hi, int dst, int a, int b) {
    extmul(lo, hi, dst, lo[a], lo[b], 16, true);
  }

  /** {@code i32x4.extmul_high_i16x8_s}: signed products of lanes 4-7. */
  public static void i32x4ExtmulHighI16x8S(long[] lo, long[] hi, int dst, int a, int b) {
    extmul(lo, hi, dst, hi[a], hi[b], 16, true);
  }

  /** {@code i32x4.extmul_low_i16x8_u}: unsigned products of lanes 0-3. */
  public static void i32x4ExtmulLowI16x8U(long[] lo, long[] hi, int dst, int a, int b) {
    extmul(lo, hi, dst, lo[a], lo[b], 16, false);
  }

  /** {@code i32x4.extmul_high_i16x8_u}: unsigned products of lanes 4-7. */
  public static void i32x4ExtmulHighI16x8U(long[] lo, long[] hi, int dst, int a, int b) {
    extmul(lo, hi, dst, hi[a], hi[b], 16, false);
  }

  /** {@code i64x2.extmul_low_i32x4_s}: signed products of lanes 0-1. */
  public static void i64x2ExtmulLowI32x4S(long[] lo, long[] hi, int dst, int a, int b) {
    extmul(lo, hi, dst, lo[a], lo[b], 32, true);
  }

  /** {@code i64x2.extmul_high_i32x4_s}: signed products of lanes 2-3. */
  public static void i64x2ExtmulHighI32x4S(long[] lo, long[] hi, int dst, int a, int b) {
    extmul(lo, hi, dst, hi[a], hi[b], 32, true);
  }

  /** {@code i64x2.extmul_low_i32x4_u}: unsigned products of lanes 0-1. */
  public static void i64x2ExtmulLowI32x4U(long[] lo, long[] hi, int dst, int a, int b) {
    extmul(lo, hi, dst, lo[a], lo[b], 32, false);
  }

  /** {@code i64x2.extmul_high_i32x4_u}: unsigned products of lanes 2-3. */
  public static void i64x2ExtmulHighI32x4U(long[] lo, long[] hi, int dst, int a, int b) {
    extmul(lo, hi, dst, hi[a], hi[b], 32, false);
  }

  /** Writes the products of the {@code width}-bit lanes of {@code x} and {@code y}, widened. */
  private static void extmul(
      long[] lo, long[] hi, int dst, long x, long y, int width, boolean signed) {
    int upper = 32 / width;
    lo[dst] =
        multiply(Lanes.widen(x, width, 0, signed), Lanes.widen(y, width, 0, signed), 2 * width);
    hi[dst] =
        multiply(
            Lanes.widen(x, width, upper, signed), Lanes.widen(y, width, upper, signed), 2 * width);
  }

  /** Lane-wise wrapping product of two halves of {@code width}-bit lanes (16, 32 or 64). */
  private static long multiply(long x, long y, int width) {
    return width == 64 ? x * y : Lanes.map(x, y, width, (p, q) -> p * q);
  }

  // ---------------------------------------------------------------------------------------------
  // extadd_pairwise and dot: adjacent lane pairs never straddle the two halves

  /** {@code i16x8.extadd_pairwise_i8x16_s}: lane i is the signed sum of lanes 2i and 2i+1. */
  public static void i16x8ExtaddPairwiseI8x16S(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary64(lo, hi, dst, a, x -> pairwise(x, 8, true));
  }

  /** {@code i16x8.extadd_pairwise_i8x16_u}: lane i is the unsigned sum of lanes 2i and 2i+1. */
  public static void i16x8ExtaddPairwiseI8x16U(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary64(lo, hi, dst, a, x -> pairwise(x, 8, false));
  }

  /** {@code i32x4.extadd_pairwise_i16x8_s}: lane i is the signed sum of lanes 2i and 2i+1. */
  public static void i32x4ExtaddPairwiseI16x8S(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary64(lo, hi, dst, a, x -> pairwise(x, 16, true));
  }

  /** {@code i32x4.extadd_pairwise_i16x8_u}: lane i is the unsigned sum of lanes 2i and 2i+1. */
  public static void i32x4ExtaddPairwiseI16x8U(long[] lo, long[] hi, int dst, int a) {
    Lanes.unary64(lo, hi, dst, a, x -> pairwise(x, 16, false));
  }

  private static long pairwise(long x, int width, boolean signed) {
    int wide = 2 * width;
    long narrowMask = Lanes.mask(width);
    long r = 0;
    for (int s = 0; s < 64; s += wide) {
      long even = Lanes.lane(x, s, width);
      long odd = Lanes.lane(x, s + width, width);
      long sum = signed ? even + odd : (even & narrowMask) + (odd & narrowMask);
      r |= (sum & Lanes.mask(wide)) << s;
    }
    return r;
  }

  /**
   * {@code i32x4.dot_i16x8_s}: lane i is {@code a[2i] * b[2i] + a[2i+1] * b[2i+1]} of signed i16
   * lanes, wrapping (only {@code -32768} in all four lanes wraps, to {@code MIN_VALUE}).
   */
  public static void i32x4DotI16x8S(long[] lo, long[] hi, int dst, int a, int b) {
    Lanes.binary64(lo, hi, dst, a, b, SimdWiden::dot);
  }

  private static long dot(long x, long y) {
    int low =
        Lanes.lane(x, 0, 16) * Lanes.lane(y, 0, 16) + Lanes.lane(x, 16, 16) * Lanes.lane(y, 16, 16);
    int high =
        Lanes.lane(x, 32, 16) * Lanes.lane(y, 32, 16)
            + Lanes.lane(x, 48, 16) * Lanes.lane(y, 48, 16);
    return Lanes.pack(low, high);
  }

  // ---------------------------------------------------------------------------------------------
  // narrow: signed lanes of a then b, each clamped to the narrower signed or unsigned range

  /** {@code i8x16.narrow_i16x8_s}: lanes of a then b, clamped to [-128, 127]. */
  public static void i8x16NarrowI16x8S(long[] lo, long[] hi, int dst, int a, int b) {
    narrow(lo, hi, dst, a, b, 16, true);
  }

  /** {@code i8x16.narrow_i16x8_u}: signed lanes of a then b, clamped to [0, 255]. */
  public static void i8x16NarrowI16x8U(long[] lo, long[] hi, int dst, int a, int b) {
    narrow(lo, hi, dst, a, b, 16, false);
  }

  /** {@code i16x8.narrow_i32x4_s}: lanes of a then b, clamped to [-32768, 32767]. */
  public static void i16x8NarrowI32x4S(long[] lo, long[] hi, int dst, int a, int b) {
    narrow(lo, hi, dst, a, b, 32, true);
  }

  /** {@code i16x8.narrow_i32x4_u}: signed lanes of a then b, clamped to [0, 65535]. */
  public static void i16x8NarrowI32x4U(long[] lo, long[] hi, int dst, int a, int b) {
    narrow(lo, hi, dst, a, b, 32, false);
  }

  private static void narrow(
      long[] lo, long[] hi, int dst, int a, int b, int width, boolean signed) {
    long l = narrow(lo[a], hi[a], width, signed);
    long h = narrow(lo[b], hi[b], width, signed);
    lo[dst] = l;
    hi[dst] = h;
  }

  /** Packs the {@code width}-bit lanes of halves {@code x} then {@code y} into half-width lanes. */
  private static long narrow(long x, long y, int width, boolean signed) {
    int to = width / 2;
    long min = signed ? -(1L << (to - 1)) : 0;
    long max = signed ? (1L << (to - 1)) - 1 : (1L << to) - 1;
    long toMask = Lanes.mask(to);
    long r = 0;
    int s = 0;
    for (int from = 0; from < 128; from += width, s += to) {
      long v = Lanes.lane(from < 64 ? x : y, from & 63, width);
      r |= (Math.max(min, Math.min(max, v)) & toMask) << s;
    }
    return r;
  }
}

package dev.cortado.runtime.internal.numeric;

/**
 * The v128 lane shifts. The shift count is taken modulo the lane width, as Wasm requires. Layout as
 * in {@link SimdLanes}.
 *
 * <p>The 8-, 16- and 32-bit shifts move a whole 64-bit half at once and then mask off the bits that
 * crossed into a neighbouring lane; the arithmetic right shift then fills in each negative lane's
 * sign bits.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#op-ishl">ishl</a>
 */
public final class SimdShift {
  private SimdShift() {}

  /** {@code i8x16.shl}: each lane shifted left by {@code count} mod 8. */
  public static void i8x16Shl(long[] lo, long[] hi, int dst, int a, int count) {
    shl(lo, hi, dst, a, count & 7, 8);
  }

  /** {@code i8x16.shr_s}: each lane shifted right by {@code count} mod 8, copying the sign. */
  public static void i8x16ShrS(long[] lo, long[] hi, int dst, int a, int count) {
    shrS(lo, hi, dst, a, count & 7, 8);
  }

  /** {@code i8x16.shr_u}: each lane shifted right by {@code count} mod 8, filling with zeros. */
  public static void i8x16ShrU(long[] lo, long[] hi, int dst, int a, int count) {
    shrU(lo, hi, dst, a, count & 7, 8);
  }

  /** {@code i16x8.shl}: each lane shifted left by {@code count} mod 16. */
  public static void i16x8Shl(long[] lo, long[] hi, int dst, int a, int count) {
    shl(lo, hi, dst, a, count & 15, 16);
  }

  /** {@code i16x8.shr_s}: each lane shifted right by {@code count} mod 16, copying the sign. */
  public static void i16x8ShrS(long[] lo, long[] hi, int dst, int a, int count) {
    shrS(lo, hi, dst, a, count & 15, 16);
  }

  /** {@code i16x8.shr_u}: each lane shifted right by {@code count} mod 16, filling with zeros. */
  public static void i16x8ShrU(long[] lo, long[] hi, int dst, int a, int count) {
    shrU(lo, hi, dst, a, count & 15, 16);
  }

  /** {@code i32x4.shl}: each lane shifted left by {@code count} mod 32. */
  public static void i32x4Shl(long[] lo, long[] hi, int dst, int a, int count) {
    shl(lo, hi, dst, a, count & 31, 32);
  }

  /** {@code i32x4.shr_s}: each lane shifted right by {@code count} mod 32, copying the sign. */
  public static void i32x4ShrS(long[] lo, long[] hi, int dst, int a, int count) {
    shrS(lo, hi, dst, a, count & 31, 32);
  }

  /** {@code i32x4.shr_u}: each lane shifted right by {@code count} mod 32, filling with zeros. */
  public static void i32x4ShrU(long[] lo, long[] hi, int dst, int a, int count) {
    shrU(lo, hi, dst, a, count & 31, 32);
  }

  /** {@code i64x2.shl}: each lane shifted left by {@code count} mod 64. */
  public static void i64x2Shl(long[] lo, long[] hi, int dst, int a, int count) {
    // Java masks a long shift count to 6 bits, which is the Wasm rule.
    lo[dst] = lo[a] << count;
    hi[dst] = hi[a] << count;
  }

  /** {@code i64x2.shr_s}: each lane shifted right by {@code count} mod 64, copying the sign. */
  public static void i64x2ShrS(long[] lo, long[] hi, int dst, int a, int count) {
    lo[dst] = lo[a] >> count;
    hi[dst] = hi[a] >> count;
  }

  /** {@code i64x2.shr_u}: each lane shifted right by {@code count} mod 64, filling with zeros. */
  public static void i64x2ShrU(long[] lo, long[] hi, int dst, int a, int count) {
    lo[dst] = lo[a] >>> count;
    hi[dst] = hi[a] >>> count;
  }

  // ---------------------------------------------------------------------------------------------
  // Whole-half shifts for lanes of width 8, 16 or 32; 0 <= s < width.

  /** Returns {@code v} (below 2^width) copied into every {@code width}-bit lane of a half. */
  private static long replicate(long v, int width) {
    return v * Lanes.ones(width);
  }

  private static void shl(long[] lo, long[] hi, int dst, int a, int s, int width) {
    long m = Lanes.mask(width);
    long keep = replicate((m << s) & m, width);
    lo[dst] = (lo[a] << s) & keep;
    hi[dst] = (hi[a] << s) & keep;
  }

  private static void shrU(long[] lo, long[] hi, int dst, int a, int s, int width) {
    long keep = replicate(Lanes.mask(width) >>> s, width);
    lo[dst] = (lo[a] >>> s) & keep;
    hi[dst] = (hi[a] >>> s) & keep;
  }

  private static void shrS(long[] lo, long[] hi, int dst, int a, int s, int width) {
    long m = Lanes.mask(width);
    long keep = replicate(m >>> s, width);
    // The s top bits of a lane, which an arithmetic shift fills with copies of the sign.
    long fill = (m << (width - s)) & m;
    long l = lo[a];
    long h = hi[a];
    lo[dst] = sar(l, s, width, keep, fill);
    hi[dst] = sar(h, s, width, keep, fill);
  }

  private static long sar(long x, int s, int width, long keep, long fill) {
    // Each lane's sign moved to its lowest bit: 1 for negative lanes, else 0. Multiplying by the
    // fill pattern (below 2^width) then sets that lane's top s bits without touching other lanes.
    long negative = (x >>> (width - 1)) & replicate(1, width);
    return ((x >>> s) & keep) | negative * fill;
  }
}

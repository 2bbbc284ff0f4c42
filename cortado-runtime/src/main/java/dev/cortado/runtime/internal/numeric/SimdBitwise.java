package dev.cortado.runtime.internal.numeric;

/**
 * The v128 bitwise instructions and the reductions of a vector to an i32: {@code any_true}, {@code
 * all_true} and {@code bitmask}. Layout as in {@link SimdLanes}.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/instructions.html#vector-instructions">
 *     Vector instructions</a>
 */
public final class SimdBitwise {
  private SimdBitwise() {}

  /** {@code v128.not}: the bitwise complement of {@code a}. */
  public static void v128Not(long[] lo, long[] hi, int dst, int a) {
    lo[dst] = ~lo[a];
    hi[dst] = ~hi[a];
  }

  /** {@code v128.and}: {@code a & b}. */
  public static void v128And(long[] lo, long[] hi, int dst, int a, int b) {
    lo[dst] = lo[a] & lo[b];
    hi[dst] = hi[a] & hi[b];
  }

  /** {@code v128.andnot}: {@code a & ~b}. */
  public static void v128Andnot(long[] lo, long[] hi, int dst, int a, int b) {
    lo[dst] = lo[a] & ~lo[b];
    hi[dst] = hi[a] & ~hi[b];
  }

  /** {@code v128.or}: {@code a | b}. */
  public static void v128Or(long[] lo, long[] hi, int dst, int a, int b) {
    lo[dst] = lo[a] | lo[b];
    hi[dst] = hi[a] | hi[b];
  }

  /** {@code v128.xor}: {@code a ^ b}. */
  public static void v128Xor(long[] lo, long[] hi, int dst, int a, int b) {
    lo[dst] = lo[a] ^ lo[b];
    hi[dst] = hi[a] ^ hi[b];
  }

  /** {@code v128.bitselect}: each bit from {@code a} where mask {@code c} is 1, from {@code b}. */
  public static void v128Bitselect(long[] lo, long[] hi, int dst, int a, int b, int c) {
    long cl = lo[c];
    long ch = hi[c];
    // b ^ ((a ^ b) & c) selects like (a & c) | (b & ~c), reading each operand once.
    lo[dst] = lo[b] ^ ((lo[a] ^ lo[b]) & cl);
    hi[dst] = hi[b] ^ ((hi[a] ^ hi[b]) & ch);
  }

  /** {@code v128.any_true}: 1 if any bit of {@code a} is set, else 0. */
  public static int v128AnyTrue(long[] lo, long[] hi, int a) {
    return (lo[a] | hi[a]) != 0 ? 1 : 0;
  }

  // ---------------------------------------------------------------------------------------------
  // all_true: whether no lane is zero

  /** {@code i8x16.all_true}: 1 if every lane is non-zero, else 0. */
  public static int i8x16AllTrue(long[] lo, long[] hi, int a) {
    return allTrue(lo[a], hi[a], 8);
  }

  /** {@code i16x8.all_true}: 1 if every lane is non-zero, else 0. */
  public static int i16x8AllTrue(long[] lo, long[] hi, int a) {
    return allTrue(lo[a], hi[a], 16);
  }

  /** {@code i32x4.all_true}: 1 if every lane is non-zero, else 0. */
  public static int i32x4AllTrue(long[] lo, long[] hi, int a) {
    return allTrue(lo[a], hi[a], 32);
  }

  /** {@code i64x2.all_true}: 1 if both lanes are non-zero, else 0. */
  public static int i64x2AllTrue(long[] lo, long[] hi, int a) {
    return lo[a] != 0 && hi[a] != 0 ? 1 : 0;
  }

  /**
   * Returns 1 if neither half has a zero {@code width}-bit lane. With {@code ones} the lowest bit
   * of each lane and {@code highs} the highest, {@code (x - ones) & ~x & highs} is non-zero exactly
   * when some lane of {@code x} is zero: the lowest zero lane borrows and sets its high bit, while
   * a non-zero lane below it never borrows into the next one (borrows can give false positives only
   * above a real zero lane, which does not change the answer).
   */
  private static int allTrue(long l, long h, int width) {
    long ones = Lanes.ones(width);
    long highs = ones << (width - 1);
    long zeroLanes = ((l - ones) & ~l & highs) | ((h - ones) & ~h & highs);
    return zeroLanes == 0 ? 1 : 0;
  }

  // ---------------------------------------------------------------------------------------------
  // bitmask: the lanes' sign bits, lane i in bit i

  /** {@code i8x16.bitmask}: bit {@code i} of the result is the sign bit of lane {@code i}. */
  public static int i8x16Bitmask(long[] lo, long[] hi, int a) {
    return bitmask(lo[a], hi[a], 8);
  }

  /** {@code i16x8.bitmask}: bit {@code i} of the result is the sign bit of lane {@code i}. */
  public static int i16x8Bitmask(long[] lo, long[] hi, int a) {
    return bitmask(lo[a], hi[a], 16);
  }

  /** {@code i32x4.bitmask}: bit {@code i} of the result is the sign bit of lane {@code i}. */
  public static int i32x4Bitmask(long[] lo, long[] hi, int a) {
    return bitmask(lo[a], hi[a], 32);
  }

  /** {@code i64x2.bitmask}: bit {@code i} of the result is the sign bit of lane {@code i}. */
  public static int i64x2Bitmask(long[] lo, long[] hi, int a) {
    return bitmask(lo[a], hi[a], 64);
  }

  private static int bitmask(long l, long h, int width) {
    return signBits(l, width) | signBits(h, width) << (64 / width);
  }

  private static int signBits(long half, int width) {
    int r = 0;
    for (int i = 0, s = width - 1; s < 64; i++, s += width) {
      r |= (int) (half >>> s & 1) << i;
    }
    return r;
  }
}

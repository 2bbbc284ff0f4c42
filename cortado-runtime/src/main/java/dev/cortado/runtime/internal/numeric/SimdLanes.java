package dev.cortado.runtime.internal.numeric;

/**
 * The v128 instructions that move lanes: splat, extract and replace lane, shuffle, swizzle, and the
 * lane transforms of the SIMD load instructions.
 *
 * <p><b>Layout of a v128 value</b> (shared by every {@code Simd*} class): two longs, {@code lo}
 * holding bytes 0-7 and {@code hi} bytes 8-15, little-endian, so lane 0 of any shape is in the
 * lowest bits of {@code lo}. The interpreter keeps v128 values in two parallel arrays {@code long[]
 * lo, long[] hi} indexed by slot; an operation reads slots {@code a}, {@code b}, ... and writes
 * slot {@code dst}, which may be one of them. Float lanes are raw IEEE bits. Lane indices come from
 * validated code and are not checked.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/instructions.html#vector-instructions">
 *     Vector instructions</a>
 */
public final class SimdLanes {
  private SimdLanes() {}

  // ---------------------------------------------------------------------------------------------
  // Splat

  /** {@code i8x16.splat}: every lane is the low 8 bits of {@code x}. */
  public static void i8x16Splat(long[] lo, long[] hi, int dst, long x) {
    set(lo, hi, dst, (x & 0xFF) * Lanes.ones(8));
  }

  /** {@code i16x8.splat}: every lane is the low 16 bits of {@code x}. */
  public static void i16x8Splat(long[] lo, long[] hi, int dst, long x) {
    set(lo, hi, dst, (x & 0xFFFF) * Lanes.ones(16));
  }

  /** {@code i32x4.splat}: every lane is the low 32 bits of {@code x}. */
  public static void i32x4Splat(long[] lo, long[] hi, int dst, long x) {
    set(lo, hi, dst, (x & 0xFFFF_FFFFL) * Lanes.ones(32));
  }

  /** {@code i64x2.splat}: both lanes are {@code x}. */
  public static void i64x2Splat(long[] lo, long[] hi, int dst, long x) {
    set(lo, hi, dst, x);
  }

  /** {@code f32x4.splat}: every lane is the f32 whose raw bits are the low 32 bits of {@code x}. */
  public static void f32x4Splat(long[] lo, long[] hi, int dst, long x) {
    i32x4Splat(lo, hi, dst, x);
  }

  /** {@code f64x2.splat}: both lanes are the f64 whose raw bits are {@code x}. */
  public static void f64x2Splat(long[] lo, long[] hi, int dst, long x) {
    set(lo, hi, dst, x);
  }

  private static void set(long[] lo, long[] hi, int dst, long both) {
    lo[dst] = both;
    hi[dst] = both;
  }

  // ---------------------------------------------------------------------------------------------
  // Extract lane

  /** {@code i8x16.extract_lane_s}: lane {@code lane} (0-15), sign-extended. */
  public static int i8x16ExtractLaneS(long[] lo, long[] hi, int a, int lane) {
    return (byte) extract(lo, hi, a, lane, 8);
  }

  /** {@code i8x16.extract_lane_u}: lane {@code lane} (0-15), zero-extended. */
  public static int i8x16ExtractLaneU(long[] lo, long[] hi, int a, int lane) {
    return (int) extract(lo, hi, a, lane, 8) & 0xFF;
  }

  /** {@code i16x8.extract_lane_s}: lane {@code lane} (0-7), sign-extended. */
  public static int i16x8ExtractLaneS(long[] lo, long[] hi, int a, int lane) {
    return (short) extract(lo, hi, a, lane, 16);
  }

  /** {@code i16x8.extract_lane_u}: lane {@code lane} (0-7), zero-extended. */
  public static int i16x8ExtractLaneU(long[] lo, long[] hi, int a, int lane) {
    return (int) extract(lo, hi, a, lane, 16) & 0xFFFF;
  }

  /** {@code i32x4.extract_lane}: lane {@code lane} (0-3). */
  public static int i32x4ExtractLane(long[] lo, long[] hi, int a, int lane) {
    return (int) extract(lo, hi, a, lane, 32);
  }

  /** {@code i64x2.extract_lane}: lane {@code lane} (0-1). */
  public static long i64x2ExtractLane(long[] lo, long[] hi, int a, int lane) {
    return lane == 0 ? lo[a] : hi[a];
  }

  /** {@code f32x4.extract_lane}: the raw bits of lane {@code lane} (0-3), NaN payload kept. */
  public static int f32x4ExtractLane(long[] lo, long[] hi, int a, int lane) {
    return i32x4ExtractLane(lo, hi, a, lane);
  }

  /** {@code f64x2.extract_lane}: the raw bits of lane {@code lane} (0-1), NaN payload kept. */
  public static long f64x2ExtractLane(long[] lo, long[] hi, int a, int lane) {
    return i64x2ExtractLane(lo, hi, a, lane);
  }

  /** Returns lane {@code lane} of {@code width} bits in its low bits, the rest unspecified. */
  private static long extract(long[] lo, long[] hi, int a, int lane, int width) {
    int perHalf = 64 / width;
    long half = lane < perHalf ? lo[a] : hi[a];
    return half >>> ((lane % perHalf) * width);
  }

  // ---------------------------------------------------------------------------------------------
  // Replace lane (also the lane write of v128.loadN_lane)

  /** {@code i8x16.replace_lane}: {@code a} with lane {@code lane} (0-15) set to the low 8 bits. */
  public static void i8x16ReplaceLane(long[] lo, long[] hi, int dst, int a, int lane, long x) {
    replace(lo, hi, dst, a, lane, 8, x);
  }

  /** {@code i16x8.replace_lane}: {@code a} with lane {@code lane} (0-7) set to the low 16 bits. */
  public static void i16x8ReplaceLane(long[] lo, long[] hi, int dst, int a, int lane, long x) {
    replace(lo, hi, dst, a, lane, 16, x);
  }

  /** {@code i32x4.replace_lane}: {@code a} with lane {@code lane} (0-3) set to the low 32 bits. */
  public static void i32x4ReplaceLane(long[] lo, long[] hi, int dst, int a, int lane, long x) {
    replace(lo, hi, dst, a, lane, 32, x);
  }

  /** {@code i64x2.replace_lane}: {@code a} with lane {@code lane} (0-1) set to {@code x}. */
  public static void i64x2ReplaceLane(long[] lo, long[] hi, int dst, int a, int lane, long x) {
    replace(lo, hi, dst, a, lane, 64, x);
  }

  /** {@code f32x4.replace_lane}: lane {@code lane} (0-3) set to the raw f32 bits in {@code x}. */
  public static void f32x4ReplaceLane(long[] lo, long[] hi, int dst, int a, int lane, long x) {
    replace(lo, hi, dst, a, lane, 32, x);
  }

  /** {@code f64x2.replace_lane}: lane {@code lane} (0-1) set to the raw f64 bits {@code x}. */
  public static void f64x2ReplaceLane(long[] lo, long[] hi, int dst, int a, int lane, long x) {
    replace(lo, hi, dst, a, lane, 64, x);
  }

  private static void replace(long[] lo, long[] hi, int dst, int a, int lane, int width, long x) {
    int perHalf = 64 / width;
    int shift = (lane % perHalf) * width;
    long m = Lanes.mask(width) << shift;
    long l = lo[a];
    long h = hi[a];
    if (lane < perHalf) {
      l = (l & ~m) | ((x << shift) & m);
    } else {
      h = (h & ~m) | ((x << shift) & m);
    }
    lo[dst] = l;
    hi[dst] = h;
  }

  // ---------------------------------------------------------------------------------------------
  // Shuffle and swizzle

  /**
   * {@code i8x16.shuffle}: result byte {@code i} is byte {@code s[i]} of the 32-byte concatenation
   * {@code a ++ b}, where {@code s} is the instruction's immediate: its 16 lane-index bytes as two
   * little-endian longs ({@code lanesLo} holds indices 0-7). Indices are below 32 in valid code.
   */
  public static void i8x16Shuffle(
      long[] lo, long[] hi, int dst, int a, int b, long lanesLo, long lanesHi) {
    long al = lo[a];
    long ah = hi[a];
    long bl = lo[b];
    long bh = hi[b];
    long l = 0;
    long h = 0;
    for (int s = 0; s < 64; s += 8) {
      int i = (int) (lanesLo >>> s) & 31;
      int j = (int) (lanesHi >>> s) & 31;
      l |= (i < 16 ? byteAt(al, ah, i) : byteAt(bl, bh, i - 16)) << s;
      h |= (j < 16 ? byteAt(al, ah, j) : byteAt(bl, bh, j - 16)) << s;
    }
    lo[dst] = l;
    hi[dst] = h;
  }

  /**
   * {@code i8x16.swizzle}: result byte {@code i} is byte {@code s[i]} of {@code a}, or 0 where the
   * unsigned index {@code s[i]} is 16 or more.
   */
  public static void i8x16Swizzle(long[] lo, long[] hi, int dst, int a, int s) {
    long al = lo[a];
    long ah = hi[a];
    long sl = lo[s];
    long sh = hi[s];
    long l = 0;
    long h = 0;
    for (int k = 0; k < 64; k += 8) {
      int i = (int) (sl >>> k) & 0xFF;
      int j = (int) (sh >>> k) & 0xFF;
      l |= (i < 16 ? byteAt(al, ah, i) : 0) << k;
      h |= (j < 16 ? byteAt(al, ah, j) : 0) << k;
    }
    lo[dst] = l;
    hi[dst] = h;
  }

  /** Returns byte {@code i} (0-15) of the v128 value {@code (l, h)}, zero-extended. */
  private static long byteAt(long l, long h, int i) {
    return ((i < 8 ? l : h) >>> ((i & 7) * 8)) & 0xFF;
  }

  // ---------------------------------------------------------------------------------------------
  // Load transforms: the interpreter reads the memory, these shape the loaded bits.

  /** {@code v128.load8x8_s}: the 8 bytes of {@code bits} (little-endian), sign-extended to i16. */
  public static void load8x8S(long[] lo, long[] hi, int dst, long bits) {
    widen(lo, hi, dst, bits, 8, true);
  }

  /** {@code v128.load8x8_u}: the 8 bytes of {@code bits}, zero-extended to i16. */
  public static void load8x8U(long[] lo, long[] hi, int dst, long bits) {
    widen(lo, hi, dst, bits, 8, false);
  }

  /** {@code v128.load16x4_s}: the 4 i16 of {@code bits} (little-endian), sign-extended to i32. */
  public static void load16x4S(long[] lo, long[] hi, int dst, long bits) {
    widen(lo, hi, dst, bits, 16, true);
  }

  /** {@code v128.load16x4_u}: the 4 i16 of {@code bits}, zero-extended to i32. */
  public static void load16x4U(long[] lo, long[] hi, int dst, long bits) {
    widen(lo, hi, dst, bits, 16, false);
  }

  /** {@code v128.load32x2_s}: the 2 i32 of {@code bits} (little-endian), sign-extended to i64. */
  public static void load32x2S(long[] lo, long[] hi, int dst, long bits) {
    widen(lo, hi, dst, bits, 32, true);
  }

  /** {@code v128.load32x2_u}: the 2 i32 of {@code bits}, zero-extended to i64. */
  public static void load32x2U(long[] lo, long[] hi, int dst, long bits) {
    widen(lo, hi, dst, bits, 32, false);
  }

  /** {@code v128.load32_zero}: lane 0 of i32x4 is the low 32 bits of {@code bits}, others 0. */
  public static void load32Zero(long[] lo, long[] hi, int dst, long bits) {
    lo[dst] = bits & 0xFFFF_FFFFL;
    hi[dst] = 0;
  }

  /** {@code v128.load64_zero}: lane 0 of i64x2 is {@code bits}, lane 1 is 0. */
  public static void load64Zero(long[] lo, long[] hi, int dst, long bits) {
    lo[dst] = bits;
    hi[dst] = 0;
  }

  /**
   * Writes to {@code dst} the {@code width}-bit lanes of {@code bits}, each extended to twice its
   * width: the first half of them into {@code lo}, the rest into {@code hi}.
   */
  static void widen(long[] lo, long[] hi, int dst, long bits, int width, boolean signed) {
    lo[dst] = Lanes.widen(bits, width, 0, signed);
    hi[dst] = Lanes.widen(bits, width, 32 / width, signed);
  }
}

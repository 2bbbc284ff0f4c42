package dev.cortado.runtime.internal.numeric;

import static dev.cortado.runtime.internal.numeric.V128Model.A;
import static dev.cortado.runtime.internal.numeric.V128Model.B;
import static dev.cortado.runtime.internal.numeric.V128Model.C;
import static dev.cortado.runtime.internal.numeric.V128Model.DST;
import static dev.cortado.runtime.internal.numeric.V128Model.assertVector;
import static dev.cortado.runtime.internal.numeric.V128Model.hex;
import static dev.cortado.runtime.internal.numeric.V128Model.lane;
import static dev.cortado.runtime.internal.numeric.V128Model.setLane;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shifts, splat, extract and replace lane, shuffle, swizzle, bitselect, the boolean reductions and
 * the load transforms, against the lane model of {@link V128Model}.
 */
class SimdLaneMovesTest {
  private static final int ROUNDS = 300;
  private final SplittableRandom random = new SplittableRandom(42);
  private final V128Model m = new V128Model();

  /** A vector shift helper. */
  @FunctionalInterface
  interface Shift {
    void apply(long[] lo, long[] hi, int dst, int a, int count);
  }

  private static final Shift[][] SHIFTS = {
    {SimdShift::i8x16Shl, SimdShift::i8x16ShrS, SimdShift::i8x16ShrU},
    {SimdShift::i16x8Shl, SimdShift::i16x8ShrS, SimdShift::i16x8ShrU},
    {SimdShift::i32x4Shl, SimdShift::i32x4ShrS, SimdShift::i32x4ShrU},
    {SimdShift::i64x2Shl, SimdShift::i64x2ShrS, SimdShift::i64x2ShrU},
  };

  @ParameterizedTest
  @ValueSource(ints = {8, 16, 32, 64})
  void shiftsTakeTheCountModuloTheLaneWidth(int w) {
    Shift[] shifts = SHIFTS[Integer.numberOfTrailingZeros(w) - 3];
    int[] counts = {0, 1, w - 1, w, w + 1, 2 * w - 1, 31, 33, 63, 64, 65, -1, Integer.MIN_VALUE};
    for (int n = 0; n < ROUNDS; n++) {
      long[] a = n % 2 == 0 ? V128Model.random(random, w) : V128Model.random(random);
      int count = n < counts.length ? counts[n] : random.nextInt();
      int s = count & (w - 1);
      long[][] expected = new long[3][2];
      for (int i = 0; i < 128 / w; i++) {
        setLane(expected[0], w, i, lane(a, w, i, true) << s);
        setLane(expected[1], w, i, lane(a, w, i, true) >> s);
        setLane(expected[2], w, i, lane(a, w, i, false) >>> s);
      }
      for (int k = 0; k < 3; k++) {
        m.set(A, a);
        shifts[k].apply(m.lo, m.hi, DST, A, count);
        assertVector(expected[k], m.get(DST), "shift " + k + " of " + hex(a) + " by " + count);
      }
    }
  }

  @Test
  void splatExtractAndReplaceReachEveryLane() {
    for (int n = 0; n < ROUNDS; n++) {
      long x = V128Model.randomLane(random, 64);
      long[] a = V128Model.random(random);
      for (int w = 8; w <= 64; w *= 2) {
        long[] splat = new long[2];
        for (int i = 0; i < 128 / w; i++) {
          setLane(splat, w, i, x);
        }
        splat(w, x);
        assertVector(splat, m.get(DST), "splat " + w + " of " + x);
        for (int i = 0; i < 128 / w; i++) {
          m.set(A, a);
          assertEquals(lane(a, w, i, true), extract(w, i, true), "extract_s " + w + "/" + i);
          assertEquals(lane(a, w, i, false), extract(w, i, false), "extract_u " + w + "/" + i);
          long[] replaced = a.clone();
          setLane(replaced, w, i, x);
          replace(w, i, x);
          assertVector(replaced, m.get(DST), "replace " + w + "/" + i);
        }
      }
    }
  }

  private void splat(int w, long x) {
    switch (w) {
      case 8 -> SimdLanes.i8x16Splat(m.lo, m.hi, DST, x);
      case 16 -> SimdLanes.i16x8Splat(m.lo, m.hi, DST, x);
      case 32 -> {
        SimdLanes.f32x4Splat(m.lo, m.hi, C, x);
        SimdLanes.i32x4Splat(m.lo, m.hi, DST, x);
        assertVector(m.get(DST), m.get(C), "f32x4.splat is i32x4.splat of the bits");
      }
      default -> {
        SimdLanes.f64x2Splat(m.lo, m.hi, C, x);
        SimdLanes.i64x2Splat(m.lo, m.hi, DST, x);
        assertVector(m.get(DST), m.get(C), "f64x2.splat is i64x2.splat of the bits");
      }
    }
  }

  /** Extracts lane {@code i} of slot A; for 32 and 64 bits the float twin must agree. */
  private long extract(int w, int i, boolean signed) {
    return switch (w) {
      case 8 ->
          signed
              ? SimdLanes.i8x16ExtractLaneS(m.lo, m.hi, A, i)
              : SimdLanes.i8x16ExtractLaneU(m.lo, m.hi, A, i);
      case 16 ->
          signed
              ? SimdLanes.i16x8ExtractLaneS(m.lo, m.hi, A, i)
              : SimdLanes.i16x8ExtractLaneU(m.lo, m.hi, A, i);
      case 32 -> {
        int v = SimdLanes.i32x4ExtractLane(m.lo, m.hi, A, i);
        assertEquals(v, SimdLanes.f32x4ExtractLane(m.lo, m.hi, A, i));
        yield signed ? v : Integer.toUnsignedLong(v);
      }
      default -> {
        long v = SimdLanes.i64x2ExtractLane(m.lo, m.hi, A, i);
        assertEquals(v, SimdLanes.f64x2ExtractLane(m.lo, m.hi, A, i));
        yield v;
      }
    };
  }

  private void replace(int w, int i, long x) {
    switch (w) {
      case 8 -> SimdLanes.i8x16ReplaceLane(m.lo, m.hi, DST, A, i, x);
      case 16 -> SimdLanes.i16x8ReplaceLane(m.lo, m.hi, DST, A, i, x);
      case 32 -> {
        SimdLanes.f32x4ReplaceLane(m.lo, m.hi, C, A, i, x);
        SimdLanes.i32x4ReplaceLane(m.lo, m.hi, DST, A, i, x);
        assertVector(m.get(DST), m.get(C), "f32x4.replace_lane");
      }
      default -> {
        SimdLanes.f64x2ReplaceLane(m.lo, m.hi, C, A, i, x);
        SimdLanes.i64x2ReplaceLane(m.lo, m.hi, DST, A, i, x);
        assertVector(m.get(DST), m.get(C), "f64x2.replace_lane");
      }
    }
  }

  @Test
  void shuffleAndSwizzlePickBytesByIndex() {
    for (int n = 0; n < ROUNDS; n++) {
      long[] a = V128Model.random(random);
      long[] b = V128Model.random(random);
      long[] indices = new long[2];
      long[] swizzleIndices = V128Model.random(random, 8);
      for (int i = 0; i < 16; i++) {
        setLane(indices, 8, i, random.nextInt(32));
        if (n % 2 == 0) {
          setLane(swizzleIndices, 8, i, random.nextInt(20));
        }
      }
      long[] shuffled = new long[2];
      long[] swizzled = new long[2];
      for (int i = 0; i < 16; i++) {
        int s = (int) lane(indices, 8, i, false);
        setLane(shuffled, 8, i, s < 16 ? lane(a, 8, s, false) : lane(b, 8, s - 16, false));
        int z = (int) lane(swizzleIndices, 8, i, false);
        setLane(swizzled, 8, i, z < 16 ? lane(a, 8, z, false) : 0);
      }
      m.set(A, a);
      m.set(B, b);
      SimdLanes.i8x16Shuffle(m.lo, m.hi, DST, A, B, indices[0], indices[1]);
      assertVector(shuffled, m.get(DST), "shuffle " + hex(indices));
      m.set(B, swizzleIndices);
      SimdLanes.i8x16Swizzle(m.lo, m.hi, DST, A, B);
      assertVector(swizzled, m.get(DST), "swizzle " + hex(swizzleIndices));
    }
  }

  @Test
  void bitselectTakesBitsOfTheFirstOperandWhereTheMaskIsSet() {
    for (int n = 0; n < ROUNDS; n++) {
      long[] a = V128Model.random(random);
      long[] b = V128Model.random(random);
      long[] c = V128Model.random(random);
      m.set(A, a);
      m.set(B, b);
      m.set(C, c);
      SimdBitwise.v128Bitselect(m.lo, m.hi, DST, A, B, C);
      long[] expected = {(a[0] & c[0]) | (b[0] & ~c[0]), (a[1] & c[1]) | (b[1] & ~c[1])};
      assertVector(expected, m.get(DST), "bitselect");
    }
  }

  @Test
  void reductionsSeeEveryLane() {
    for (int n = 0; n < 4 * ROUNDS; n++) {
      int w = 8 << (n % 4);
      long[] a = V128Model.random(random, w);
      if (n % 3 == 0) {
        // Non-zero lanes of the other widths, with one zero lane: all_true must find it.
        a = V128Model.random(random, 8);
        for (int i = 0; i < 16; i++) {
          setLane(a, 8, i, lane(a, 8, i, false) | 1);
        }
        setLane(a, w, random.nextInt(128 / w), 0);
      }
      boolean all = true;
      int mask = 0;
      for (int i = 0; i < 128 / w; i++) {
        all &= lane(a, w, i, true) != 0;
        mask |= (lane(a, w, i, true) < 0 ? 1 : 0) << i;
      }
      m.set(A, a);
      assertEquals(all ? 1 : 0, allTrue(w), "all_true " + w + " of " + hex(a));
      assertEquals(mask, bitmask(w), "bitmask " + w + " of " + hex(a));
      int any = (a[0] | a[1]) != 0 ? 1 : 0;
      assertEquals(any, SimdBitwise.v128AnyTrue(m.lo, m.hi, A), "any_true of " + hex(a));
    }
    m.set(A, new long[2]);
    assertEquals(0, SimdBitwise.v128AnyTrue(m.lo, m.hi, A));
  }

  private int allTrue(int w) {
    return switch (w) {
      case 8 -> SimdBitwise.i8x16AllTrue(m.lo, m.hi, A);
      case 16 -> SimdBitwise.i16x8AllTrue(m.lo, m.hi, A);
      case 32 -> SimdBitwise.i32x4AllTrue(m.lo, m.hi, A);
      default -> SimdBitwise.i64x2AllTrue(m.lo, m.hi, A);
    };
  }

  private int bitmask(int w) {
    return switch (w) {
      case 8 -> SimdBitwise.i8x16Bitmask(m.lo, m.hi, A);
      case 16 -> SimdBitwise.i16x8Bitmask(m.lo, m.hi, A);
      case 32 -> SimdBitwise.i32x4Bitmask(m.lo, m.hi, A);
      default -> SimdBitwise.i64x2Bitmask(m.lo, m.hi, A);
    };
  }

  /** A load transform helper. */
  @FunctionalInterface
  interface Load {
    void apply(long[] lo, long[] hi, int dst, long bits);
  }

  @Test
  void loadTransformsExtendOrZeroTheLoadedBits() {
    Load[] extending = {
      SimdLanes::load8x8S, SimdLanes::load8x8U,
      SimdLanes::load16x4S, SimdLanes::load16x4U,
      SimdLanes::load32x2S, SimdLanes::load32x2U,
    };
    for (int n = 0; n < ROUNDS; n++) {
      long[] bits = V128Model.random(random);
      for (int k = 0; k < extending.length; k++) {
        int w = 8 << (k / 2);
        boolean signed = k % 2 == 0;
        long[] expected = new long[2];
        for (int i = 0; i < 64 / w; i++) {
          setLane(expected, 2 * w, i, lane(bits, w, i, signed));
        }
        extending[k].apply(m.lo, m.hi, DST, bits[0]);
        assertVector(expected, m.get(DST), "load transform " + k + " of " + hex(bits));
      }
      SimdLanes.load32Zero(m.lo, m.hi, DST, bits[0]);
      assertVector(V128Model.of(32, bits[0], 0, 0, 0), m.get(DST), "load32_zero");
      SimdLanes.load64Zero(m.lo, m.hi, DST, bits[0]);
      assertVector(V128Model.of(64, bits[0], 0), m.get(DST), "load64_zero");
    }
  }
}

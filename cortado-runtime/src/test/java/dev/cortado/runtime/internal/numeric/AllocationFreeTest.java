package dev.cortado.runtime.internal.numeric;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cortado.wasm.testing.AllocatedBytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The helpers allocate nothing per call: after a warm-up, ten thousand calls of every vector and
 * scalar helper allocate (almost) no bytes on the calling thread. One allocation per call would
 * show as hundreds of kilobytes.
 */
class AllocationFreeTest {
  private static final int CALLS = 10_000;

  private static List<V128Model.Binary> vectorHelpers() {
    List<V128Model.Binary> all = new ArrayList<>();
    SimdIntegerModelTest.cases().forEach(c -> all.add(c.helper()));
    SimdFloatModelTest.cases().forEach(c -> all.add(c.helper()));
    all.add((lo, hi, dst, a, b) -> SimdLanes.i8x16Shuffle(lo, hi, dst, a, b, lo[a], hi[b]));
    all.add(SimdLanes::i8x16Swizzle);
    all.add((lo, hi, dst, a, b) -> SimdBitwise.v128Bitselect(lo, hi, dst, a, b, 3));
    all.add((lo, hi, dst, a, b) -> SimdShift.i8x16ShrS(lo, hi, dst, a, (int) lo[b]));
    all.add((lo, hi, dst, a, b) -> SimdShift.i16x8Shl(lo, hi, dst, a, (int) lo[b]));
    all.add((lo, hi, dst, a, b) -> SimdLanes.i16x8ReplaceLane(lo, hi, dst, a, 5, lo[b]));
    all.add((lo, hi, dst, a, b) -> lo[dst] = SimdLanes.i8x16ExtractLaneS(lo, hi, a, 9));
    all.add((lo, hi, dst, a, b) -> lo[dst] = SimdBitwise.i8x16Bitmask(lo, hi, a));
    all.add((lo, hi, dst, a, b) -> lo[dst] = SimdBitwise.i16x8AllTrue(lo, hi, a));
    all.add((lo, hi, dst, a, b) -> SimdLanes.load16x4S(lo, hi, dst, lo[a]));
    all.add((lo, hi, dst, a, b) -> SimdLanes.i8x16Splat(lo, hi, dst, lo[a]));
    return all;
  }

  private static long scalarWork(long seed) {
    float f = Float.intBitsToFloat((int) seed);
    double d = Double.longBitsToDouble(seed);
    long r = Numerics.f32Min(f, 1f) > 0 ? 1 : 0;
    r += (long) Numerics.f64Nearest(d) + (long) Numerics.f32Sqrt(f);
    r += Conversions.i64TruncSatF64U(d) + Conversions.i32TruncSatF32U(f);
    r += (long) Conversions.f32ConvertI64U(seed) + (long) Conversions.f64ConvertI64U(seed);
    r += (long) Conversions.f32DemoteF64(d) + (long) Conversions.f64PromoteF32(f);
    r += Numerics.i64DivU(seed, seed | 1) + Numerics.i32RemS((int) seed, 7);
    return r + Numerics.f64Copysign(seed, ~seed);
  }

  private static long run(V128Model.Binary[] helpers, long[] lo, long[] hi) {
    long sink = 0;
    for (int n = 0; n < CALLS; n++) {
      // An indexed loop: an iterator would be the test's own allocation.
      for (int i = 0; i < helpers.length; i++) {
        helpers[i].apply(lo, hi, 0, 1, 2);
        lo[1] ^= lo[0] + n;
        hi[2] += hi[0];
      }
      sink += scalarWork(lo[1]);
    }
    return sink;
  }

  @Test
  void helpersAllocateNothingPerCall() {
    assumeTrue(AllocatedBytes.sofar() >= 0, "this JVM does not count allocated bytes per thread");
    V128Model.Binary[] helpers = vectorHelpers().toArray(new V128Model.Binary[0]);
    long[] lo = {0, 0x0123_4567_89AB_CDEFL, 0x7FC0_0000_FF80_0001L, -1};
    long[] hi = {0, 0x8000_7FFF_0001_FFFFL, 0x4330_0000_0000_0001L, 0};
    long sink = run(helpers, lo, hi);
    long before = AllocatedBytes.sofar();
    sink += run(helpers, lo, hi);
    long allocated = AllocatedBytes.sofar() - before;
    long calls = (long) CALLS * (helpers.length + 12);
    assertTrue(
        allocated < 16 * 1024 && allocated >= 0,
        allocated + " bytes allocated in " + calls + " calls (sink " + sink + ")");
  }
}

package dev.cortado.runtime.internal.numeric;

import static dev.cortado.runtime.internal.numeric.V128Model.A;
import static dev.cortado.runtime.internal.numeric.V128Model.B;
import static dev.cortado.runtime.internal.numeric.V128Model.DST;
import static dev.cortado.runtime.internal.numeric.V128Model.lane;
import static dev.cortado.runtime.internal.numeric.V128Model.setLane;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every integer v128 instruction against a lane-by-lane model of its spec definition, on random
 * vectors whose lanes differ from each other and favour extremes. The spec's own SIMD tests mostly
 * repeat one value in all lanes, so this is where a carry or borrow leaking between lanes (in the
 * SWAR code) or a lane landing in the wrong place would show.
 */
class SimdIntegerModelTest {
  private static final int ROUNDS = 400;

  /** The expected result for operands {@code a} and {@code b}. */
  @FunctionalInterface
  interface Model {
    long[] apply(long[] a, long[] b);
  }

  /** One instruction: its helper, its model, and the lane width its operands are made of. */
  record Case(String name, V128Model.Binary helper, Model model, int width) {}

  private static long u(long x, int width) {
    return width == 64 ? x : x & ((1L << width) - 1);
  }

  private static long clamp(long v, long min, long max) {
    return Math.max(min, Math.min(max, v));
  }

  private static long smin(int w) {
    return -(1L << (w - 1));
  }

  private static long smax(int w) {
    return (1L << (w - 1)) - 1;
  }

  /** A lane-wise model: {@code f} gets the signed lanes of a and b. */
  private static Model lanewise(int w, LongBinaryOperator f) {
    return (a, b) -> {
      long[] r = new long[2];
      for (int i = 0; i < 128 / w; i++) {
        setLane(r, w, i, f.applyAsLong(lane(a, w, i, true), lane(b, w, i, true)));
      }
      return r;
    };
  }

  private static Model lanewise(int w, LongUnaryOperator f) {
    return lanewise(w, (x, y) -> f.applyAsLong(x));
  }

  private static Model compare(int w, LaneTest t) {
    return lanewise(w, (x, y) -> t.test(x, y) ? -1 : 0);
  }

  /** A predicate on two signed lanes. */
  @FunctionalInterface
  interface LaneTest {
    boolean test(long x, long y);
  }

  private static V128Model.Binary unary(V128Model.Unary h) {
    return (lo, hi, dst, a, b) -> h.apply(lo, hi, dst, a);
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    sameWidth(c);
    widening(c);
    c.add(new Case("v128.not", unary(SimdBitwise::v128Not), lanewise(64, x -> ~x), 64));
    c.add(new Case("v128.and", SimdBitwise::v128And, lanewise(64, (x, y) -> x & y), 64));
    c.add(new Case("v128.andnot", SimdBitwise::v128Andnot, lanewise(64, (x, y) -> x & ~y), 64));
    c.add(new Case("v128.or", SimdBitwise::v128Or, lanewise(64, (x, y) -> x | y), 64));
    c.add(new Case("v128.xor", SimdBitwise::v128Xor, lanewise(64, (x, y) -> x ^ y), 64));
    return c;
  }

  private static void sameWidth(List<Case> c) {
    // i8x16
    c.add(new Case("i8x16.add", SimdIntArith::i8x16Add, lanewise(8, Long::sum), 8));
    c.add(new Case("i8x16.sub", SimdIntArith::i8x16Sub, lanewise(8, (x, y) -> x - y), 8));
    c.add(new Case("i8x16.neg", unary(SimdIntArith::i8x16Neg), lanewise(8, x -> -x), 8));
    c.add(new Case("i8x16.abs", unary(SimdIntArith::i8x16Abs), lanewise(8, Math::abs), 8));
    c.add(
        new Case(
            "i8x16.popcnt",
            unary(SimdIntArith::i8x16Popcnt),
            lanewise(8, x -> Long.bitCount(u(x, 8))),
            8));
    c.add(new Case("i8x16.min_s", SimdIntArith::i8x16MinS, lanewise(8, Math::min), 8));
    c.add(new Case("i8x16.max_s", SimdIntArith::i8x16MaxS, lanewise(8, Math::max), 8));
    addUnsignedAndSaturating(c, 8);
    c.add(
        new Case(
            "i8x16.min_u",
            SimdIntArith::i8x16MinU,
            lanewise(8, (x, y) -> Math.min(u(x, 8), u(y, 8))),
            8));
    c.add(
        new Case(
            "i8x16.max_u",
            SimdIntArith::i8x16MaxU,
            lanewise(8, (x, y) -> Math.max(u(x, 8), u(y, 8))),
            8));
    // i16x8
    c.add(new Case("i16x8.add", SimdIntArith::i16x8Add, lanewise(16, Long::sum), 16));
    c.add(new Case("i16x8.sub", SimdIntArith::i16x8Sub, lanewise(16, (x, y) -> x - y), 16));
    c.add(new Case("i16x8.mul", SimdIntArith::i16x8Mul, lanewise(16, (x, y) -> x * y), 16));
    c.add(new Case("i16x8.neg", unary(SimdIntArith::i16x8Neg), lanewise(16, x -> -x), 16));
    c.add(new Case("i16x8.abs", unary(SimdIntArith::i16x8Abs), lanewise(16, Math::abs), 16));
    c.add(new Case("i16x8.min_s", SimdIntArith::i16x8MinS, lanewise(16, Math::min), 16));
    c.add(new Case("i16x8.max_s", SimdIntArith::i16x8MaxS, lanewise(16, Math::max), 16));
    c.add(
        new Case(
            "i16x8.min_u",
            SimdIntArith::i16x8MinU,
            lanewise(16, (x, y) -> Math.min(u(x, 16), u(y, 16))),
            16));
    c.add(
        new Case(
            "i16x8.max_u",
            SimdIntArith::i16x8MaxU,
            lanewise(16, (x, y) -> Math.max(u(x, 16), u(y, 16))),
            16));
    addUnsignedAndSaturating(c, 16);
    c.add(
        new Case(
            "i16x8.q15mulr_sat_s",
            SimdIntArith::i16x8Q15mulrSatS,
            lanewise(16, (x, y) -> clamp((x * y + (1 << 14)) >> 15, smin(16), smax(16))),
            16));
    // i32x4
    c.add(new Case("i32x4.add", SimdIntArith::i32x4Add, lanewise(32, Long::sum), 32));
    c.add(new Case("i32x4.sub", SimdIntArith::i32x4Sub, lanewise(32, (x, y) -> x - y), 32));
    c.add(new Case("i32x4.mul", SimdIntArith::i32x4Mul, lanewise(32, (x, y) -> x * y), 32));
    c.add(new Case("i32x4.neg", unary(SimdIntArith::i32x4Neg), lanewise(32, x -> -x), 32));
    c.add(new Case("i32x4.abs", unary(SimdIntArith::i32x4Abs), lanewise(32, Math::abs), 32));
    c.add(new Case("i32x4.min_s", SimdIntArith::i32x4MinS, lanewise(32, Math::min), 32));
    c.add(new Case("i32x4.max_s", SimdIntArith::i32x4MaxS, lanewise(32, Math::max), 32));
    c.add(
        new Case(
            "i32x4.min_u",
            SimdIntArith::i32x4MinU,
            lanewise(32, (x, y) -> Math.min(u(x, 32), u(y, 32))),
            32));
    c.add(
        new Case(
            "i32x4.max_u",
            SimdIntArith::i32x4MaxU,
            lanewise(32, (x, y) -> Math.max(u(x, 32), u(y, 32))),
            32));
    // i64x2
    c.add(new Case("i64x2.add", SimdIntArith::i64x2Add, lanewise(64, Long::sum), 64));
    c.add(new Case("i64x2.sub", SimdIntArith::i64x2Sub, lanewise(64, (x, y) -> x - y), 64));
    c.add(new Case("i64x2.mul", SimdIntArith::i64x2Mul, lanewise(64, (x, y) -> x * y), 64));
    c.add(new Case("i64x2.neg", unary(SimdIntArith::i64x2Neg), lanewise(64, x -> -x), 64));
    c.add(new Case("i64x2.abs", unary(SimdIntArith::i64x2Abs), lanewise(64, Math::abs), 64));
    comparisons(c);
  }

  private static void addUnsignedAndSaturating(List<Case> c, int w) {
    boolean i8 = w == 8;
    long umax = (1L << w) - 1;
    c.add(
        new Case(
            i8 ? "i8x16.avgr_u" : "i16x8.avgr_u",
            i8 ? SimdIntArith::i8x16AvgrU : SimdIntArith::i16x8AvgrU,
            lanewise(w, (x, y) -> (u(x, w) + u(y, w) + 1) / 2),
            w));
    c.add(
        new Case(
            i8 ? "i8x16.add_sat_s" : "i16x8.add_sat_s",
            i8 ? SimdIntArith::i8x16AddSatS : SimdIntArith::i16x8AddSatS,
            lanewise(w, (x, y) -> clamp(x + y, smin(w), smax(w))),
            w));
    c.add(
        new Case(
            i8 ? "i8x16.sub_sat_s" : "i16x8.sub_sat_s",
            i8 ? SimdIntArith::i8x16SubSatS : SimdIntArith::i16x8SubSatS,
            lanewise(w, (x, y) -> clamp(x - y, smin(w), smax(w))),
            w));
    c.add(
        new Case(
            i8 ? "i8x16.add_sat_u" : "i16x8.add_sat_u",
            i8 ? SimdIntArith::i8x16AddSatU : SimdIntArith::i16x8AddSatU,
            lanewise(w, (x, y) -> clamp(u(x, w) + u(y, w), 0, umax)),
            w));
    c.add(
        new Case(
            i8 ? "i8x16.sub_sat_u" : "i16x8.sub_sat_u",
            i8 ? SimdIntArith::i8x16SubSatU : SimdIntArith::i16x8SubSatU,
            lanewise(w, (x, y) -> clamp(u(x, w) - u(y, w), 0, umax)),
            w));
  }

  private static void comparisons(List<Case> c) {
    V128Model.Binary[][] helpers = {
      {
        SimdIntCompare::i8x16Eq, SimdIntCompare::i8x16Ne, SimdIntCompare::i8x16LtS,
        SimdIntCompare::i8x16LtU, SimdIntCompare::i8x16GtS, SimdIntCompare::i8x16GtU,
        SimdIntCompare::i8x16LeS, SimdIntCompare::i8x16LeU, SimdIntCompare::i8x16GeS,
        SimdIntCompare::i8x16GeU
      },
      {
        SimdIntCompare::i16x8Eq, SimdIntCompare::i16x8Ne, SimdIntCompare::i16x8LtS,
        SimdIntCompare::i16x8LtU, SimdIntCompare::i16x8GtS, SimdIntCompare::i16x8GtU,
        SimdIntCompare::i16x8LeS, SimdIntCompare::i16x8LeU, SimdIntCompare::i16x8GeS,
        SimdIntCompare::i16x8GeU
      },
      {
        SimdIntCompare::i32x4Eq, SimdIntCompare::i32x4Ne, SimdIntCompare::i32x4LtS,
        SimdIntCompare::i32x4LtU, SimdIntCompare::i32x4GtS, SimdIntCompare::i32x4GtU,
        SimdIntCompare::i32x4LeS, SimdIntCompare::i32x4LeU, SimdIntCompare::i32x4GeS,
        SimdIntCompare::i32x4GeU
      },
      {
        SimdIntCompare::i64x2Eq,
        SimdIntCompare::i64x2Ne,
        SimdIntCompare::i64x2LtS,
        null,
        SimdIntCompare::i64x2GtS,
        null,
        SimdIntCompare::i64x2LeS,
        null,
        SimdIntCompare::i64x2GeS,
        null
      },
    };
    String[] names = {"eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"};
    for (int s = 0; s < 4; s++) {
      int w = 8 << s;
      LaneTest[] tests = {
        (x, y) -> x == y,
        (x, y) -> x != y,
        (x, y) -> x < y,
        (x, y) -> Long.compareUnsigned(u(x, w), u(y, w)) < 0,
        (x, y) -> x > y,
        (x, y) -> Long.compareUnsigned(u(x, w), u(y, w)) > 0,
        (x, y) -> x <= y,
        (x, y) -> Long.compareUnsigned(u(x, w), u(y, w)) <= 0,
        (x, y) -> x >= y,
        (x, y) -> Long.compareUnsigned(u(x, w), u(y, w)) >= 0,
      };
      for (int i = 0; i < names.length; i++) {
        if (helpers[s][i] != null) {
          String shape = "i" + w + "x" + (128 / w);
          c.add(new Case(shape + "." + names[i], helpers[s][i], compare(w, tests[i]), w));
        }
      }
    }
  }

  /** Models for the instructions from {@code w}-bit lanes to {@code 2w}-bit lanes and back. */
  private static void widening(List<Case> c) {
    V128Model.Unary[] extend = {
      SimdWiden::i16x8ExtendLowI8x16S, SimdWiden::i16x8ExtendHighI8x16S,
      SimdWiden::i16x8ExtendLowI8x16U, SimdWiden::i16x8ExtendHighI8x16U,
      SimdWiden::i32x4ExtendLowI16x8S, SimdWiden::i32x4ExtendHighI16x8S,
      SimdWiden::i32x4ExtendLowI16x8U, SimdWiden::i32x4ExtendHighI16x8U,
      SimdWiden::i64x2ExtendLowI32x4S, SimdWiden::i64x2ExtendHighI32x4S,
      SimdWiden::i64x2ExtendLowI32x4U, SimdWiden::i64x2ExtendHighI32x4U,
    };
    V128Model.Binary[] extmul = {
      SimdWiden::i16x8ExtmulLowI8x16S, SimdWiden::i16x8ExtmulHighI8x16S,
      SimdWiden::i16x8ExtmulLowI8x16U, SimdWiden::i16x8ExtmulHighI8x16U,
      SimdWiden::i32x4ExtmulLowI16x8S, SimdWiden::i32x4ExtmulHighI16x8S,
      SimdWiden::i32x4ExtmulLowI16x8U, SimdWiden::i32x4ExtmulHighI16x8U,
      SimdWiden::i64x2ExtmulLowI32x4S, SimdWiden::i64x2ExtmulHighI32x4S,
      SimdWiden::i64x2ExtmulLowI32x4U, SimdWiden::i64x2ExtmulHighI32x4U,
    };
    for (int k = 0; k < 12; k++) {
      int w = 8 << (k / 4);
      boolean high = k % 2 == 1;
      boolean signed = k % 4 < 2;
      int n = 64 / w;
      int off = high ? n : 0;
      String suffix = (high ? "high" : "low") + (signed ? "_s" : "_u") + " from " + w;
      c.add(
          new Case(
              "extend_" + suffix,
              unary(extend[k]),
              (a, b) -> widened(n, 2 * w, i -> lane(a, w, i + off, signed)),
              w));
      c.add(
          new Case(
              "extmul_" + suffix,
              extmul[k],
              (a, b) ->
                  widened(n, 2 * w, i -> lane(a, w, i + off, signed) * lane(b, w, i + off, signed)),
              w));
    }
    V128Model.Unary[] pairwise = {
      SimdWiden::i16x8ExtaddPairwiseI8x16S, SimdWiden::i16x8ExtaddPairwiseI8x16U,
      SimdWiden::i32x4ExtaddPairwiseI16x8S, SimdWiden::i32x4ExtaddPairwiseI16x8U,
    };
    for (int k = 0; k < 4; k++) {
      int w = 8 << (k / 2);
      boolean signed = k % 2 == 0;
      c.add(
          new Case(
              "extadd_pairwise" + (signed ? "_s" : "_u") + " from " + w,
              unary(pairwise[k]),
              (a, b) ->
                  widened(
                      64 / w,
                      2 * w,
                      i -> lane(a, w, 2 * i, signed) + lane(a, w, 2 * i + 1, signed)),
              w));
    }
    c.add(
        new Case(
            "i32x4.dot_i16x8_s",
            SimdWiden::i32x4DotI16x8S,
            (a, b) ->
                widened(
                    4,
                    32,
                    i ->
                        lane(a, 16, 2 * i, true) * lane(b, 16, 2 * i, true)
                            + lane(a, 16, 2 * i + 1, true) * lane(b, 16, 2 * i + 1, true)),
            16));
    V128Model.Binary[] narrow = {
      SimdWiden::i8x16NarrowI16x8S, SimdWiden::i8x16NarrowI16x8U,
      SimdWiden::i16x8NarrowI32x4S, SimdWiden::i16x8NarrowI32x4U,
    };
    for (int k = 0; k < 4; k++) {
      int w = 16 << (k / 2);
      int to = w / 2;
      boolean signed = k % 2 == 0;
      long min = signed ? smin(to) : 0;
      long max = signed ? smax(to) : (1L << to) - 1;
      int n = 128 / w;
      c.add(
          new Case(
              "narrow" + (signed ? "_s" : "_u") + " from " + w,
              narrow[k],
              (a, b) ->
                  widened(
                      2 * n,
                      to,
                      i -> clamp(i < n ? lane(a, w, i, true) : lane(b, w, i - n, true), min, max)),
              w));
    }
  }

  /** Returns the vector of {@code count} lanes of {@code width} bits given by {@code lane}. */
  private static long[] widened(int count, int width, java.util.function.IntToLongFunction lane) {
    long[] r = new long[2];
    for (int i = 0; i < count; i++) {
      setLane(r, width, i, lane.applyAsLong(i));
    }
    return r;
  }

  @TestFactory
  Stream<DynamicTest> integerInstructionsMatchTheirLaneModels() {
    return cases().stream().map(c -> dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(Case c) {
    SplittableRandom r = new SplittableRandom(c.name().hashCode());
    V128Model m = new V128Model();
    for (int n = 0; n < ROUNDS; n++) {
      long[] a = n % 3 == 0 ? V128Model.random(r) : V128Model.random(r, c.width());
      long[] b = n % 5 == 0 ? V128Model.random(r) : V128Model.random(r, c.width());
      m.set(A, a);
      m.set(B, b);
      c.helper().apply(m.lo, m.hi, DST, A, B);
      V128Model.assertVector(
          c.model().apply(a, b),
          m.get(DST),
          c.name() + " of " + V128Model.hex(a) + ", " + V128Model.hex(b));
    }
  }
}

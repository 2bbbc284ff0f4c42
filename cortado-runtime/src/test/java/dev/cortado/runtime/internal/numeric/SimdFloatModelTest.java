package dev.cortado.runtime.internal.numeric;

import static dev.cortado.runtime.internal.numeric.V128Model.A;
import static dev.cortado.runtime.internal.numeric.V128Model.B;
import static dev.cortado.runtime.internal.numeric.V128Model.DST;
import static dev.cortado.runtime.internal.numeric.V128Model.hex;
import static dev.cortado.runtime.internal.numeric.V128Model.lane;
import static dev.cortado.runtime.internal.numeric.V128Model.setLane;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every float and conversion v128 instruction against a lane model, on random vectors full of NaNs
 * (signalling, quiet, canonical, both signs), signed zeros, infinities, subnormals, ties and range
 * boundaries. A lane the model says is NaN must be a NaN the spec allows: canonical if every NaN
 * operand of that lane was canonical (or there was none), else at least arithmetic. All other lanes
 * must match bit for bit.
 */
class SimdFloatModelTest {
  private static final int ROUNDS = 400;

  /** The expected lane, as raw bits, from the operand lanes' raw bits. */
  @FunctionalInterface
  interface LaneModel {
    long apply(long a, long b);
  }

  /**
   * One instruction: operand and result lane widths, how many result lanes the model gives (the
   * rest must be zero), whether NaN results follow the NaN rule or must match exactly.
   */
  record Case(
      String name,
      V128Model.Binary helper,
      int inWidth,
      int outWidth,
      int lanes,
      boolean nanRule,
      LaneModel model) {}

  private static float f(long bits) {
    return Float.intBitsToFloat((int) bits);
  }

  private static double d(long bits) {
    return Double.longBitsToDouble(bits);
  }

  private static long bits(float x) {
    return Float.floatToRawIntBits(x) & 0xFFFF_FFFFL;
  }

  private static long bits(double x) {
    return Double.doubleToRawLongBits(x);
  }

  private static V128Model.Binary unary(V128Model.Unary h) {
    return (lo, hi, dst, a, b) -> h.apply(lo, hi, dst, a);
  }

  /** A binary or unary lane-wise case over all lanes of one width. */
  private static Case lanes(String name, V128Model.Binary h, int w, boolean nanRule, LaneModel m) {
    return new Case(name, h, w, w, 128 / w, nanRule, m);
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(lanes("f32x4.add", SimdFloat::f32x4Add, 32, true, (a, b) -> bits(f(a) + f(b))));
    c.add(lanes("f32x4.sub", SimdFloat::f32x4Sub, 32, true, (a, b) -> bits(f(a) - f(b))));
    c.add(lanes("f32x4.mul", SimdFloat::f32x4Mul, 32, true, (a, b) -> bits(f(a) * f(b))));
    c.add(lanes("f32x4.div", SimdFloat::f32x4Div, 32, true, (a, b) -> bits(f(a) / f(b))));
    c.add(lanes("f32x4.min", SimdFloat::f32x4Min, 32, true, (a, b) -> bits(min(f(a), f(b)))));
    c.add(lanes("f32x4.max", SimdFloat::f32x4Max, 32, true, (a, b) -> bits(max(f(a), f(b)))));
    c.add(lanes("f32x4.pmin", SimdFloat::f32x4Pmin, 32, false, (a, b) -> f(b) < f(a) ? b : a));
    c.add(lanes("f32x4.pmax", SimdFloat::f32x4Pmax, 32, false, (a, b) -> f(a) < f(b) ? b : a));
    c.add(lanes("f32x4.abs", unary(SimdFloat::f32x4Abs), 32, false, (a, b) -> a & 0x7FFF_FFFF));
    c.add(lanes("f32x4.neg", unary(SimdFloat::f32x4Neg), 32, false, (a, b) -> a ^ 0x8000_0000L));
    c.add(
        lanes(
            "f32x4.sqrt",
            unary(SimdFloat::f32x4Sqrt),
            32,
            true,
            (a, b) -> bits((float) sqrt(f(a)))));
    c.add(
        lanes(
            "f32x4.ceil",
            unary(SimdFloat::f32x4Ceil),
            32,
            true,
            (a, b) -> bits((float) Math.ceil(f(a)))));
    c.add(
        lanes(
            "f32x4.floor",
            unary(SimdFloat::f32x4Floor),
            32,
            true,
            (a, b) -> bits((float) Math.floor(f(a)))));
    c.add(
        lanes(
            "f32x4.trunc",
            unary(SimdFloat::f32x4Trunc),
            32,
            true,
            (a, b) -> bits((float) trunc(f(a)))));
    c.add(
        lanes(
            "f32x4.nearest",
            unary(SimdFloat::f32x4Nearest),
            32,
            true,
            (a, b) -> bits((float) Math.rint(f(a)))));
    c.add(lanes("f64x2.add", SimdFloat::f64x2Add, 64, true, (a, b) -> bits(d(a) + d(b))));
    c.add(lanes("f64x2.sub", SimdFloat::f64x2Sub, 64, true, (a, b) -> bits(d(a) - d(b))));
    c.add(lanes("f64x2.mul", SimdFloat::f64x2Mul, 64, true, (a, b) -> bits(d(a) * d(b))));
    c.add(lanes("f64x2.div", SimdFloat::f64x2Div, 64, true, (a, b) -> bits(d(a) / d(b))));
    c.add(lanes("f64x2.min", SimdFloat::f64x2Min, 64, true, (a, b) -> bits(min(d(a), d(b)))));
    c.add(lanes("f64x2.max", SimdFloat::f64x2Max, 64, true, (a, b) -> bits(max(d(a), d(b)))));
    c.add(lanes("f64x2.pmin", SimdFloat::f64x2Pmin, 64, false, (a, b) -> d(b) < d(a) ? b : a));
    c.add(lanes("f64x2.pmax", SimdFloat::f64x2Pmax, 64, false, (a, b) -> d(a) < d(b) ? b : a));
    c.add(lanes("f64x2.abs", unary(SimdFloat::f64x2Abs), 64, false, (a, b) -> a & Long.MAX_VALUE));
    c.add(lanes("f64x2.neg", unary(SimdFloat::f64x2Neg), 64, false, (a, b) -> a ^ Long.MIN_VALUE));
    c.add(lanes("f64x2.sqrt", unary(SimdFloat::f64x2Sqrt), 64, true, (a, b) -> bits(sqrt(d(a)))));
    c.add(
        lanes(
            "f64x2.ceil", unary(SimdFloat::f64x2Ceil), 64, true, (a, b) -> bits(Math.ceil(d(a)))));
    c.add(
        lanes(
            "f64x2.floor",
            unary(SimdFloat::f64x2Floor),
            64,
            true,
            (a, b) -> bits(Math.floor(d(a)))));
    c.add(
        lanes("f64x2.trunc", unary(SimdFloat::f64x2Trunc), 64, true, (a, b) -> bits(trunc(d(a)))));
    c.add(
        lanes(
            "f64x2.nearest",
            unary(SimdFloat::f64x2Nearest),
            64,
            true,
            (a, b) -> bits(Math.rint(d(a)))));
    comparisons(c);
    conversions(c);
    return c;
  }

  private static float min(float a, float b) {
    // Math.min orders -0.0 below +0.0; a NaN operand makes the lane NaN.
    return Float.isNaN(a) || Float.isNaN(b) ? Float.NaN : Math.min(a, b);
  }

  private static float max(float a, float b) {
    return Float.isNaN(a) || Float.isNaN(b) ? Float.NaN : Math.max(a, b);
  }

  private static double min(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
  }

  private static double max(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
  }

  private static double sqrt(double x) {
    return Math.sqrt(x);
  }

  private static double trunc(double x) {
    return x < 0 ? Math.ceil(x) : Math.floor(x);
  }

  /** A float comparison of two lanes. */
  @FunctionalInterface
  interface Compare {
    boolean test(double a, double b);
  }

  private static void comparisons(List<Case> c) {
    String[] names = {"eq", "ne", "lt", "gt", "le", "ge"};
    Compare[] tests = {
      (a, b) -> a == b, (a, b) -> a != b, (a, b) -> a < b,
      (a, b) -> a > b, (a, b) -> a <= b, (a, b) -> a >= b,
    };
    V128Model.Binary[] f32 = {
      SimdFloat::f32x4Eq, SimdFloat::f32x4Ne, SimdFloat::f32x4Lt,
      SimdFloat::f32x4Gt, SimdFloat::f32x4Le, SimdFloat::f32x4Ge,
    };
    V128Model.Binary[] f64 = {
      SimdFloat::f64x2Eq, SimdFloat::f64x2Ne, SimdFloat::f64x2Lt,
      SimdFloat::f64x2Gt, SimdFloat::f64x2Le, SimdFloat::f64x2Ge,
    };
    for (int i = 0; i < names.length; i++) {
      Compare t = tests[i];
      c.add(lanes("f32x4." + names[i], f32[i], 32, false, (a, b) -> t.test(f(a), f(b)) ? -1 : 0));
      c.add(lanes("f64x2." + names[i], f64[i], 64, false, (a, b) -> t.test(d(a), d(b)) ? -1 : 0));
    }
  }

  private static long truncSatU(double x) {
    if (!(x > -1)) {
      return 0; // NaN, -inf and everything at or below -1
    }
    return x >= 4294967296.0 ? 0xFFFF_FFFFL : (long) x;
  }

  private static void conversions(List<Case> c) {
    c.add(
        lanes(
            "i32x4.trunc_sat_f32x4_s",
            unary(SimdConvert::i32x4TruncSatF32x4S),
            32,
            false,
            (a, b) -> (int) f(a)));
    c.add(
        lanes(
            "i32x4.trunc_sat_f32x4_u",
            unary(SimdConvert::i32x4TruncSatF32x4U),
            32,
            false,
            (a, b) -> truncSatU(f(a))));
    c.add(
        lanes(
            "f32x4.convert_i32x4_s",
            unary(SimdConvert::f32x4ConvertI32x4S),
            32,
            false,
            (a, b) -> bits((float) (int) a)));
    c.add(
        lanes(
            "f32x4.convert_i32x4_u",
            unary(SimdConvert::f32x4ConvertI32x4U),
            32,
            false,
            (a, b) -> bits((float) (a & 0xFFFF_FFFFL))));
    c.add(
        new Case(
            "i32x4.trunc_sat_f64x2_s_zero",
            unary(SimdConvert::i32x4TruncSatF64x2SZero),
            64,
            32,
            2,
            false,
            (a, b) -> (int) d(a)));
    c.add(
        new Case(
            "i32x4.trunc_sat_f64x2_u_zero",
            unary(SimdConvert::i32x4TruncSatF64x2UZero),
            64,
            32,
            2,
            false,
            (a, b) -> truncSatU(d(a))));
    c.add(
        new Case(
            "f64x2.convert_low_i32x4_s",
            unary(SimdConvert::f64x2ConvertLowI32x4S),
            32,
            64,
            2,
            false,
            (a, b) -> bits((double) (int) a)));
    c.add(
        new Case(
            "f64x2.convert_low_i32x4_u",
            unary(SimdConvert::f64x2ConvertLowI32x4U),
            32,
            64,
            2,
            false,
            (a, b) -> bits((double) (a & 0xFFFF_FFFFL))));
    c.add(
        new Case(
            "f32x4.demote_f64x2_zero",
            unary(SimdConvert::f32x4DemoteF64x2Zero),
            64,
            32,
            2,
            true,
            (a, b) -> bits((float) d(a))));
    c.add(
        new Case(
            "f64x2.promote_low_f32x4",
            unary(SimdConvert::f64x2PromoteLowF32x4),
            32,
            64,
            2,
            true,
            (a, b) -> bits((double) f(a))));
  }

  // ---------------------------------------------------------------------------------------------
  // Random float lanes

  private static final long[] F32_SPECIALS = {
    0x0000_0000L, 0x8000_0000L, 0x3F80_0000L, 0xBF80_0000L, 0x3F00_0000L, 0xBF00_0000L,
    0x3FC0_0000L, 0x4020_0000L, 0xC020_0000L, 0x7F80_0000L, 0xFF80_0000L, 0x7FC0_0000L,
    0xFFC0_0000L, 0x7FA0_0000L, 0xFF80_0001L, 0x7FC0_1234L, 0x0000_0001L, 0x807F_FFFFL,
    0x7F7F_FFFFL, 0x4B00_0001L, 0x4AFF_FFFFL, 0x4F00_0000L, 0xCF00_0000L, 0x4F80_0000L,
    0xCF00_0001L, 0x4F7F_FFFFL, 0xBF7F_FFFFL,
  };

  private static final long[] F64_SPECIALS = {
    0L,
    Long.MIN_VALUE,
    0x3FF0_0000_0000_0000L,
    0xBFE0_0000_0000_0000L,
    0x4004_0000_0000_0000L,
    0x7FF0_0000_0000_0000L,
    0xFFF0_0000_0000_0000L,
    0x7FF8_0000_0000_0000L,
    0xFFF8_0000_0000_0000L,
    0x7FF4_0000_0000_0000L,
    0xFFF0_0000_0000_0001L,
    0x7FF8_0000_0000_1234L,
    1L,
    0x800F_FFFF_FFFF_FFFFL,
    0x7FEF_FFFF_FFFF_FFFFL,
    0x4330_0000_0000_0001L,
    0x432F_FFFF_FFFF_FFFFL,
    0x41E0_0000_0000_0000L,
    0xC1E0_0000_0020_0000L,
    0x41EF_FFFF_FFFF_FFFFL,
    0x41F0_0000_0000_0000L,
    0x47EF_FFFF_F000_0000L,
    0x3690_0000_0000_0000L,
    0xBFEF_FFFF_FFFF_FFFFL,
  };

  private static long randomLane(SplittableRandom r, int w) {
    long[] specials = w == 32 ? F32_SPECIALS : F64_SPECIALS;
    return switch (r.nextInt(4)) {
      case 0, 1 -> specials[r.nextInt(specials.length)];
      case 2 -> w == 32 ? bits((float) (r.nextDouble() * 200 - 100)) : bits(r.nextDouble() * 2e6);
      default -> w == 32 ? r.nextLong() & 0xFFFF_FFFFL : r.nextLong();
    };
  }

  private static long[] randomVector(SplittableRandom r, int w) {
    long[] v = new long[2];
    for (int i = 0; i < 128 / w; i++) {
      setLane(v, w, i, randomLane(r, w));
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> floatInstructionsMatchTheirLaneModels() {
    return cases().stream().map(c -> dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(Case c) {
    SplittableRandom r = new SplittableRandom(c.name().hashCode());
    V128Model m = new V128Model();
    for (int n = 0; n < ROUNDS; n++) {
      long[] a = randomVector(r, c.inWidth());
      long[] b = randomVector(r, c.inWidth());
      m.set(A, a);
      m.set(B, b);
      c.helper().apply(m.lo, m.hi, DST, A, B);
      long[] got = m.get(DST);
      for (int i = 0; i < 128 / c.outWidth(); i++) {
        long actual = lane(got, c.outWidth(), i, false);
        if (i >= c.lanes()) {
          expect(actual == 0, c, a, b, i, "0", actual);
          continue;
        }
        long x = lane(a, c.inWidth(), i, false);
        long y = lane(b, c.inWidth(), i, false);
        long expected = c.model().apply(x, y) & (c.outWidth() == 64 ? -1L : 0xFFFF_FFFFL);
        if (c.nanRule() && isNan(expected, c.outWidth())) {
          boolean canonical = allCanonical(c, x, y);
          expect(
              isNan(actual, c.outWidth()) && isQuiet(actual, c.outWidth(), canonical),
              c,
              a,
              b,
              i,
              canonical ? "canonical NaN" : "arithmetic NaN",
              actual);
        } else {
          expect(actual == expected, c, a, b, i, Long.toHexString(expected), actual);
        }
      }
    }
  }

  /** Whether every NaN among the operand lanes the instruction reads is canonical. */
  private static boolean allCanonical(Case c, long x, long y) {
    int w = c.inWidth();
    boolean binary = c.name().matches(".*\\.(add|sub|mul|div|min|max)");
    return canonicalOrNumber(x, w) && (!binary || canonicalOrNumber(y, w));
  }

  private static boolean canonicalOrNumber(long bits, int w) {
    return !isNan(bits, w) || isQuiet(bits, w, true);
  }

  private static boolean isNan(long bits, int w) {
    return w == 32 ? Float.isNaN(f(bits)) : Double.isNaN(d(bits));
  }

  /** Whether NaN {@code bits} has the quiet bit, and (if asked) nothing else in its payload. */
  private static boolean isQuiet(long bits, int w, boolean canonical) {
    long payload = w == 32 ? bits & 0x007F_FFFFL : bits & 0x000F_FFFF_FFFF_FFFFL;
    long quiet = w == 32 ? 0x0040_0000L : 0x0008_0000_0000_0000L;
    return canonical ? payload == quiet : (payload & quiet) != 0;
  }

  private static void expect(
      boolean ok, Case c, long[] a, long[] b, int lane, String expected, long actual) {
    if (!ok) {
      fail(
          String.format(
              "%s of %s, %s: lane %d is 0x%x, expected %s",
              c.name(), hex(a), hex(b), lane, actual, expected));
    }
  }
}

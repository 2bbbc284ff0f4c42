package dev.cortado.runtime.internal.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Trap;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conversions between number types: the exact range boundaries of the trapping truncations, the
 * clamping of the saturating ones, single rounding of unsigned integers to floats (checked against
 * an independent BigInteger model), and demotion/promotion with NaNs.
 */
class ConversionsTest {
  /** Parses a float operand: {@code 0x...} raw bits, {@code nan}, {@code inf} or decimal. */
  private static float f32(String s) {
    return s.startsWith("0x")
        ? Float.intBitsToFloat(FloatBits.f32(s))
        : Float.parseFloat(javaName(s));
  }

  private static double f64(String s) {
    return s.startsWith("0x")
        ? Double.longBitsToDouble(FloatBits.f64(s))
        : Double.parseDouble(javaName(s));
  }

  private static String javaName(String s) {
    return s.replace("inf", "Infinity").replace("nan", "NaN");
  }

  /** Runs {@code op}: its result as an unsigned or signed decimal, or the trap's kind name. */
  private static String outcome(String op, LongSupplier run) {
    try {
      long r = run.getAsLong();
      if (op.startsWith("i32")) {
        return op.contains("_u") ? Integer.toUnsignedString((int) r) : Integer.toString((int) r);
      }
      return op.contains("_u") ? Long.toUnsignedString(r) : Long.toString(r);
    } catch (Trap t) {
      return t.kind().name();
    }
  }

  private static long truncate(String op, String x) {
    return switch (op) {
      case "i32.trunc_f32_s" -> Conversions.i32TruncF32S(f32(x));
      case "i32.trunc_f32_u" -> Conversions.i32TruncF32U(f32(x));
      case "i32.trunc_f64_s" -> Conversions.i32TruncF64S(f64(x));
      case "i32.trunc_f64_u" -> Conversions.i32TruncF64U(f64(x));
      case "i64.trunc_f32_s" -> Conversions.i64TruncF32S(f32(x));
      case "i64.trunc_f32_u" -> Conversions.i64TruncF32U(f32(x));
      case "i64.trunc_f64_s" -> Conversions.i64TruncF64S(f64(x));
      case "i64.trunc_f64_u" -> Conversions.i64TruncF64U(f64(x));
      case "i32.trunc_sat_f32_s" -> Conversions.i32TruncSatF32S(f32(x));
      case "i32.trunc_sat_f32_u" -> Conversions.i32TruncSatF32U(f32(x));
      case "i32.trunc_sat_f64_s" -> Conversions.i32TruncSatF64S(f64(x));
      case "i32.trunc_sat_f64_u" -> Conversions.i32TruncSatF64U(f64(x));
      case "i64.trunc_sat_f32_s" -> Conversions.i64TruncSatF32S(f32(x));
      case "i64.trunc_sat_f32_u" -> Conversions.i64TruncSatF32U(f32(x));
      case "i64.trunc_sat_f64_s" -> Conversions.i64TruncSatF64S(f64(x));
      case "i64.trunc_sat_f64_u" -> Conversions.i64TruncSatF64U(f64(x));
      default -> throw new IllegalArgumentException(op);
    };
  }

  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource({
    "i32.trunc_f32_s, -2147483648, -2147483648",
    "i32.trunc_f32_s, 0xCF000001, INTEGER_OVERFLOW", // -2147483904, the next f32 down
    "i32.trunc_f32_s, 2147483520, 2147483520", // the largest f32 below 2^31
    "i32.trunc_f32_s, 2147483648, INTEGER_OVERFLOW",
    "i32.trunc_f32_s, -1.5, -1",
    "i32.trunc_f32_s, -0.0, 0",
    "i32.trunc_f32_s, 0x00000001, 0",
    "i32.trunc_f32_s, nan, INVALID_CONVERSION_TO_INTEGER",
    "i32.trunc_f32_s, 0xFFC00000, INVALID_CONVERSION_TO_INTEGER",
    "i32.trunc_f32_s, 0x7FA00000, INVALID_CONVERSION_TO_INTEGER",
    "i32.trunc_f32_s, inf, INTEGER_OVERFLOW",
    "i32.trunc_f32_s, -inf, INTEGER_OVERFLOW",
    "i32.trunc_f32_u, -0.99999994, 0",
    "i32.trunc_f32_u, -1.0, INTEGER_OVERFLOW",
    "i32.trunc_f32_u, 4294967040, 4294967040", // the largest f32 below 2^32
    "i32.trunc_f32_u, 4294967296, INTEGER_OVERFLOW",
    "i32.trunc_f32_u, 2147483648, 2147483648",
    "i32.trunc_f32_u, nan, INVALID_CONVERSION_TO_INTEGER",
    "i32.trunc_f64_s, -2147483648.9, -2147483648",
    "i32.trunc_f64_s, -2147483649.0, INTEGER_OVERFLOW",
    "i32.trunc_f64_s, 2147483647.9, 2147483647",
    "i32.trunc_f64_s, 2147483648.0, INTEGER_OVERFLOW",
    "i32.trunc_f64_s, -inf, INTEGER_OVERFLOW",
    "i32.trunc_f64_s, 0x7FF4000000000000, INVALID_CONVERSION_TO_INTEGER",
    "i32.trunc_f64_u, -0.9999999999999999, 0",
    "i32.trunc_f64_u, -1.0, INTEGER_OVERFLOW",
    "i32.trunc_f64_u, 4294967295.9, 4294967295",
    "i32.trunc_f64_u, 4294967296.0, INTEGER_OVERFLOW",
    "i32.trunc_f64_u, 1e300, INTEGER_OVERFLOW",
    "i32.trunc_f64_u, -nan, INVALID_CONVERSION_TO_INTEGER",
    "i64.trunc_f32_s, -9223372036854775808, -9223372036854775808",
    "i64.trunc_f32_s, 0xDF000001, INTEGER_OVERFLOW",
    "i64.trunc_f32_s, 9223371487098961920, 9223371487098961920",
    "i64.trunc_f32_s, 9223372036854775808, INTEGER_OVERFLOW",
    "i64.trunc_f32_s, nan, INVALID_CONVERSION_TO_INTEGER",
    "i64.trunc_f32_u, 18446742974197923840, 18446742974197923840",
    "i64.trunc_f32_u, 18446744073709551616, INTEGER_OVERFLOW",
    "i64.trunc_f32_u, 9223372036854775808, 9223372036854775808",
    "i64.trunc_f32_u, -0.99999994, 0",
    "i64.trunc_f32_u, -1.0, INTEGER_OVERFLOW",
    "i64.trunc_f64_s, -9223372036854775808.0, -9223372036854775808",
    "i64.trunc_f64_s, -9223372036854777856.0, INTEGER_OVERFLOW",
    "i64.trunc_f64_s, 9223372036854774784.0, 9223372036854774784",
    "i64.trunc_f64_s, 9223372036854775808.0, INTEGER_OVERFLOW",
    "i64.trunc_f64_s, -0.5, 0",
    "i64.trunc_f64_s, nan, INVALID_CONVERSION_TO_INTEGER",
    "i64.trunc_f64_u, 18446744073709549568.0, 18446744073709549568",
    "i64.trunc_f64_u, 18446744073709551616.0, INTEGER_OVERFLOW",
    "i64.trunc_f64_u, 9223372036854775808.0, 9223372036854775808",
    "i64.trunc_f64_u, 9223372036854777856.0, 9223372036854777856",
    "i64.trunc_f64_u, 9223372036854774784.0, 9223372036854774784",
    "i64.trunc_f64_u, -0.9999999999999999, 0",
    "i64.trunc_f64_u, -1.0, INTEGER_OVERFLOW",
    "i64.trunc_f64_u, inf, INTEGER_OVERFLOW",
    "i64.trunc_f64_u, nan, INVALID_CONVERSION_TO_INTEGER",
  })
  void truncationAcceptsExactlyTheValuesThatFit(String op, String x, String expected) {
    assertEquals(expected, outcome(op, () -> truncate(op, x)));
  }

  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource({
    "i32.trunc_sat_f32_s, nan, 0",
    "i32.trunc_sat_f32_s, -nan, 0",
    "i32.trunc_sat_f32_s, inf, 2147483647",
    "i32.trunc_sat_f32_s, -inf, -2147483648",
    "i32.trunc_sat_f32_s, 2147483648, 2147483647",
    "i32.trunc_sat_f32_s, -2147483904, -2147483648",
    "i32.trunc_sat_f32_s, -1.9, -1",
    "i32.trunc_sat_f32_u, nan, 0",
    "i32.trunc_sat_f32_u, -inf, 0",
    "i32.trunc_sat_f32_u, -1.0, 0",
    "i32.trunc_sat_f32_u, -0.99999994, 0",
    "i32.trunc_sat_f32_u, 4294967040, 4294967040",
    "i32.trunc_sat_f32_u, 4294967296, 4294967295",
    "i32.trunc_sat_f32_u, inf, 4294967295",
    "i32.trunc_sat_f64_s, -2147483649.0, -2147483648",
    "i32.trunc_sat_f64_s, 2147483647.9, 2147483647",
    "i32.trunc_sat_f64_s, 1e300, 2147483647",
    "i32.trunc_sat_f64_s, 0x7FF4000000000000, 0",
    "i32.trunc_sat_f64_u, 4294967295.9, 4294967295",
    "i32.trunc_sat_f64_u, 4294967296.0, 4294967295",
    "i32.trunc_sat_f64_u, 2147483648.5, 2147483648",
    "i32.trunc_sat_f64_u, -1e300, 0",
    "i32.trunc_sat_f64_u, nan, 0",
    "i64.trunc_sat_f32_s, 9223372036854775808, 9223372036854775807",
    "i64.trunc_sat_f32_s, -inf, -9223372036854775808",
    "i64.trunc_sat_f32_s, nan, 0",
    "i64.trunc_sat_f32_u, 18446742974197923840, 18446742974197923840",
    "i64.trunc_sat_f32_u, 18446744073709551616, 18446744073709551615",
    "i64.trunc_sat_f32_u, -5, 0",
    "i64.trunc_sat_f32_u, nan, 0",
    "i64.trunc_sat_f64_s, -9223372036854777856.0, -9223372036854775808",
    "i64.trunc_sat_f64_s, 9223372036854774784.0, 9223372036854774784",
    "i64.trunc_sat_f64_s, inf, 9223372036854775807",
    "i64.trunc_sat_f64_u, 18446744073709549568.0, 18446744073709549568",
    "i64.trunc_sat_f64_u, 18446744073709551616.0, 18446744073709551615",
    "i64.trunc_sat_f64_u, 9223372036854775808.0, 9223372036854775808",
    "i64.trunc_sat_f64_u, -0.9999999999999999, 0",
    "i64.trunc_sat_f64_u, -inf, 0",
    "i64.trunc_sat_f64_u, nan, 0",
  })
  void saturatingTruncationClampsAndMapsNanToZero(String op, String x, String expected) {
    assertEquals(expected, outcome(op, () -> truncate(op, x)));
  }

  // ---------------------------------------------------------------------------------------------
  // Integer to float: one rounding to nearest, ties to even

  /** Rounds the non-negative {@code v} to {@code precision} significant bits, ties to even. */
  private static BigInteger roundHalfEven(BigInteger v, int precision) {
    int drop = v.bitLength() - precision;
    if (drop <= 0) {
      return v;
    }
    BigInteger q = v.shiftRight(drop);
    BigInteger rest = v.subtract(q.shiftLeft(drop));
    int c = rest.compareTo(BigInteger.ONE.shiftLeft(drop - 1));
    if (c > 0 || c == 0 && q.testBit(0)) {
      q = q.add(BigInteger.ONE);
    }
    return q.shiftLeft(drop);
  }

  private static BigInteger unsigned(long x) {
    return new BigInteger(Long.toUnsignedString(x));
  }

  /** Edge cases around powers of two and rounding ties, then seeded random values. */
  static LongStream unsignedLongs() {
    LongStream edges =
        LongStream.of(
            0,
            1,
            -1,
            Long.MIN_VALUE,
            Long.MIN_VALUE + 1,
            Long.MAX_VALUE,
            0x8000_0080_0000_0000L, // 2^63 + 2^39: an f32 tie, rounds to even (down)
            0x8000_0080_0000_0001L, // just above that tie
            0x8000_0180_0000_0000L, // a tie that rounds up to even
            0x8000_0000_0000_0400L, // 2^63 + 2^10: an f64 tie
            0x8000_0000_0000_0401L,
            0x8000_0000_0000_0C00L,
            0xFFFF_FFFF_FFFF_FBFFL,
            0xFFFF_FF7F_FFFF_FFFFL,
            0xFFFF_FF80_0000_0000L,
            0x0020_0000_2000_0001L, // the spec's f32.convert_i64_s double-rounding trap
            0x0010_0000_0000_0001L,
            0x0000_0000_FFFF_FFFFL,
            0x0000_0000_8000_0080L,
            0x0000_0000_0100_0001L);
    SplittableRandom random = new SplittableRandom(2024);
    LongStream randoms = LongStream.generate(() -> random.nextLong() >>> random.nextInt(64));
    return LongStream.concat(edges, randoms.limit(1000));
  }

  @ParameterizedTest
  @MethodSource("unsignedLongs")
  void unsignedLongConvertsWithOneRounding(long x) {
    BigInteger v = unsigned(x);
    float f32 = Conversions.f32ConvertI64U(x);
    double f64 = Conversions.f64ConvertI64U(x);
    assertEquals(roundHalfEven(v, 24), new java.math.BigDecimal(f32).toBigIntegerExact(), "f32");
    assertEquals(roundHalfEven(v, 53), new java.math.BigDecimal(f64).toBigIntegerExact(), "f64");
    int low = (int) x;
    assertEquals(
        roundHalfEven(unsigned(low & 0xFFFF_FFFFL), 24),
        new java.math.BigDecimal(Conversions.f32ConvertI32U(low)).toBigIntegerExact(),
        "f32 of the low 32 bits");
    assertEquals(
        (double) Integer.toUnsignedLong(low), Conversions.f64ConvertI32U(low), "f64 of u32");
  }

  @ParameterizedTest
  @MethodSource("unsignedLongs")
  void signedLongCastIsTheCorrectlyRoundedConversion(long x) {
    // Documented as needing no helper: check Java's casts against the model too.
    BigInteger v = BigInteger.valueOf(x).abs();
    float f = Math.abs((float) x);
    double d = Math.abs((double) x);
    assertEquals(roundHalfEven(v, 24), new java.math.BigDecimal(f).toBigIntegerExact());
    assertEquals(roundHalfEven(v, 53), new java.math.BigDecimal(d).toBigIntegerExact());
  }

  // ---------------------------------------------------------------------------------------------
  // Between f32 and f64

  @ParameterizedTest(name = "demote {0} = {1}")
  @CsvSource({
    "0x3FD5555555555555, 0x3EAAAAAB", // 1/3
    "0x47EFFFFFE0000000, 0x7F7FFFFF", // the largest f32
    "0x47EFFFFFEFFFFFFF, 0x7F7FFFFF", // just below the midpoint to 2^128
    "0x47EFFFFFF0000000, 0x7F800000", // the midpoint: ties to even, which is 2^128 = inf
    "0xC7EFFFFFF0000000, 0xFF800000",
    "0x0000000000000001, 0x00000000", // tiny positive -> +0.0
    "0x8000000000000001, 0x80000000", // tiny negative -> -0.0
    "0x3690000000000000, 0x00000000", // 2^-150: tie between 0 and 2^-149, even is 0
    "0x3690000000000001, 0x00000001", // above the tie
    "0x36A8000000000000, 0x00000002", // 1.5 * 2^-149: tie, even is 2 * 2^-149
    "0x7FF0000000000000, 0x7F800000",
    "0x7FF8000000000000, canonical",
    "0xFFF8000000000000, canonical",
    "0x7FF4000000000000, arithmetic",
    "0xFFF0000000000001, arithmetic",
  })
  void demoteRoundsOnceAndQuietsNans(String x, String expected) {
    int r = Float.floatToRawIntBits(Conversions.f32DemoteF64(f64(x)));
    assertTrue(FloatBits.matchesF32(expected, r), () -> "got " + FloatBits.describeF32(r));
  }

  @ParameterizedTest(name = "promote {0} = {1}")
  @CsvSource({
    "0x00000001, 0x36A0000000000000", // 2^-149 exactly
    "0x80000000, 0x8000000000000000",
    "0x7F7FFFFF, 0x47EFFFFFE0000000",
    "0xFF800000, 0xFFF0000000000000",
    "0x3EAAAAAB, 0x3FD5555560000000",
    "0x7FC00000, canonical",
    "0xFFC00000, canonical",
    "0x7FA00000, arithmetic",
    "0xFF800001, arithmetic",
  })
  void promoteIsExactAndQuietsNans(String x, String expected) {
    long r = Double.doubleToRawLongBits(Conversions.f64PromoteF32(f32(x)));
    assertTrue(FloatBits.matchesF64(expected, r), () -> "got " + FloatBits.describeF64(r));
  }

  static Stream<String> nanPayloads() {
    return Stream.of("0x7FA00001", "0x7FC00001", "0xFFFFFFFF", "0x7F812345");
  }

  @ParameterizedTest
  @MethodSource("nanPayloads")
  void promotingThenDemotingANanKeepsItsQuietedPayload(String x) {
    int bits = FloatBits.f32(x);
    float back = Conversions.f32DemoteF64(Conversions.f64PromoteF32(Float.intBitsToFloat(bits)));
    assertEquals(bits | 0x0040_0000, Float.floatToRawIntBits(back));
  }
}

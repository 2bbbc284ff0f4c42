package dev.cortado.runtime.internal.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scalar float operations of {@link Numerics}: sign operations keep NaN payloads bit for bit;
 * rounding, square root, min and max follow IEEE 754 with Wasm's rules for signed zeros and NaNs
 * (an operator given a NaN returns an arithmetic NaN, a canonical one if its NaN inputs were
 * canonical; an invalid operation returns a canonical NaN).
 */
class FloatOperationsTest {
  private static int f32Unary(String op, int x) {
    float f = Float.intBitsToFloat(x);
    return switch (op) {
      case "abs" -> Numerics.f32Abs(x);
      case "neg" -> Numerics.f32Neg(x);
      case "ceil" -> Float.floatToRawIntBits(Numerics.f32Ceil(f));
      case "floor" -> Float.floatToRawIntBits(Numerics.f32Floor(f));
      case "trunc" -> Float.floatToRawIntBits(Numerics.f32Trunc(f));
      case "nearest" -> Float.floatToRawIntBits(Numerics.f32Nearest(f));
      case "sqrt" -> Float.floatToRawIntBits(Numerics.f32Sqrt(f));
      default -> throw new IllegalArgumentException(op);
    };
  }

  private static long f64Unary(String op, long x) {
    double d = Double.longBitsToDouble(x);
    return switch (op) {
      case "abs" -> Numerics.f64Abs(x);
      case "neg" -> Numerics.f64Neg(x);
      case "ceil" -> Double.doubleToRawLongBits(Numerics.f64Ceil(d));
      case "floor" -> Double.doubleToRawLongBits(Numerics.f64Floor(d));
      case "trunc" -> Double.doubleToRawLongBits(Numerics.f64Trunc(d));
      case "nearest" -> Double.doubleToRawLongBits(Numerics.f64Nearest(d));
      case "sqrt" -> Double.doubleToRawLongBits(Numerics.f64Sqrt(d));
      default -> throw new IllegalArgumentException(op);
    };
  }

  private static int f32Binary(String op, int x, int y) {
    float a = Float.intBitsToFloat(x);
    float b = Float.intBitsToFloat(y);
    return switch (op) {
      case "min" -> Float.floatToRawIntBits(Numerics.f32Min(a, b));
      case "max" -> Float.floatToRawIntBits(Numerics.f32Max(a, b));
      case "copysign" -> Numerics.f32Copysign(x, y);
      default -> throw new IllegalArgumentException(op);
    };
  }

  private static long f64Binary(String op, long x, long y) {
    double a = Double.longBitsToDouble(x);
    double b = Double.longBitsToDouble(y);
    return switch (op) {
      case "min" -> Double.doubleToRawLongBits(Numerics.f64Min(a, b));
      case "max" -> Double.doubleToRawLongBits(Numerics.f64Max(a, b));
      case "copysign" -> Numerics.f64Copysign(x, y);
      default -> throw new IllegalArgumentException(op);
    };
  }

  @ParameterizedTest(name = "f32.{0} {1} = {2}")
  @CsvSource({
    // Sign operations touch only the sign bit, also of signalling and negative NaNs.
    "abs, 0xFFA00001, 0x7FA00001",
    "abs, 0x80000000, 0x00000000",
    "abs, 0xFF800000, 0x7F800000",
    "neg, 0x7FA00001, 0xFFA00001",
    "neg, 0x00000000, 0x80000000",
    "neg, 0xFFC00000, 0x7FC00000",
    // Rounding keeps the sign of a zero result.
    "ceil, 0xBF000000, 0x80000000", // -0.5 -> -0.0
    "ceil, 0x3F000000, 0x3F800000", // 0.5 -> 1.0
    "ceil, 0xBFC00000, 0xBF800000", // -1.5 -> -1.0
    "ceil, 0x80000001, 0x80000000", // -min subnormal -> -0.0
    "ceil, 0x4AFFFFFF, 0x4B000000", // 8388607.5 -> 8388608
    "ceil, 0x7F7FFFFF, 0x7F7FFFFF",
    "ceil, 0xFF800000, 0xFF800000",
    "floor, 0x3F000000, 0x00000000", // 0.5 -> +0.0
    "floor, 0xBF000000, 0xBF800000", // -0.5 -> -1.0
    "floor, 0x80000000, 0x80000000",
    "floor, 0x00000001, 0x00000000",
    "trunc, 0xBF000000, 0x80000000", // -0.5 -> -0.0
    "trunc, 0x3F333333, 0x00000000", // 0.7 -> +0.0
    "trunc, 0xBFD9999A, 0xBF800000", // -1.7 -> -1.0
    "trunc, 0xCAFFFFFF, 0xCAFFFFFE", // -8388607.5 -> -8388607
    // nearest rounds ties to even and keeps the sign of zero.
    "nearest, 0x3F000000, 0x00000000", // 0.5 -> 0.0
    "nearest, 0x3FC00000, 0x40000000", // 1.5 -> 2.0
    "nearest, 0x40200000, 0x40000000", // 2.5 -> 2.0
    "nearest, 0xBF000000, 0x80000000", // -0.5 -> -0.0
    "nearest, 0xBFC00000, 0xC0000000", // -1.5 -> -2.0
    "nearest, 0xC0200000, 0xC0000000", // -2.5 -> -2.0
    "nearest, 0x3EFFFFFF, 0x00000000", // 0.49999997 -> 0.0
    "nearest, 0x4AFFFFFF, 0x4B000000", // 8388607.5 -> 8388608 (even)
    "nearest, 0x4AFFFFFD, 0x4AFFFFFC", // 8388606.5 -> 8388606 (even)
    "nearest, 0x4B000001, 0x4B000001", // 2^23 + 1 is already integral
    "nearest, 0x7F800000, 0x7F800000",
    // sqrt: exact cases, correct rounding, -0.0, invalid operations.
    "sqrt, 0x40800000, 0x40000000", // 4 -> 2
    "sqrt, 0x40000000, 0x3FB504F3", // 2 -> 1.4142135
    "sqrt, 0x80000000, 0x80000000",
    "sqrt, 0x7F800000, 0x7F800000",
    "sqrt, 0xBF800000, canonical",
    "sqrt, 0xFF800000, canonical",
    "sqrt, 0x80000001, canonical",
    // A NaN operand gives an arithmetic NaN, canonical if the operand was.
    "ceil, 0x7FA00000, arithmetic",
    "floor, 0xFF800001, arithmetic",
    "trunc, 0x7F800001, arithmetic",
    "nearest, 0x7FA00000, arithmetic",
    "sqrt, 0x7FA00000, arithmetic",
    "ceil, 0x7FC00000, canonical",
    "floor, 0xFFC00000, canonical",
    "trunc, 0x7FC00000, canonical",
    "nearest, 0xFFC00000, canonical",
    "sqrt, 0x7FC00000, canonical",
  })
  void f32UnaryOperationsFollowTheSpec(String op, String x, String expected) {
    int r = f32Unary(op, FloatBits.f32(x));
    assertTrue(FloatBits.matchesF32(expected, r), () -> "got " + FloatBits.describeF32(r));
  }

  @ParameterizedTest(name = "f64.{0} {1} = {2}")
  @CsvSource({
    "abs, 0xFFF4000000000001, 0x7FF4000000000001",
    "abs, 0x8000000000000000, 0x0000000000000000",
    "neg, 0x7FF4000000000001, 0xFFF4000000000001",
    "neg, 0x0000000000000000, 0x8000000000000000",
    "ceil, 0xBFE0000000000000, 0x8000000000000000", // -0.5 -> -0.0
    "ceil, 0x3FE0000000000000, 0x3FF0000000000000", // 0.5 -> 1.0
    "ceil, 0x8000000000000001, 0x8000000000000000",
    "ceil, 0x432FFFFFFFFFFFFF, 0x4330000000000000", // 2^52 - 0.5 -> 2^52
    "floor, 0x3FE0000000000000, 0x0000000000000000",
    "floor, 0xBFE0000000000000, 0xBFF0000000000000",
    "floor, 0x8000000000000000, 0x8000000000000000",
    "trunc, 0xBFE0000000000000, 0x8000000000000000",
    "trunc, 0xC3300000000000FF, 0xC3300000000000FF",
    "trunc, 0xBFFB333333333333, 0xBFF0000000000000", // -1.7 -> -1.0
    "nearest, 0x3FE0000000000000, 0x0000000000000000", // 0.5 -> 0.0
    "nearest, 0x3FF8000000000000, 0x4000000000000000", // 1.5 -> 2.0
    "nearest, 0x4004000000000000, 0x4000000000000000", // 2.5 -> 2.0
    "nearest, 0xBFE0000000000000, 0x8000000000000000", // -0.5 -> -0.0
    "nearest, 0xC004000000000000, 0xC000000000000000", // -2.5 -> -2.0
    "nearest, 0x3FDFFFFFFFFFFFFF, 0x0000000000000000", // 0.49999999999999994 -> 0.0
    "nearest, 0x432FFFFFFFFFFFFF, 0x4330000000000000", // 2^52 - 0.5 -> 2^52 (even)
    "nearest, 0x432FFFFFFFFFFFFE, 0x432FFFFFFFFFFFFE", // 2^52 - 1 is integral
    "nearest, 0x432FFFFFFFFFFFFD, 0x432FFFFFFFFFFFFC", // 2^52 - 1.5 -> 2^52 - 2 (even)
    "nearest, 0x4330000000000001, 0x4330000000000001", // 2^52 + 1 is integral
    "nearest, 0xC340000000000001, 0xC340000000000001", // -(2^53 + 2) is integral
    "nearest, 0x4327FFFFFFFFFFFF, 0x4328000000000000", // 2^51 * 1.5 - 0.5: tie -> even
    "nearest, 0xC327FFFFFFFFFFFF, 0xC328000000000000",
    "sqrt, 0x4000000000000000, 0x3FF6A09E667F3BCD", // sqrt 2
    "sqrt, 0x8000000000000000, 0x8000000000000000",
    "sqrt, 0xBFF0000000000000, canonical",
    "sqrt, 0xFFF0000000000000, canonical",
    "ceil, 0x7FF4000000000000, arithmetic",
    "floor, 0xFFF0000000000001, arithmetic",
    "trunc, 0x7FF0000000000001, arithmetic",
    "nearest, 0x7FF4000000000000, arithmetic",
    "sqrt, 0x7FF4000000000000, arithmetic",
    "ceil, 0x7FF8000000000000, canonical",
    "floor, 0xFFF8000000000000, canonical",
    "nearest, 0x7FF8000000000000, canonical",
    "sqrt, 0xFFF8000000000000, canonical",
  })
  void f64UnaryOperationsFollowTheSpec(String op, String x, String expected) {
    long r = f64Unary(op, FloatBits.f64(x));
    assertTrue(FloatBits.matchesF64(expected, r), () -> "got " + FloatBits.describeF64(r));
  }

  @ParameterizedTest(name = "f32.{0} {1} {2} = {3}")
  @CsvSource({
    "min, 0x00000000, 0x80000000, 0x80000000",
    "min, 0x80000000, 0x00000000, 0x80000000",
    "max, 0x00000000, 0x80000000, 0x00000000",
    "max, 0x80000000, 0x00000000, 0x00000000",
    "min, 0x3F800000, 0xBF800000, 0xBF800000",
    "max, 0x3F800000, 0xBF800000, 0x3F800000",
    "min, 0xFF800000, 0x7F7FFFFF, 0xFF800000",
    "max, 0x7F800000, 0xFF7FFFFF, 0x7F800000",
    "min, 0x00000001, 0x00000002, 0x00000001",
    // NaN in either operand wins over any number, infinities and zeros included.
    "min, 0x7FC00000, 0xFF800000, canonical",
    "min, 0xFF800000, 0x7FC00000, canonical",
    "max, 0xFFC00000, 0x7F800000, canonical",
    "max, 0x00000000, 0xFFC00000, canonical",
    "min, 0x7FA00000, 0x00000000, arithmetic",
    "min, 0x3F800000, 0x7F800001, arithmetic",
    "max, 0xFFA00000, 0x3F800000, arithmetic",
    "max, 0x7FA00000, 0x7FC00000, arithmetic",
    "min, 0x7FC00000, 0x7FC00000, canonical",
    "copysign, 0x3F800000, 0x80000000, 0xBF800000",
    "copysign, 0xBF800000, 0x7FC00000, 0x3F800000",
    "copysign, 0x7FA00001, 0xFFFFFFFF, 0xFFA00001",
    "copysign, 0xFFA00001, 0x00000000, 0x7FA00001",
  })
  void f32BinaryOperationsFollowTheSpec(String op, String x, String y, String expected) {
    int r = f32Binary(op, FloatBits.f32(x), FloatBits.f32(y));
    assertTrue(FloatBits.matchesF32(expected, r), () -> "got " + FloatBits.describeF32(r));
  }

  @ParameterizedTest(name = "f64.{0} {1} {2} = {3}")
  @CsvSource({
    "min, 0x0000000000000000, 0x8000000000000000, 0x8000000000000000",
    "min, 0x8000000000000000, 0x0000000000000000, 0x8000000000000000",
    "max, 0x0000000000000000, 0x8000000000000000, 0x0000000000000000",
    "max, 0x8000000000000000, 0x0000000000000000, 0x0000000000000000",
    "min, 0x3FF0000000000000, 0xBFF0000000000000, 0xBFF0000000000000",
    "max, 0x3FF0000000000000, 0xBFF0000000000000, 0x3FF0000000000000",
    "min, 0x7FF8000000000000, 0xFFF0000000000000, canonical",
    "max, 0x0000000000000000, 0xFFF8000000000000, canonical",
    "min, 0x7FF4000000000000, 0x0000000000000000, arithmetic",
    "max, 0x3FF0000000000000, 0xFFF0000000000001, arithmetic",
    "copysign, 0x3FF0000000000000, 0x8000000000000000, 0xBFF0000000000000",
    "copysign, 0x7FF4000000000001, 0xFFFFFFFFFFFFFFFF, 0xFFF4000000000001",
  })
  void f64BinaryOperationsFollowTheSpec(String op, String x, String y, String expected) {
    long r = f64Binary(op, FloatBits.f64(x), FloatBits.f64(y));
    assertTrue(FloatBits.matchesF64(expected, r), () -> "got " + FloatBits.describeF64(r));
  }

  @ParameterizedTest(name = "f32.nearest of {0}")
  @CsvSource({"0.25", "-0.75", "3.5", "-3.5", "4.5", "1e7", "-1e-30", "123456.5", "0.0"})
  void nearestAgreesWithRoundHalfEvenOfTheExactValue(float x) {
    // An independent model: BigDecimal rounding of the exact value, with the sign of x on zero.
    java.math.BigDecimal exact = new java.math.BigDecimal(x);
    float rounded = exact.setScale(0, java.math.RoundingMode.HALF_EVEN).floatValue();
    float expected = Math.copySign(rounded, x);
    assertEquals(
        Float.floatToRawIntBits(expected), Float.floatToRawIntBits(Numerics.f32Nearest(x)));
  }
}

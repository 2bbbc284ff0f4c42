package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.MalformedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Integer and float literals, bit for bit. The float expectations were computed with exact rational
 * arithmetic, independently of the implementation; several are cases that rounding through {@code
 * double} gets wrong.
 */
class NumberLiteralsTest {
  private static Token token(String text) {
    return Lexer.tokenize(text).get(0);
  }

  @ParameterizedTest(name = "i32 {0} = {1}")
  @CsvSource({
    "0, 0",
    "+1, 1",
    "-1, -1",
    "1_000_000, 1000000",
    "0x7fffffff, 2147483647",
    "0xffffffff, -1",
    "4294967295, -1",
    "-2147483648, -2147483648",
    "-0x80000000, -2147483648",
    "0x8000_0000, -2147483648",
    "0xABCDEF, 11259375"
  })
  void readsI32LiteralsInBothRanges(String literal, int expected) {
    assertEquals(expected, IntLiterals.i32(token(literal)));
  }

  @ParameterizedTest(name = "i64 {0} = {1}")
  @CsvSource({
    "18446744073709551615, -1",
    "0xffffffffffffffff, -1",
    "-9223372036854775808, -9223372036854775808",
    "9223372036854775807, 9223372036854775807",
    "0x8000000000000000, -9223372036854775808",
    "-0x1, -1"
  })
  void readsI64LiteralsInBothRanges(String literal, long expected) {
    assertEquals(expected, IntLiterals.i64(token(literal)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"4294967296", "-2147483649", "0x1_0000_0000", "-0x80000001"})
  void rejectsI32LiteralsOutOfRange(String literal) {
    assertOutOfRange(() -> IntLiterals.i32(token(literal)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"18446744073709551616", "-9223372036854775809", "0x1_0000_0000_0000_0000"})
  void rejectsI64LiteralsOutOfRange(String literal) {
    assertOutOfRange(() -> IntLiterals.i64(token(literal)));
  }

  @ParameterizedTest(name = "f32 {0} = {1}")
  @CsvSource({
    "1, 0x3f800000",
    "2, 0x40000000",
    "0.1, 0x3dcccccd",
    "-0, 0x80000000",
    "+0.0, 0x00000000",
    "1e38, 0x7e967699",
    "123456789, 0x4ceb79a3",
    "16777217, 0x4b800000",
    "0.000001, 0x358637bd",
    "1.5e10, 0x505f8476",
    "1.5E+10, 0x505f8476",
    "1_5.0e0_9, 0x505f8476",
    // the largest finite value, and literals just below the midpoint to infinity
    "0x1.fffffep127, 0x7f7fffff",
    "0x1.fffffefffp127, 0x7f7fffff",
    "3.4028235e38, 0x7f7fffff",
    "3.4028235677973366e38, 0x7f7fffff",
    // subnormals, ties to even at the bottom, and underflow to zero
    "0x1p-149, 0x00000001",
    "0x1p-150, 0x00000000",
    "0x1.8p-149, 0x00000002",
    "1.401298464324817e-45, 0x00000001",
    "7.006492321624085e-46, 0x00000000",
    "7.006492321624086e-46, 0x00000001",
    "1.1754942e-38, 0x007fffff",
    "1e-50, 0x00000000",
    // double rounding: through a double these round to 1.0 and 0x26800002 instead
    "1.00000005960464477539062500000000001, 0x3f800001",
    "0x1.0000010000000001p0, 0x3f800001",
    "+0x1.00000500000000001p-50, 0x26800003",
    // exact ties go to even
    "1.000000059604644775390625, 0x3f800000",
    "0x1.000001p0, 0x3f800000",
    "0x1.00000100000000000p-50, 0x26800000",
    // infinities and NaNs
    "inf, 0x7f800000",
    "-inf, 0xff800000",
    "nan, 0x7fc00000",
    "-nan, 0xffc00000",
    "nan:0x1, 0x7f800001",
    "-nan:0x7fffff, 0xffffffff",
    "nan:0x20_0000, 0x7fa00000"
  })
  void roundsF32LiteralsCorrectly(String literal, String bits) {
    assertEquals(
        Integer.toHexString(Integer.parseUnsignedInt(bits.substring(2), 16)),
        Integer.toHexString(FloatLiterals.f32(token(literal))));
  }

  @ParameterizedTest(name = "f64 {0} = {1}")
  @CsvSource({
    "0.1, 0x3fb999999999999a",
    "123.456e-7, 0x3ee9e3fe580f5494",
    "9007199254740993, 0x4340000000000000",
    "1.7976931348623157e308, 0x7fefffffffffffff",
    "1.7976931348623158e308, 0x7fefffffffffffff",
    "0x1.fffffffffffff7ffp1023, 0x7fefffffffffffff",
    "4.9e-324, 0x0000000000000001",
    "2.4703282292062327e-324, 0x0000000000000000",
    "2.4703282292062328e-324, 0x0000000000000001",
    "0x1p-1075, 0x0000000000000000",
    "0x1.0000000000001p-1074, 0x0000000000000001",
    "2.2250738585072011e-308, 0x000fffffffffffff",
    "2.2250738585072012e-308, 0x0010000000000000",
    "-0x0p0, 0x8000000000000000",
    "nan, 0x7ff8000000000000",
    "nan:0xfffffffffffff, 0x7fffffffffffffff",
    "-nan:0x1, 0xfff0000000000001",
    "-inf, 0xfff0000000000000"
  })
  void roundsF64LiteralsCorrectly(String literal, String bits) {
    assertEquals(
        Long.toHexString(Long.parseUnsignedLong(bits.substring(2), 16)),
        Long.toHexString(FloatLiterals.f64(token(literal))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0x1.ffffffp127",
        "3.4028235677973367e38",
        "1e39",
        "-0x1p128",
        "1e1000000000000",
        "nan:0x0",
        "nan:0x800000"
      })
  void rejectsF32LiteralsOutOfRange(String literal) {
    assertOutOfRange(() -> FloatLiterals.f32(token(literal)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.7976931348623159e308",
        "0x1.fffffffffffff8p1023",
        "1e400",
        "nan:0x10000000000000"
      })
  void rejectsF64LiteralsOutOfRange(String literal) {
    assertOutOfRange(() -> FloatLiterals.f64(token(literal)));
  }

  @Test
  void acceptsAHugeNegativeExponentAsZero() {
    assertEquals(0, FloatLiterals.f32(token("1e-1000000000000")));
  }

  @Test
  void acceptsIntegersAsFloats() {
    assertEquals(0xbf800000, FloatLiterals.f32(token("-0x1")));
  }

  private static void assertOutOfRange(Runnable parse) {
    MalformedException e = assertThrows(MalformedException.class, parse::run);
    assertTrue(e.problem().startsWith("constant out of range"), e.problem());
  }
}

package dev.cortado.runtime.internal.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import java.util.function.LongSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Integer division and remainder: rounding toward zero, the sign of remainders, unsigned operands,
 * and the traps. Expected values are arithmetic facts (or the spec's i32/i64 tests).
 */
class IntegerDivisionTest {

  /** Runs {@code op} and returns its result, or the trap's kind name. */
  private static String outcome(LongSupplier op) {
    try {
      return Long.toString(op.getAsLong());
    } catch (Trap t) {
      return t.kind().name();
    }
  }

  private static long i32(String op, int a, int b) {
    return switch (op) {
      case "div_s" -> Numerics.i32DivS(a, b);
      case "div_u" -> Numerics.i32DivU(a, b);
      case "rem_s" -> Numerics.i32RemS(a, b);
      case "rem_u" -> Numerics.i32RemU(a, b);
      default -> throw new IllegalArgumentException(op);
    };
  }

  private static long i64(String op, long a, long b) {
    return switch (op) {
      case "div_s" -> Numerics.i64DivS(a, b);
      case "div_u" -> Numerics.i64DivU(a, b);
      case "rem_s" -> Numerics.i64RemS(a, b);
      case "rem_u" -> Numerics.i64RemU(a, b);
      default -> throw new IllegalArgumentException(op);
    };
  }

  @ParameterizedTest(name = "i32.{0} {1} {2} = {3}")
  @CsvSource({
    "div_s, 7, 2, 3",
    "div_s, -7, 2, -3",
    "div_s, 7, -2, -3",
    "div_s, -7, -2, 3",
    "div_s, -2147483648, 2, -1073741824",
    "div_s, -2147483648, 1, -2147483648",
    "div_s, -2147483648, -1, INTEGER_OVERFLOW",
    "div_s, 1, 0, INTEGER_DIVIDE_BY_ZERO",
    "div_s, 0, 0, INTEGER_DIVIDE_BY_ZERO",
    "div_s, -2147483648, 0, INTEGER_DIVIDE_BY_ZERO",
    "div_u, -1, 2, 2147483647",
    "div_u, -2147483648, -1, 0",
    "div_u, -1, -1, 1",
    "div_u, -2147483648, 2, 1073741824",
    "div_u, -1, 0, INTEGER_DIVIDE_BY_ZERO",
    "rem_s, 7, 2, 1",
    "rem_s, -7, 2, -1",
    "rem_s, 7, -2, 1",
    "rem_s, -7, -2, -1",
    "rem_s, -2147483648, -1, 0",
    "rem_s, 2147483647, -1, 0",
    "rem_s, -2147483648, 2, 0",
    "rem_s, 5, 0, INTEGER_DIVIDE_BY_ZERO",
    "rem_u, -1, 2, 1",
    "rem_u, -2147483648, 3, 2",
    "rem_u, -2147483648, -1, -2147483648",
    "rem_u, 5, -1, 5",
    "rem_u, 0, 0, INTEGER_DIVIDE_BY_ZERO",
  })
  void i32DivisionFollowsTheSpec(String op, int a, int b, String expected) {
    assertEquals(expected, outcome(() -> i32(op, a, b)));
  }

  @ParameterizedTest(name = "i64.{0} {1} {2} = {3}")
  @CsvSource({
    "div_s, 7, 2, 3",
    "div_s, -7, 2, -3",
    "div_s, -9223372036854775808, 2, -4611686018427387904",
    "div_s, -9223372036854775808, -1, INTEGER_OVERFLOW",
    "div_s, 1, 0, INTEGER_DIVIDE_BY_ZERO",
    "div_s, -9223372036854775808, 0, INTEGER_DIVIDE_BY_ZERO",
    "div_u, -1, 2, 9223372036854775807",
    "div_u, -9223372036854775808, -1, 0",
    "div_u, -1, -1, 1",
    "div_u, -1, 0, INTEGER_DIVIDE_BY_ZERO",
    "rem_s, -7, 2, -1",
    "rem_s, 7, -2, 1",
    "rem_s, -9223372036854775808, -1, 0",
    "rem_s, 5, 0, INTEGER_DIVIDE_BY_ZERO",
    "rem_u, -1, 2, 1",
    "rem_u, -9223372036854775808, 3, 2",
    "rem_u, -9223372036854775808, -1, -9223372036854775808",
    "rem_u, 0, 0, INTEGER_DIVIDE_BY_ZERO",
  })
  void i64DivisionFollowsTheSpec(String op, long a, long b, String expected) {
    assertEquals(expected, outcome(() -> i64(op, a, b)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"div_s", "div_u", "rem_s", "rem_u"})
  void divisionByZeroTrapsWithTheSpecMessage(String op) {
    Trap t = assertThrows(Trap.class, () -> i32(op, 1, 0));
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, t.kind());
    assertEquals("integer divide by zero", t.kind().message());
  }
}

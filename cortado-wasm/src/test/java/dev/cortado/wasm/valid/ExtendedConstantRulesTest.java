package dev.cortado.wasm.valid;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.text.TextParser;
import org.junit.jupiter.api.Test;

/**
 * Wasm 3.0's constant expressions: {@code i32}/{@code i64} {@code add}, {@code sub}, {@code mul},
 * and {@code global.get} of any immutable global that precedes the expression.
 */
class ExtendedConstantRulesTest {
  private static void validate(String wat) {
    Validator.validate(TextParser.parseModule(wat));
  }

  /** Returns the problem validation finds in {@code wat}, failing if it finds none. */
  private static String problemOf(String wat) {
    return assertThrows(InvalidException.class, () -> validate(wat)).problem();
  }

  @Test
  void acceptsIntegerArithmeticInGlobalsAndSegmentOffsets() {
    assertDoesNotThrow(
        () ->
            validate(
                """
                (module
                  (memory 1)
                  (table 4 funcref)
                  (func $f)
                  (global i32 (i32.mul (i32.add (i32.const 1) (i32.const 2)) (i32.const 3)))
                  (global i64 (i64.sub (i64.mul (i64.const 4) (i64.const 5)) (i64.const 6)))
                  (data (offset (i32.sub (i32.const 8) (i32.const 4))) "x")
                  (elem (offset (i32.add (i32.const 1) (i32.const 1))) func $f))
                """));
  }

  @Test
  void acceptsAGlobalReadingAnImmutableGlobalDefinedBeforeIt() {
    assertDoesNotThrow(
        () ->
            validate(
                """
                (module
                  (global (import "m" "g") i32)
                  (global $a i32 (i32.const 10))
                  (global $b i32 (i32.add (global.get 0) (global.get $a)))
                  (memory 1)
                  (data (global.get $b) "x"))
                """));
  }

  @Test
  void rejectsAGlobalReadingItselfOrALaterGlobal() {
    assertTrue(problemOf("(module (global i32 (global.get 0)))").startsWith("unknown global 0"));
    assertTrue(
        problemOf("(module (global i32 (global.get 1)) (global i32 (i32.const 0)))")
            .startsWith("unknown global 1"));
  }

  @Test
  void rejectsReadingAMutableGlobal() {
    String problem =
        problemOf(
            """
            (module
              (global $m (mut i32) (i32.const 0))
              (memory 1)
              (data (global.get $m) "x"))
            """);
    assertTrue(problem.startsWith("constant expression required"), problem);
  }

  @Test
  void rejectsArithmeticThatIsNotExtendedConstant() {
    for (String op : new String[] {"i32.div_u", "i32.and", "i64.shl"}) {
      String type = op.substring(0, 3);
      String problem =
          problemOf(
              "(module (global "
                  + type
                  + " ("
                  + op
                  + " ("
                  + type
                  + ".const 1) ("
                  + type
                  + ".const 2))))");
      assertTrue(problem.startsWith("constant expression required"), problem);
    }
  }

  @Test
  void rejectsArithmeticOfTheWrongType() {
    String problem = problemOf("(module (global i32 (i32.add (i32.const 1) (i64.const 2))))");
    assertTrue(problem.startsWith("type mismatch"), problem);
  }
}

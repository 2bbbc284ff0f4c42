package dev.cortado.wasm.valid;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.text.TextParser;
import org.junit.jupiter.api.Test;

class TailCallRulesTest {
  private static ValidatedModule validate(String wat) {
    return Validator.validate(TextParser.parseModule(wat));
  }

  @Test
  void acceptsTailCallsToFunctionsWithTheCallersResultsAndRecordsThem() {
    ValidatedModule m =
        validate(
            """
            (module
              (type $t (func (param i32) (result i64)))
              (table 1 funcref)
              (func $f (param i32) (result i64) (return_call $f (local.get 0)))
              (func (result i64)
                (return_call_indirect (type $t) (i32.const 1) (i32.const 0)))
              (func (result i64) (i64.const 0)))
            """);
    assertTrue(m.functionInfo(0).makesTailCalls());
    assertTrue(m.functionInfo(1).makesTailCalls());
    assertFalse(m.functionInfo(2).makesTailCalls());
  }

  /** Returns the problem validation finds in {@code wat}, failing if it finds none. */
  private static String problemOf(String wat) {
    return assertThrows(InvalidException.class, () -> validate(wat)).problem();
  }

  @Test
  void rejectsATailCallToAFunctionWithOtherResults() {
    String problem =
        problemOf(
            """
            (module
              (func $g (result i32) (i32.const 1))
              (func (result i64) (return_call $g)))
            """);
    assertTrue(problem.startsWith("type mismatch: return_call"), problem);
  }

  @Test
  void rejectsAnIndirectTailCallWithOtherResults() {
    String problem =
        problemOf(
            """
            (module
              (table 1 funcref)
              (func (result i64) (return_call_indirect (result i32) (i32.const 0))))
            """);
    assertTrue(problem.startsWith("type mismatch: return_call_indirect"), problem);
  }

  @Test
  void theCodeAfterATailCallIsStackPolymorphic() {
    validate(
        """
        (module
          (func $f (result i32) (i32.const 1))
          (func (result i32) (return_call $f) (i32.add)))
        """);
  }

  @Test
  void rejectsATailCallWithTheWrongOperands() {
    String problem =
        problemOf(
            """
            (module
              (func $f (param i32) (result i32) (local.get 0))
              (func (result i32) (return_call $f (i64.const 1))))
            """);
    assertTrue(problem.startsWith("type mismatch"), problem);
  }
}

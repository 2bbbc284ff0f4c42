package dev.cortado.wasm.valid;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.text.TextParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wasm 3.0's typed function references: subtyping of reference types, the instructions' typing,
 * initialization of non-defaultable locals, and their absence from Wasm 2.0.
 */
class TypedReferenceRulesTest {
  private static void validate(String wat) {
    Validator.validate(TextParser.parseModule(wat));
  }

  private static String problemOf(String wat) {
    return assertThrows(InvalidException.class, () -> validate(wat)).problem();
  }

  private static String function(String body) {
    return "(module (type $t (func (param i32) (result i32))) (type $u (func (param i32)"
        + " (result i32))) (type $v (func)) (func $f (type $t) (local.get 0))"
        + " (elem declare func $f) "
        + body
        + ")";
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // (ref $t) <: (ref null $t) <: (ref null func) = funcref
        "(func (param (ref $t)) (result funcref) (local.get 0))",
        "(func (param (ref $t)) (result (ref null $t)) (local.get 0))",
        "(func (result (ref func)) (ref.func $f))",
        // the bottom type is below every function type
        "(func (result (ref null $t)) (ref.null nofunc))",
        "(func (result externref) (ref.null noextern))",
        // $t and $u are the same type, written twice
        "(func (param (ref $u)) (result (ref $t)) (local.get 0))",
        "(func (param (ref null $t)) (result i32) (call_ref $t (i32.const 1) (local.get 0)))",
        "(func (param (ref null $t)) (result i32) (return_call_ref $u (i32.const 1) (local.get 0)))",
        "(func (param funcref) (result (ref func)) (ref.as_non_null (local.get 0)))",
        "(func (param (ref null $t)) (result (ref $t))"
            + " (block (br_on_null 0 (local.get 0)) (return)) (unreachable))",
        "(func (param (ref null $t)) (result (ref $t))"
            + " (br_on_non_null 0 (local.get 0)) (unreachable))",
        // after unreachable, an unknown operand stands for any reference
        "(func (result i32) (unreachable) (ref.as_non_null) (call_ref $v) (i32.const 0))",
        "(func (unreachable) (br_on_null 0) (drop))",
        // a non-defaultable local set before it is read, in the same or an enclosing block
        "(func (local (ref $t)) (local.set 0 (ref.func $f)) (drop (local.get 0)))",
        "(func (local (ref $t)) (local.set 0 (ref.func $f)) (block (drop (local.get 0))))",
        "(func (local (ref $t)) (block (local.set 0 (ref.func $f)) (drop (local.tee 0"
            + " (local.get 0)))))",
        "(table 1 (ref $t) (ref.func $f))",
        "(global (ref $t) (ref.func $f))",
        "(elem (ref $t) (ref.func $f))",
      })
  void accepts(String fields) {
    assertDoesNotThrow(() -> validate(function(fields)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(func (param funcref) (result (ref null $t)) (local.get 0)) | type mismatch",
        "(func (param (ref null $t)) (result (ref $t)) (local.get 0)) | type mismatch",
        "(func (param (ref $v)) (result (ref $t)) (local.get 0)) | type mismatch",
        "(func (result (ref null $t)) (ref.null noextern)) | type mismatch",
        "(func (param funcref) (result i32) (call_ref $t (i32.const 1) (local.get 0)))"
            + " | type mismatch",
        "(func (param (ref null $t)) (call_ref $v (local.get 0))) | type mismatch",
        "(func (param (ref null $t)) (result i64)"
            + " (return_call_ref $t (i32.const 1) (local.get 0))) | type mismatch",
        "(func (param i32) (drop (ref.as_non_null (local.get 0)))) | type mismatch",
        "(func (param funcref) (br_on_non_null 0 (local.get 0))) | type mismatch",
        "(func (param funcref) (result i32) (br_on_null 0 (local.get 0)) (drop) (i32.const 0))"
            + " | type mismatch",
        "(func (local (ref $t)) (drop (local.get 0))) | uninitialized local",
        "(func (local (ref $t)) (block (local.set 0 (ref.func $f))) (drop (local.get 0)))"
            + " | uninitialized local",
        "(func (local (ref $t)) (if (i32.const 1) (then (local.set 0 (ref.func $f)))"
            + " (else (drop (local.get 0))))) | uninitialized local",
        "(func (result i32) (call_ref 9 (i32.const 0) (unreachable))) | unknown type",
        "(func (drop (ref.null 9))) | unknown type",
        "(func (local (ref null 9))) | unknown type",
        "(table 1 (ref $t)) | type mismatch",
      })
  void rejects(String fields, String problem) {
    String found = problemOf(function(fields));
    assertTrue(found.startsWith(problem), found);
  }

  @Test
  void aTypeMayNameItselfButNoLaterType() {
    assertDoesNotThrow(() -> validate("(module (type $t (func (param (ref null $t)))))"));
    String found = problemOf("(module (type $a (func (param (ref $b)))) (type $b (func)))");
    assertTrue(found.startsWith("unknown type"), found);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(module (type $t (func)) (func (param (ref null $t))))",
        "(module (func (param funcref) (drop (ref.as_non_null (local.get 0)))))",
        "(module (func (param funcref) (block (br_on_null 0 (local.get 0)) (drop))))",
        "(module (type $t (func)) (global (ref null $t) (ref.null $t)))",
      })
  void wasm2HasNoTypedReferences(String wat) {
    assertDoesNotThrow(() -> validate(wat));
    assertThrows(
        InvalidException.class,
        () -> Validator.validate(TextParser.parseModule(wat), false, WasmVersion.WASM_2_0));
  }
}

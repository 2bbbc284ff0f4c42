package dev.cortado.wasm.valid;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.text.TextParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation of tags, {@code throw}, {@code throw_ref} and {@code try_table}'s catch clauses. */
class ExceptionRulesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "(module (tag $e (param i32 f64)) (func (throw $e (i32.const 1) (f64.const 2))))",
        "(module (tag) (func (result i64) (throw 0)))",
        "(module (tag $e (param i32)) (func (result i32)"
            + " (block $h (result i32) (try_table (catch $e $h) (unreachable)) (unreachable))))",
        "(module (tag $e (param i32)) (func (result i32 exnref)"
            + " (block $h (result i32 exnref) (try_table (catch_ref $e $h) (unreachable))"
            + " (unreachable))))",
        "(module (func (block $h (try_table (catch_all $h)))))",
        "(module (func (result exnref) (try_table (catch_all_ref 0))  (unreachable)))",
        "(module (func (result (ref null exn)) (block $h (result (ref exn))"
            + " (try_table (catch_all_ref $h)) (unreachable))))",
        "(module (func (param exnref) (throw_ref (local.get 0))))",
        "(module (func (param exnref) (result f32) (i32.const 1) (throw_ref (local.get 0))))",
        "(module (func (loop $l (try_table (catch_all $l)))))",
        "(module (import \"m\" \"t\" (tag (param v128))) (export \"t\" (tag 0)))",
        "(module (tag $e (param i32)) (func (result i32)"
            + " (try (result i32) (do (i32.const 1)) (catch $e) (catch_all (i32.const 2)))))",
        "(module (tag $e) (func (try (do) (catch $e (rethrow 0)))))",
        "(module (func (try $t (do (try (do) (delegate $t))) (catch_all))))",
        "(module (func (try (do) (delegate 0))))",
        "(module (func (try (do) (catch_all (try (do) (catch_all (rethrow 1)))))))"
      })
  void acceptsExceptionCode(String wat) {
    Validator.validate(TextParser.parseModule(wat));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "(module (func (throw 0))) | unknown tag 0",
        "(module (tag (param i32)) (func (throw 0))) | type mismatch",
        "(module (tag (param i32)) (func (i64.const 5) (throw 0))) | type mismatch",
        "(module (tag (result i32))) | non-empty tag result type",
        "(module (import \"\" \"\" (tag (result i32)))) | non-empty tag result type",
        "(module (func (throw_ref))) | type mismatch",
        "(module (func (param externref) (throw_ref (local.get 0)))) | type mismatch",
        "(module (tag) (func (try_table (catch_ref 0 0)))) | type mismatch",
        "(module (tag) (func (result exnref) (try_table (catch 0 0)) (unreachable)))"
            + " | type mismatch",
        "(module (func (try_table (catch_all_ref 0)))) | type mismatch",
        "(module (func (block (try_table (catch_all 2))))) | unknown label 2",
        "(module (func (block (try_table (catch 3 0))))) | unknown tag 3",
        "(module (export \"t\" (tag 0))) | unknown tag 0",
        "(module (func (result i32) (try_table (result i32) (i64.const 42)))) | type mismatch",
        "(module (func (rethrow 0))) | invalid rethrow label",
        "(module (func (block (rethrow 0)))) | invalid rethrow label",
        "(module (func (try (do) (catch_all (block (rethrow 0)))))) | invalid rethrow label",
        "(module (func (try (do) (delegate 1)))) | unknown label",
        "(module (tag $e (param i32)) (func (try (do) (catch $e)))) | type mismatch",
        "(module (func (result i32) (try (result i32) (do (i32.const 1)) (catch_all))))"
            + " | type mismatch"
      })
  void rejectsWrongExceptionCode(String wat, String problem) {
    InvalidException e =
        assertThrows(InvalidException.class, () -> Validator.validate(TextParser.parseModule(wat)));
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }
}

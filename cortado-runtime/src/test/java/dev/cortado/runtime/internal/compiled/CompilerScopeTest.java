package dev.cortado.runtime.internal.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.text.TextParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompilerScopeTest {
  @Test
  void wasm2ModulesAreInScope() {
    String wat =
        """
        (module
          (import "env" "t" (table 1 funcref))
          (import "env" "g" (global externref))
          (table 2 externref)
          (global (mut funcref) (ref.null func))
          (func (param v128 i64) (result f32) (local externref funcref) (f32.const 1))
          (elem (i32.const 0) func 0))
        """;
    assertEquals(Optional.empty(), CompilerScope.outside(TextParser.parseModule(wat)));
  }

  private static void assertOutside(String... modules) {
    for (String wat : modules) {
      Optional<String> why = CompilerScope.outside(TextParser.parseModule(wat));
      assertTrue(why.isPresent() && why.get().contains("Wasm 3.0"), wat + ": " + why);
    }
  }

  @Test
  void severalMemoriesAndWideMemoriesOrTablesAreInScope() {
    for (String wat :
        new String[] {
          "(module (memory 1) (memory 1))",
          "(module (import \"m\" \"m\" (memory 1)) (memory 1))",
          "(module (memory i64 1))",
          "(module (import \"m\" \"m\" (memory i64 1)))",
          "(module (table i64 1 funcref))",
          "(module (import \"m\" \"t\" (table i64 1 funcref)))"
        }) {
      assertEquals(Optional.empty(), CompilerScope.outside(TextParser.parseModule(wat)), wat);
    }
  }

  private static void assertInScope(String... modules) {
    for (String wat : modules) {
      assertEquals(Optional.empty(), CompilerScope.outside(TextParser.parseModule(wat)), wat);
    }
  }

  @Test
  void exceptionHandlingAnywhereIsInScope() {
    assertInScope(
        "(module (tag))",
        "(module (import \"m\" \"t\" (tag (param i32))))",
        "(module (func (param exnref)))",
        "(module (func (local exnref)))",
        "(module (func (block (try_table (catch_all 0)))))",
        "(module (func (throw_ref (ref.null exn))))");
  }

  @Test
  void typedReferencesAnywhereAreInScope() {
    assertInScope(
        "(module (type $t (func)) (func (param (ref null $t))))",
        "(module (type $t (func)) (func (result (ref $t)) unreachable))",
        "(module (type $t (func)) (func (local (ref null $t))))",
        "(module (type $t (func)) (table 1 (ref null $t)))",
        "(module (type $t (func)) (global (ref null $t) (ref.null func)))",
        "(module (type $t (func)) (import \"m\" \"g\" (global (ref null $t))))");
  }

  @Test
  void typedReferenceInstructionsInCodeAreInScope() {
    assertInScope(
        "(module (func (param funcref) (drop (ref.as_non_null (local.get 0)))))",
        "(module (func (param funcref) (block (br_on_null 0 (local.get 0)) (drop))))",
        "(module (func (param funcref) (result funcref) (br_on_non_null 0 (local.get 0))"
            + " (ref.null func)))",
        "(module (type $t (func)) (func (call_ref $t (ref.func 0))))",
        "(module (type $t (func)) (func (return_call_ref $t (ref.func 0))))",
        "(module (func (drop (block (result (ref func)) (ref.func 0)))))",
        "(module (func (drop (ref.null nofunc))))");
  }

  @Test
  void garbageCollectionAnywhereIsInScope() {
    assertInScope(
        "(module (type (struct)))",
        "(module (rec (type (func)) (type (func))))",
        "(module (type $a (sub (func))) (type (sub $a (func))))",
        "(module (func (param anyref)))",
        "(module (func (local i31ref)))",
        "(module (global (ref null eq) (ref.null none)))",
        "(module (func (drop (ref.null any))))",
        "(module (func (drop (block (result eqref) (ref.null eq)))))",
        "(module (func (drop (ref.i31 (i32.const 1)))))",
        "(module (type (array (mut i8))) (type (struct (field f64) (field (ref null 0)))))");
  }

  @Test
  void elementSegmentsOfFunctionIndicesAreInScope() {
    // Function indices are (ref func) elements in Wasm 3.0, yet plain Wasm 2.0.
    String wat = "(module (table 1 funcref) (func) (elem declare func 0) (elem (i32.const 0) 0))";
    assertEquals(Optional.empty(), CompilerScope.outside(TextParser.parseModule(wat)));
  }

  @Test
  void structsAndArraysOfVectorsAreOutsideAndNamed() {
    assertOutside(
        "(module (type (array v128)))", "(module (type (struct (field i32) (field (mut v128)))))");
    assertEquals(
        Optional.of("it declares type 1, a struct or array of v128 values (Wasm 3.0 GC)"),
        CompilerScope.outside(
            TextParser.parseModule("(module (type (func)) (type (struct (field v128))))")));
  }
}

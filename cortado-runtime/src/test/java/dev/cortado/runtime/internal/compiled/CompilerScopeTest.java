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

  @Test
  void typedReferencesAnywhereAreOutside() {
    for (String wat :
        new String[] {
          "(module (type $t (func)) (func (param (ref null $t))))",
          "(module (type $t (func)) (func (result (ref $t)) unreachable))",
          "(module (type $t (func)) (func (local (ref null $t))))",
          "(module (type $t (func)) (table 1 (ref null $t)))",
          "(module (type $t (func)) (global (ref null $t) (ref.null func)))",
          "(module (type $t (func)) (import \"m\" \"g\" (global (ref null $t))))"
        }) {
      Optional<String> why = CompilerScope.outside(TextParser.parseModule(wat));
      assertTrue(why.isPresent() && why.get().contains("Wasm 3.0"), wat + ": " + why);
    }
  }

  @Test
  void exceptionHandlingAnywhereIsOutside() {
    for (String wat :
        new String[] {
          "(module (tag))",
          "(module (import \"m\" \"t\" (tag (param i32))))",
          "(module (func (param exnref)))",
          "(module (func (local exnref)))",
          "(module (func (block (try_table (catch_all 0)))))",
          "(module (func (throw_ref (ref.null exn))))"
        }) {
      Optional<String> why = CompilerScope.outside(TextParser.parseModule(wat));
      assertTrue(why.isPresent() && why.get().contains("exception"), wat + ": " + why);
    }
  }

  @Test
  void namesTheFunctionUsingAnExceptionInstruction() {
    String wat = "(module (func) (func (block (try_table (catch_all 0)))))";
    assertEquals(
        Optional.of("function 1 uses try_table (Wasm 3.0 exception handling)"),
        CompilerScope.outside(TextParser.parseModule(wat)));
  }
}

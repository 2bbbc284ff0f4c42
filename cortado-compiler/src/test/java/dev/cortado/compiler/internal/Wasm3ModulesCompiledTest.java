package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmValue;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Modules that show they are Wasm 3.0 in different places (declared types, or only instructions in
 * code) are compiled whole, and behave as in the interpreter: typed function references and
 * exception handling. (GC: {@code CompiledGcTest}.)
 */
class Wasm3ModulesCompiledTest {
  private static final String TYPED_REFERENCES =
      """
      (module
        (type $t (func (result i32)))
        (func $seven (type $t) (i32.const 7))
        (func (export "f") (result i32) (local $r (ref null $t))
          (i32.add (call $seven) (i32.const 35))))
      """;

  // Declares no typed reference type: only the instructions in code show the module is 3.0.
  private static final String TYPED_REFERENCE_INSTRUCTIONS_ON_FUNCREFS =
      """
      (module
        (table 2 funcref)
        (elem (i32.const 0) $seven)
        (func $seven (result i32) (i32.const 7))
        (func (export "non-null") (param i32) (result i32)
          (block $null
            (br_on_null $null (table.get (local.get 0)))
            (drop)
            (return (i32.const 1)))
          (i32.const 0))
        (func (export "as-non-null") (param i32) (result i32)
          (ref.is_null (ref.as_non_null (table.get (local.get 0))))))
      """;

  // No tag type or exnref anywhere: only the instructions show the module uses exceptions.
  private static final String EXCEPTIONS_IN_CODE_ONLY =
      """
      (module
        (func $fails (result i32) (throw_ref (ref.null exn)))
        (func (export "f") (result i32)
          (block $h
            (try_table (result i32) (catch_all $h) (call $fails))
            (return))
          (i32.const 42)))
      """;

  private static final String EXCEPTIONS =
      """
      (module
        (tag $t (param i32))
        (func $throws (param i32) (throw $t (i32.add (local.get 0) (i32.const 2))))
        (func (export "f") (result i32)
          (block $h (result i32)
            (try_table (catch $t $h) (call $throws (i32.const 40)))
            (i32.const -1))))
      """;

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"COMPILER", "AUTO"})
  void aModuleUsingExceptionsIsCompiled(ExecutionEngine kind) {
    Fixtures.assertEveryFunctionCompiled(EXCEPTIONS);
    Instance i = Fixtures.eagerInstance(kind, EXCEPTIONS);
    assertEquals(42, i.func("f").orElseThrow().asIntSupplier().getAsInt());
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"COMPILER", "AUTO"})
  void aModuleUsingExceptionInstructionsOnlyIsCompiledAndCatchesNoTrap(ExecutionEngine kind) {
    Fixtures.assertEveryFunctionCompiled(EXCEPTIONS_IN_CODE_ONLY);
    // Traps are not caught: throw_ref of null traps through the catch_all.
    Instance i = Fixtures.eagerInstance(kind, EXCEPTIONS_IN_CODE_ONLY);
    Trap t = assertThrows(Trap.class, () -> i.func("f").orElseThrow().asIntSupplier().getAsInt());
    assertEquals(TrapKind.NULL_REFERENCE, t.kind());
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"COMPILER", "AUTO"})
  void aModuleWithTypedReferencesOrTheirInstructionsIsCompiled(ExecutionEngine kind) {
    Fixtures.assertEveryFunctionCompiled(TYPED_REFERENCES);
    Instance i = Fixtures.eagerInstance(kind, TYPED_REFERENCES);
    assertEquals(42, i.func("f").orElseThrow().asIntSupplier().getAsInt());
    runsTypedReferenceInstructionsOnFuncrefs(kind);
  }

  private static void runsTypedReferenceInstructionsOnFuncrefs(ExecutionEngine kind) {
    Instance i = Fixtures.eagerInstance(kind, TYPED_REFERENCE_INSTRUCTIONS_ON_FUNCREFS);
    Func nonNull = i.func("non-null").orElseThrow();
    assertEquals(List.of(WasmValue.i32(1)), nonNull.call(WasmValue.i32(0)));
    assertEquals(List.of(WasmValue.i32(0)), nonNull.call(WasmValue.i32(1)));
    Func asNonNull = i.func("as-non-null").orElseThrow();
    assertEquals(List.of(WasmValue.i32(0)), asNonNull.call(WasmValue.i32(0)));
    Trap t = assertThrows(Trap.class, () -> asNonNull.call(WasmValue.i32(1)));
    assertEquals(TrapKind.NULL_REFERENCE, t.kind());
  }
}

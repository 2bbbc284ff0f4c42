package dev.cortado.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmValue;
import dev.cortado.runtime.internal.compiled.CompilerScope;
import dev.cortado.wasm.text.TextParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@code CompilerScope} lets the compiler take: modules using typed function references,
 * exception handling or GC are compiled (and behave as in the interpreter); a module declaring a
 * struct of v128 runs in the interpreter.
 */
class CompilerScopeTest {
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

  private static final String GC =
      """
      (module
        (type $box (struct (field i32)))
        (func (export "f") (result i32)
          (struct.get $box 0 (struct.new $box (i32.const 42)))))
      """;

  private static final String VECTOR_FIELDS =
      """
      (module
        (type $box (struct (field i32) (field v128)))
        (func (export "f") (result i32)
          (struct.get $box 0 (struct.new $box (i32.const 42) (v128.const i64x2 1 2)))))
      """;

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"COMPILER", "AUTO"})
  void aModuleUsingExceptionsIsCompiled(ExecutionEngine kind) {
    assertEquals(Optional.empty(), CompilerScope.outside(TextParser.parseModule(EXCEPTIONS)));
    Instance i = instantiate(kind, EXCEPTIONS);
    assertEquals(42, i.func("f").orElseThrow().asIntSupplier().getAsInt());
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"COMPILER", "AUTO"})
  void aModuleUsingExceptionInstructionsOnlyIsCompiledAndCatchesNoTrap(ExecutionEngine kind) {
    assertEquals(
        Optional.empty(), CompilerScope.outside(TextParser.parseModule(EXCEPTIONS_IN_CODE_ONLY)));
    // Traps are not caught: throw_ref of null traps through the catch_all.
    Instance i = instantiate(kind, EXCEPTIONS_IN_CODE_ONLY);
    Trap t = assertThrows(Trap.class, () -> i.func("f").orElseThrow().asIntSupplier().getAsInt());
    assertEquals(TrapKind.NULL_REFERENCE, t.kind());
  }

  private static Instance instantiate(ExecutionEngine kind, String wat) {
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(kind)
                .withEagerTierUp(true)
                .withoutCodeCache());
    return Linker.create().instantiate(Store.create(engine), Module.compileText(engine, wat));
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"COMPILER", "AUTO"})
  void aModuleWithTypedReferencesOrTheirInstructionsIsCompiled(ExecutionEngine kind) {
    assertEquals(Optional.empty(), CompilerScope.outside(TextParser.parseModule(TYPED_REFERENCES)));
    Instance i = instantiate(kind, TYPED_REFERENCES);
    assertEquals(42, i.func("f").orElseThrow().asIntSupplier().getAsInt());
    runsTypedReferenceInstructionsOnFuncrefs(kind);
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"COMPILER", "AUTO"})
  void aModuleUsingGcIsCompiled(ExecutionEngine kind) {
    assertEquals(Optional.empty(), CompilerScope.outside(TextParser.parseModule(GC)));
    Instance i = instantiate(kind, GC);
    assertEquals(42, i.func("f").orElseThrow().asIntSupplier().getAsInt());
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"COMPILER", "AUTO"})
  void aModuleDeclaringAStructOfVectorsRunsInTheInterpreter(ExecutionEngine kind) {
    assertEquals(
        Optional.of("it declares type 0, a struct or array of v128 values (Wasm 3.0 GC)"),
        CompilerScope.outside(TextParser.parseModule(VECTOR_FIELDS)));
    Instance i = instantiate(kind, VECTOR_FIELDS);
    assertEquals(42, i.func("f").orElseThrow().asIntSupplier().getAsInt());
  }

  private static void runsTypedReferenceInstructionsOnFuncrefs(ExecutionEngine kind) {
    Instance i = instantiate(kind, TYPED_REFERENCE_INSTRUCTIONS_ON_FUNCREFS);
    Func nonNull = i.func("non-null").orElseThrow();
    assertEquals(List.of(WasmValue.i32(1)), nonNull.call(WasmValue.i32(0)));
    assertEquals(List.of(WasmValue.i32(0)), nonNull.call(WasmValue.i32(1)));
    Func asNonNull = i.func("as-non-null").orElseThrow();
    assertEquals(List.of(WasmValue.i32(0)), asNonNull.call(WasmValue.i32(0)));
    Trap t = assertThrows(Trap.class, () -> asNonNull.call(WasmValue.i32(1)));
    assertEquals(TrapKind.NULL_REFERENCE, t.kind());
  }
}

package dev.cortado.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A module using Wasm 3.0 types or exception handling, which the compiler does not handle yet, runs
 * in the interpreter.
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
  void aModuleWithTypedReferencesRunsInTheInterpreter(ExecutionEngine kind) {
    assertEquals(42, run(kind, TYPED_REFERENCES));
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"COMPILER", "AUTO"})
  void aModuleUsingExceptionsRunsInTheInterpreter(ExecutionEngine kind) {
    assertEquals(42, run(kind, EXCEPTIONS));
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"COMPILER", "AUTO"})
  void aModuleUsingExceptionInstructionsOnlyRunsInTheInterpreter(ExecutionEngine kind) {
    // Traps are not caught: throw_ref of null traps through the catch_all.
    Trap t = assertThrows(Trap.class, () -> run(kind, EXCEPTIONS_IN_CODE_ONLY));
    assertEquals(TrapKind.NULL_REFERENCE, t.kind());
  }

  private static int run(ExecutionEngine kind, String wat) {
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(kind)
                .withEagerTierUp(true)
                .withoutCodeCache());
    Instance i = Linker.create().instantiate(Store.create(engine), Module.compileText(engine, wat));
    return i.func("f").orElseThrow().asIntSupplier().getAsInt();
  }
}

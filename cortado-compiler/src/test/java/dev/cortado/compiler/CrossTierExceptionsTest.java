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
import dev.cortado.runtime.StoreConfig;
import dev.cortado.runtime.Tag;
import dev.cortado.runtime.UncaughtException;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * WebAssembly exceptions between interpreted and compiled code, both ways, through host functions,
 * and out to the host. The interpreted module declares a GC type, which keeps it in the interpreter
 * under the compiler; the others are compiled.
 */
class CrossTierExceptionsTest {
  /** Compiled: the tag, and a function throwing it. */
  private static final String THROWER =
      """
      (module
        (tag $e (export "e") (param i32 i64))
        (func (export "throw") (param i32)
          (throw $e (local.get 0) (i64.mul (i64.extend_i32_u (local.get 0)) (i64.const 2)))))
      """;

  /** Interpreted (its struct type keeps it there): throws, and catches what compiled code threw. */
  private static final String INTERPRETED =
      """
      (module
        (type $pin (struct))
        (import "thrower" "e" (tag $e (param i32 i64)))
        (import "thrower" "throw" (func $throw (param i32)))
        (func (export "throw") (param i32)
          (throw $e (local.get 0) (i64.const 100)))
        (func (export "catchCompiled") (param i32) (result i64) (local $y i64)
          (block $h (result i32 i64)
            (try_table (catch $e $h) (call $throw (local.get 0)))
            (return (i64.const -1)))
          (local.set $y)
          (i64.add (i64.extend_i32_u) (local.get $y))))
      """;

  /** Compiled: catches what interpreted code and host functions threw. */
  private static final String CATCHER =
      """
      (module
        (import "thrower" "e" (tag $e (param i32 i64)))
        (import "interpreted" "throw" (func $throwInterpreted (param i32)))
        (import "host" "throw" (func $throwHost (param i32)))
        (import "host" "callBack" (func $callBack (param i32)))
        (func $catching (param $how i32) (param $x i32) (result i64)
          (local $seen i64) (local $y i64)
          (local.set $seen (i64.const 1000))
          (block $h (result i32 i64)
            (try_table (catch $e $h)
              (local.set $seen (i64.const 2000))
              (if (i32.eqz (local.get $how))
                (then (call $throwInterpreted (local.get $x)))
                (else
                  (if (i32.eq (local.get $how) (i32.const 1))
                    (then (call $throwHost (local.get $x)))
                    (else (call $callBack (local.get $x)))))))
            (return (i64.const -1)))
          (local.set $y)
          ;; the write to $seen made before the throw is seen by the handler
          (i64.add (i64.add (i64.extend_i32_u) (local.get $y)) (local.get $seen)))
        (func (export "catchInterpreted") (param i32) (result i64)
          (call $catching (i32.const 0) (local.get 0)))
        (func (export "catchHost") (param i32) (result i64)
          (call $catching (i32.const 1) (local.get 0)))
        (func (export "catchThroughHost") (param i32) (result i64)
          (call $catching (i32.const 2) (local.get 0))))
      """;

  private static final FuncType I32_TO_NOTHING = FuncType.of(List.of(ValType.I32), List.of());

  private final Modules compiled =
      new Modules(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.COMPILER));
  private final Instance thrower = compiled.thrower;
  private final Instance interpreted = compiled.interpreted;
  private final Instance catcher = compiled.catcher;

  /** The three modules, instantiated in one store of an engine made with {@code config}. */
  private static final class Modules {
    final Instance thrower;
    final Instance interpreted;
    final Instance catcher;

    Modules(EngineConfig config) {
      Engine engine = Engine.create(config.withoutCodeCache());
      Store store = Store.create(engine, StoreConfig.defaults().withMaxCallDepth(64));
      Linker linker = Linker.create();
      thrower = linker.instantiate(store, Module.compileText(engine, THROWER));
      linker.define("thrower", thrower);
      interpreted = linker.instantiate(store, Module.compileText(engine, INTERPRETED));
      linker.define("interpreted", interpreted);
      Tag e = thrower.tag("e").orElseThrow();
      Func compiledThrow = thrower.func("throw").orElseThrow();
      linker.define(
          "host",
          "throw",
          I32_TO_NOTHING,
          (caller, args, results) -> {
            throw UncaughtException.of(
                e, List.of(WasmValue.i32(args.i32(0)), WasmValue.i64(args.i32(0) * 3L)));
          });
      // Lets an exception from the WebAssembly code it calls pass through it.
      linker.define(
          "host",
          "callBack",
          I32_TO_NOTHING,
          (caller, args, results) -> compiledThrow.call(WasmValue.i32(args.i32(0))));
      catcher = linker.instantiate(store, Module.compileText(engine, CATCHER));
    }
  }

  private static long call(Instance i, String name, int arg) {
    return ((WasmValue.I64) i.func(name).orElseThrow().call(WasmValue.i32(arg)).get(0)).value();
  }

  @Test
  void anExceptionThrownInInterpretedCodeIsCaughtInCompiledCode() {
    assertEquals(2000 + 5 + 100, call(catcher, "catchInterpreted", 5));
  }

  @Test
  void anExceptionThrownInCompiledCodeIsCaughtInInterpretedCode() {
    assertEquals(7 + 14, call(interpreted, "catchCompiled", 7));
  }

  @Test
  void anExceptionAHostFunctionThrowsIsCaughtInCompiledCode() {
    assertEquals(2000 + 4 + 12, call(catcher, "catchHost", 4));
  }

  @Test
  void anExceptionCrossesAHostFunctionBetweenCompiledFrames() {
    assertEquals(2000 + 6 + 12, call(catcher, "catchThroughHost", 6));
  }

  @Test
  void anUncaughtExceptionFromCompiledCodeReachesTheHostWithItsTagAndValues() {
    Func f = thrower.func("throw").orElseThrow();
    UncaughtException u = assertThrows(UncaughtException.class, () -> f.call(WasmValue.i32(9)));
    assertEquals(thrower.tag("e").orElseThrow(), u.tag());
    assertEquals(List.of(WasmValue.i32(9), WasmValue.i64(18)), u.payload());
  }

  @Test
  void exceptionsCrossTiersWhileFunctionsTierUp() {
    Modules tiered =
        new Modules(
            EngineConfig.defaults()
                .withExecutionEngine(ExecutionEngine.AUTO)
                .withEagerTierUp(true)
                .withCompileFirstBelow(0));
    // Thousands of throws while the background compiler swaps functions in under the calls.
    for (int i = 0; i < 3_000; i++) {
      assertEquals(2000 + i + 100, call(tiered.catcher, "catchInterpreted", i));
      assertEquals(i + 2L * i, call(tiered.interpreted, "catchCompiled", i));
      assertEquals(2000 + i + 3L * i, call(tiered.catcher, "catchHost", i));
      assertEquals(2000 + i + 2L * i, call(tiered.catcher, "catchThroughHost", i));
    }
  }
}

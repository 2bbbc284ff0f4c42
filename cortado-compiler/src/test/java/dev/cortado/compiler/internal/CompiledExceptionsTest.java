package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.UncaughtException;
import dev.cortado.runtime.WasmValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exception handling in compiled code where the JVM's handlers need care: values below a try on the
 * operand stack (the handler starts on an empty JVM stack), vectors in an exception, handlers in
 * loops, {@code catch_ref} with {@code throw_ref}, and legacy {@code delegate} and {@code rethrow}.
 */
class CompiledExceptionsTest {
  private static final String WAT =
      """
      (module
        (tag $e (param i32))
        (tag $v (param v128 i64))
        (func $throw (param i32) (throw $e (local.get 0)))
        (func (export "belowTheTry") (param i32) (result i32)
          ;; 1000 and 200 wait on the operand stack while the try's body throws
          (i32.add (i32.const 1000)
            (i32.add (i32.const 200)
              (block $h (result i32)
                (try_table (result i32) (catch $e $h)
                  (call $throw (local.get 0))
                  (i32.const -1))))))
        (func (export "vector") (result i64) (local $x i64)
          (block $h (result v128 i64)
            (try_table (catch $v $h)
              (throw $v (v128.const i64x2 5 7) (i64.const 11)))
            (unreachable))
          (local.set $x)
          (i64.add (i64x2.extract_lane 1) (local.get $x)))
        (func (export "loop") (param $n i32) (result i32) (local $i i32) (local $sum i32)
          (loop $next
            (block $h (result i32)
              (try_table (catch $e $h)
                (if (i32.and (local.get $i) (i32.const 1))
                  (then (call $throw (local.get $i))))
                (local.set $sum (i32.add (local.get $sum) (i32.const 1000))))
              (i32.const 0))
            (local.set $sum (i32.add (local.get $sum)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
          (local.get $sum))
        (func (export "rethrowRef") (param i32) (result i32)
          (block $outer (result i32)
            (try_table (result i32) (catch $e $outer)
              (block $inner (result exnref)
                (try_table (catch_all_ref $inner) (call $throw (local.get 0)))
                (unreachable))
              (throw_ref))))
        (func (export "delegateToBlock") (param i32) (result i32)
          (try (result i32)
            (do
              (block $b
                (try (do (call $throw (local.get 0))) (delegate $b)))
              (i32.const -1))
            (catch $e (i32.add (i32.const 50)))))
        (func (export "delegateOut") (param i32)
          (try (do (call $throw (local.get 0))) (delegate 0)))
        (func (export "rethrowCaught") (param i32) (result i32)
          (try (result i32)
            (do
              (try (result i32)
                (do (call $throw (local.get 0)) (i32.const -1))
                (catch_all (rethrow 0))))
            (catch $e (i32.mul (i32.const 2))))))
      """;

  private static Instance instance() {
    Engine engine = Fixtures.compilerEngine();
    return Linker.create().instantiate(Store.create(engine), Module.compileText(engine, WAT));
  }

  private static int i32(Instance i, String name, int arg) {
    return ((WasmValue.I32) i.func(name).orElseThrow().call(WasmValue.i32(arg)).get(0)).value();
  }

  @Test
  void everyFunctionIsCompiled() {
    Fixtures.assertEveryFunctionCompiled(WAT);
  }

  @Test
  void valuesBelowATryOnTheOperandStackSurviveTheCatch() {
    assertEquals(1000 + 200 + 7, i32(instance(), "belowTheTry", 7));
  }

  @Test
  void anExceptionCarriesAVector() {
    Func f = instance().func("vector").orElseThrow();
    assertEquals(List.of(WasmValue.i64(7 + 11)), f.call());
  }

  @Test
  void aHandlerInALoopCatchesEveryOtherRoundAndKeepsTheLocalsWrittenBeforeTheThrow() {
    // Even rounds add 1000; odd rounds throw their index, which is added.
    assertEquals(5 * 1000 + (1 + 3 + 5 + 7 + 9), i32(instance(), "loop", 10));
  }

  @Test
  void anExceptionCaughtByReferenceIsThrownAgainToTheOuterHandler() {
    assertEquals(33, i32(instance(), "rethrowRef", 33));
  }

  @Test
  void delegateHandsTheExceptionToTheHandlersAroundItsLabel() {
    assertEquals(50 + 4, i32(instance(), "delegateToBlock", 4));
  }

  @Test
  void delegateToTheFunctionLabelLetsTheExceptionOut() {
    Func f = instance().func("delegateOut").orElseThrow();
    UncaughtException u = assertThrows(UncaughtException.class, () -> f.call(WasmValue.i32(8)));
    assertEquals(List.of(WasmValue.i32(8)), u.payload());
  }

  @Test
  void rethrowThrowsTheCaughtExceptionToTheEnclosingTry() {
    assertEquals(2 * 21, i32(instance(), "rethrowCaught", 21));
  }
}

package dev.cortado.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.ExhaustionException;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.StoreConfig;
import dev.cortado.runtime.TrapKind;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Exceptions and deep recursion in compiled code: an exception thrown thousands of frames down is
 * caught at the top, and recursion without end under {@code catch_all} handlers ends in exhaustion
 * (which no handler catches), never in a {@code StackOverflowError}, on any thread stack.
 */
class DeepRecursionExceptionsTest {
  private static final String WAT =
      """
      (module
        (tag $done (param i32))
        (func $down (param i32)
          (if (i32.eqz (local.get 0)) (then (throw $done (i32.const 42))))
          (call $down (i32.sub (local.get 0) (i32.const 1))))
        (func (export "throwFromDepth") (param i32) (result i32)
          (block $h (result i32)
            (try_table (catch $done $h) (call $down (local.get 0)))
            (i32.const -1)))
        (func $forever (param i32) (result i32)
          (block $h
            (try_table (catch_all $h)
              (return (call $forever (i32.add (local.get 0) (i32.const 1))))))
          (i32.const -2))
        (func (export "forever") (result i32) (call $forever (i32.const 0))))
      """;

  private static Instance instantiate(int maxCallDepth) {
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(ExecutionEngine.COMPILER)
                .withoutCodeCache());
    Store store = Store.create(engine, StoreConfig.defaults().withMaxCallDepth(maxCallDepth));
    return Linker.create().instantiate(store, Module.compileText(engine, WAT));
  }

  @Test
  void anExceptionThrownThousandsOfCompiledFramesDownIsCaughtAtTheTop() {
    Instance i = instantiate(10_000);
    assertEquals(42, i.func("throwFromDepth").orElseThrow().asIntUnary().applyAsInt(3_000));
  }

  @Test
  void endlessRecursionUnderCatchAllEndsInExhaustionAndTheStoreStaysUsable() {
    Instance i = instantiate(5_000);
    ExhaustionException e =
        assertThrows(
            ExhaustionException.class,
            () -> i.func("forever").orElseThrow().asIntSupplier().getAsInt());
    assertEquals(TrapKind.CALL_STACK_EXHAUSTED, e.kind());
    // The depth count was reset: a deep throw and catch still fits.
    assertEquals(42, i.func("throwFromDepth").orElseThrow().asIntUnary().applyAsInt(3_000));
  }

  @Test
  void onASmallThreadStackEndlessRecursionUnderCatchAllEndsInExhaustion() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                instantiate(1_000_000).func("forever").orElseThrow().asIntSupplier().getAsInt();
              } catch (Throwable t) {
                thrown.set(t);
              }
            },
            "small-stack",
            256 * 1024);
    small.start();
    small.join();
    assertTrue(thrown.get() instanceof ExhaustionException, String.valueOf(thrown.get()));
  }
}

package dev.cortado.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.StoreConfig;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A WebAssembly exception unwinds through compiled frames: an interpreted module (it uses
 * exceptions) calls a compiled one, which calls another interpreted module that throws.
 */
class ExceptionsThroughCompiledCodeTest {
  private static final String THROWER =
      """
      (module
        (tag $t (export "t") (param i32))
        (func (export "thrower") (param i32) (result i32) (throw $t (local.get 0))))
      """;

  private static final String COMPILED =
      """
      (module
        (import "thrower" "thrower" (func $thrower (param i32) (result i32)))
        (func (export "middle") (param i32) (result i32)
          (i32.add (call $thrower (i32.add (local.get 0) (i32.const 1))) (i32.const 1000))))
      """;

  private static final String CATCHER =
      """
      (module
        (import "thrower" "t" (tag $t (param i32)))
        (import "compiled" "middle" (func $middle (param i32) (result i32)))
        (func $once (param i32) (result i32)
          (block $h (result i32)
            (try_table (result i32) (catch $t $h) (call $middle (local.get 0)))
            (return)))
        (func (export "catcher") (param $n i32) (result i32)
          (local $i i32) (local $sum i32)
          (loop $l
            (local.set $sum (i32.add (local.get $sum) (call $once (local.get $i))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
          (local.get $sum)))
      """;

  @Test
  void anExceptionCrossesCompiledFramesWithoutLeakingTheirDepth() {
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(ExecutionEngine.COMPILER)
                .withoutCodeCache());
    // Were the compiled frames the exceptions left still counted, the loop would run out of this
    // depth.
    Store store = Store.create(engine, StoreConfig.defaults().withMaxCallDepth(16));
    Linker linker = Linker.create();
    linker.define("thrower", linker.instantiate(store, Module.compileText(engine, THROWER)));
    linker.define("compiled", linker.instantiate(store, Module.compileText(engine, COMPILED)));
    IntUnaryOperator catcher =
        linker
            .instantiate(store, Module.compileText(engine, CATCHER))
            .func("catcher")
            .orElseThrow()
            .asIntUnary();
    // One call from the host: 100 exceptions caught inside it.
    assertEquals(5050, catcher.applyAsInt(100));
  }
}

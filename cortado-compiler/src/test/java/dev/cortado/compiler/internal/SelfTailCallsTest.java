package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.StoreConfig;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function whose tail calls are all of itself is compiled, its tail calls jumps back to its
 * start: constant space, fresh zeroed locals each time, values below the arguments dropped.
 */
class SelfTailCallsTest {
  private static final String WAT =
      """
      (module
        ;; sum(n, acc): acc + n + (n-1) + ... + 1, by tail calls from inside a loop and blocks
        ;; with values on the stack below the arguments; $fresh must read 0 every time.
        (func $sum (export "sum") (param $n i64) (param $acc i64) (result i64) (local $fresh i64)
          (if (i64.ne (local.get $fresh) (i64.const 0)) (then unreachable))
          (local.set $fresh (i64.const 99))
          (if (i64.eqz (local.get $n)) (then (return (local.get $acc))))
          (i64.add
            (i64.const 12345)
            (loop $l (result i64)
              (i64.const 777)
              (return_call $sum
                (i64.sub (local.get $n) (i64.const 1))
                (i64.add (local.get $acc) (local.get $n))))))
        (func $div (export "div") (param $n i32) (param $d i32) (result i32)
          (if (i32.eqz (local.get $n)) (then (return (i32.div_u (i32.const 1) (local.get $d)))))
          (return_call $div (i32.sub (local.get $n) (i32.const 1)) (local.get $d))))
      """;

  private static Instance instance(Store store) {
    return Linker.create().instantiate(store, Module.compileText(store.engine(), WAT));
  }

  private static Store store(StoreConfig config) {
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(ExecutionEngine.COMPILER)
                .withoutCodeCache());
    return Store.create(engine, config);
  }

  @Test
  void bothFunctionsAreCompiled() {
    var module = Validator.validate(TextParser.parseModule(WAT));
    assertEquals(2, ModuleClasses.emit(module, "ab".repeat(32)).compiled().cardinality());
  }

  @Test
  void tenMillionTailCallsRunUnderACallDepthLimitOfFour() {
    Instance i = instance(store(StoreConfig.defaults().withMaxCallDepth(4)));
    long n = 10_000_000;
    assertEquals(
        List.of(WasmValue.i64(n * (n + 1) / 2)),
        i.func("sum").orElseThrow().call(WasmValue.i64(n), WasmValue.i64(0)));
  }

  @Test
  void fuelIsSpentAtEveryTailCall() {
    Store store = store(StoreConfig.defaults());
    Instance i = instance(store);
    store.setFuel(1_000);
    assertThrows(
        ExecutionInterruptedException.class,
        () -> i.func("sum").orElseThrow().call(WasmValue.i64(1_000_000), WasmValue.i64(0)));
  }

  @Test
  void aTrapAfterTailCallsShowsOneFrame() {
    Instance i = instance(store(StoreConfig.defaults()));
    Trap t =
        assertThrows(
            Trap.class,
            () -> i.func("div").orElseThrow().call(WasmValue.i32(100), WasmValue.i32(0)));
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, t.kind());
    assertEquals(1, t.wasmStackTrace().size(), t.describe());
    assertTrue(t.wasmStackTrace().get(0).functionIndex() == 1, t.describe());
  }
}

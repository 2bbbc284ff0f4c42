package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.RefType;
import dev.cortado.wasm.V128;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FuncTest {
  private final Engine engine = Engine.create();
  private final Store store = Store.create(engine);

  private Instance instantiate(String wat) {
    return Linker.create().instantiate(store, Module.compileText(engine, wat));
  }

  @Test
  void passesAndReturnsValuesOfEveryType() {
    Instance i =
        instantiate(
            """
            (module
              (func (export "id") (param i32 i64 f32 f64 v128 externref funcref)
                    (result i32 i64 f32 f64 v128 externref funcref)
                local.get 0 local.get 1 local.get 2 local.get 3
                local.get 4 local.get 5 local.get 6))
            """);
    Func id = i.func("id").orElseThrow();
    Object host = new Object();
    List<WasmValue> args =
        List.of(
            WasmValue.i32(-7),
            WasmValue.i64(Long.MIN_VALUE),
            new WasmValue.F32(0x7fa0_0001), // a signalling NaN: the bits must survive
            WasmValue.f64(-0.0),
            WasmValue.v128(new V128(1, -2)),
            WasmValue.externRef(host),
            new WasmValue.FuncRef(Optional.of(id)));
    List<WasmValue> results = id.call(args.toArray(WasmValue[]::new));
    assertEquals(args, results);
  }

  @Test
  void returnsNullReferencesAsEmpty() {
    Instance i = instantiate("(module (func (export \"n\") (result externref) ref.null extern))");
    assertEquals(WasmValue.nullRef(RefType.EXTERNREF), i.func("n").orElseThrow().call().get(0));
  }

  @Test
  void rejectsArgumentsOfTheWrongNumberOrType() {
    Func f = instantiate("(module (func (export \"f\") (param i32)))").func("f").orElseThrow();
    assertThrows(IllegalArgumentException.class, f::call);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> f.call(WasmValue.i64(1)));
    assertTrue(e.getMessage().contains("argument 0 must be i32"), e.getMessage());
  }

  @Test
  void typedViewsCallWithoutBoxing() {
    Instance i =
        instantiate(
            """
            (module
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "sq") (param f64) (result f64) (f64.mul (local.get 0) (local.get 0)))
              (func (export "neg") (param i64) (result i64) (i64.sub (i64.const 0) (local.get 0))))
            """);
    assertEquals(5, i.func("add").orElseThrow().asIntBinary().applyAsInt(2, 3));
    assertEquals(2.25, i.func("sq").orElseThrow().asDoubleUnary().applyAsDouble(1.5));
    assertEquals(-9, i.func("neg").orElseThrow().asLongUnary().applyAsLong(9));
  }

  @Test
  void typedViewsCheckTheSignature() {
    Func add =
        instantiate("(module (func (export \"f\") (param i32 i32) (result i32) i32.const 0))")
            .func("f")
            .orElseThrow();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, add::asIntUnary);
    assertTrue(e.getMessage().contains("(func (param i32) (param i32) (result i32))"));
  }

  @Test
  void aFuncFromATableIsTheSameFunction() {
    Instance i =
        instantiate(
            """
            (module
              (table (export "t") 1 funcref)
              (func $f (export "f"))
              (elem (i32.const 0) $f))
            """);
    WasmValue element = i.table("t").orElseThrow().get(0);
    assertEquals(new WasmValue.FuncRef(Optional.of(i.func("f").orElseThrow())), element);
    assertSame(store, i.func("f").orElseThrow().store());
  }

  @Test
  void aStoreRunsOnOneThreadAtATime() throws Exception {
    Linker linker = Linker.create();
    var entered = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    linker.define(
        "env",
        "wait",
        dev.cortado.wasm.FuncType.EMPTY,
        (caller, args, results) -> {
          entered.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    Instance i =
        linker.instantiate(
            store,
            Module.compileText(
                engine,
                "(module (import \"env\" \"wait\" (func $w)) (func (export \"run\") call $w)"
                    + " (func (export \"other\")))"));
    Thread t = new Thread(() -> i.func("run").orElseThrow().call());
    t.start();
    entered.await();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> i.func("other").orElseThrow().call());
    assertTrue(e.getMessage().contains("one thread at a time"), e.getMessage());
    release.countDown();
    t.join();
    i.func("other").orElseThrow().call();
  }
}

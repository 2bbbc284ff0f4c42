package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.FuncType;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Closing a store: nothing runs in it or reads its memories afterwards, and its memories' space,
 * reused by new stores, comes to them zeroed, with only their own data segments.
 */
class StoreCloseTest {
  private final Engine engine = Engine.create();

  // Two pages; "fill" writes a byte everywhere; "sum" adds every byte; data at 100.
  private final Module module =
      Module.compileText(
          engine,
          """
          (module
            (import "env" "hook" (func $hook))
            (memory (export "memory") 2)
            (data (i32.const 100) "\\07\\07")
            (func (export "fill") (param $v i32)
              (memory.fill (i32.const 0) (local.get $v) (i32.mul (memory.size) (i32.const 65536))))
            (func (export "grow") (result i32) (memory.grow (i32.const 3)))
            (func (export "hook") (call $hook))
            (func (export "sum") (result i64)
              (local $i i32) (local $s i64)
              (block $done (loop $l
                (br_if $done (i32.ge_u (local.get $i) (i32.mul (memory.size) (i32.const 65536))))
                (local.set $s (i64.add (local.get $s) (i64.load8_u (local.get $i))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $l)))
              (local.get $s)))
          """);

  private Instance instantiate(Store store, Runnable hook) {
    Linker linker = Linker.create();
    linker.define("env", "hook", FuncType.of(List.of(), List.of()), (c, a, r) -> hook.run());
    return linker.instantiate(store, module);
  }

  private static long sum(Instance i) {
    return ((WasmValue.I64) i.func("sum").orElseThrow().call().get(0)).value();
  }

  @Test
  void aClosedStoreRunsNothingAndItsMemoryCannotBeRead() {
    Store store = Store.create(engine);
    Instance i = instantiate(store, () -> {});
    Memory memory = i.memory("memory").orElseThrow();
    store.close();
    store.close();
    IllegalStateException call =
        assertThrows(IllegalStateException.class, () -> i.func("sum").orElseThrow().call());
    assertTrue(call.getMessage().contains("closed"), call.getMessage());
    assertThrows(IllegalStateException.class, () -> memory.readByte(100));
    assertThrows(IllegalStateException.class, () -> memory.write(0, new byte[] {1}));
    assertThrows(IllegalStateException.class, memory::size);
    assertThrows(IllegalStateException.class, () -> instantiate(store, () -> {}));
  }

  @Test
  void newStoresGetZeroedMemoriesWithOnlyTheirOwnData() {
    for (int round = 0; round < 20; round++) {
      Store store = Store.create(engine);
      Instance i = instantiate(store, () -> {});
      assertEquals(14, sum(i), "round " + round + ": the data segment alone");
      Memory m = i.memory("memory").orElseThrow();
      assertArrayEquals(new byte[] {0, 7, 7, 0}, m.read(99, 4));
      i.func("fill").orElseThrow().call(WasmValue.i32(0xAB));
      if (round % 3 == 1) {
        assertEquals(2, ((WasmValue.I32) i.func("grow").orElseThrow().call().get(0)).value());
        i.func("fill").orElseThrow().call(WasmValue.i32(0xCD));
      }
      store.close();
    }
  }

  @Test
  void aHostFunctionCannotCloseTheStoreItRunsIn() {
    Store store = Store.create(engine);
    AtomicReference<RuntimeException> refused = new AtomicReference<>();
    Instance i =
        instantiate(
            store,
            () -> {
              try {
                store.close();
              } catch (IllegalStateException e) {
                refused.set(e);
              }
            });
    i.func("hook").orElseThrow().call();
    assertTrue(refused.get().getMessage().contains("its own code"), refused.get().getMessage());
    assertEquals(14, sum(i), "the store still runs");
  }

  @Test
  void closingWhileAnotherThreadRunsCodeIsRefused() throws Exception {
    Store store = Store.create(engine);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Instance i =
        instantiate(
            store,
            () -> {
              inside.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Thread runner = new Thread(() -> i.func("hook").orElseThrow().call());
    runner.start();
    inside.await();
    IllegalStateException e = assertThrows(IllegalStateException.class, store::close);
    assertTrue(e.getMessage().contains("running code"), e.getMessage());
    release.countDown();
    runner.join();
    store.close();
    assertThrows(IllegalStateException.class, () -> i.func("sum").orElseThrow().call());
  }
}

package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LimitsTest {
  private static final String LOOPS =
      """
      (module
        (func $down (export "down") (param i32) (result i32)
          (if (result i32) (i32.eqz (local.get 0))
            (then (i32.const 0))
            (else (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1)))))))
        (func (export "forever") (loop $l (br $l)))
        (func (export "count") (param i32) (result i32) (local $i i32)
          (loop $l
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $l (i32.lt_u (local.get $i) (local.get 0))))
          (local.get $i)))
      """;

  private final Engine engine = Engine.create();

  private Instance instance(Store store) {
    return Linker.create().instantiate(store, Module.compileText(engine, LOOPS));
  }

  @Test
  void deepRecursionIsExhaustionNotAStackOverflowEvenOnATinyThreadStack() throws Exception {
    Store store = Store.create(engine, StoreConfig.defaults().withMaxCallDepth(100_000));
    Func down = instance(store).func("down").orElseThrow();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<List<WasmValue>> deepButAllowed = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              deepButAllowed.set(down.call(WasmValue.i32(90_000)));
              try {
                down.call(WasmValue.i32(200_000));
              } catch (Throwable e) {
                thrown.set(e);
              }
            },
            "tiny-stack",
            64 * 1024);
    t.start();
    t.join();
    assertEquals(List.of(WasmValue.i32(90_000)), deepButAllowed.get());
    Trap trap = assertInstanceOf(ExhaustionException.class, thrown.get());
    assertEquals(TrapKind.CALL_STACK_EXHAUSTED, trap.kind());
  }

  @Test
  void theCallDepthLimitIsConfigurable() {
    Store store = Store.create(engine, StoreConfig.defaults().withMaxCallDepth(50));
    Func down = instance(store).func("down").orElseThrow();
    assertEquals(List.of(WasmValue.i32(40)), down.call(WasmValue.i32(40)));
    assertThrows(ExhaustionException.class, () -> down.call(WasmValue.i32(60)));
  }

  @Test
  void runningOutOfFuelInterruptsAndAddingFuelContinues() {
    Store store = Store.create(engine);
    var count = instance(store).func("count").orElseThrow().asIntUnary();
    store.setFuel(1_000);
    ExecutionInterruptedException e =
        assertThrows(ExecutionInterruptedException.class, () -> count.applyAsInt(1_000_000));
    assertEquals(ExecutionInterruptedException.Reason.OUT_OF_FUEL, e.reason());
    assertEquals(0, store.fuel().orElseThrow());
    store.addFuel(10_000_000);
    assertEquals(1_000, count.applyAsInt(1_000));
    assertTrue(store.fuel().orElseThrow() < 10_000_000);
    store.disableFuel();
    assertTrue(store.fuel().isEmpty());
    assertEquals(1_000_000, count.applyAsInt(1_000_000));
  }

  @Test
  void aDeadlineStopsARunawayLoop() {
    Store store = Store.create(engine);
    Func forever = instance(store).func("forever").orElseThrow();
    store.setTimeout(Duration.ofMillis(20));
    ExecutionInterruptedException e =
        assertThrows(ExecutionInterruptedException.class, forever::call);
    assertEquals(ExecutionInterruptedException.Reason.DEADLINE, e.reason());
    store.clearDeadline();
  }

  @Test
  void anotherThreadCanInterruptARunawayLoop() throws Exception {
    Store store = Store.create(engine);
    Func forever = instance(store).func("forever").orElseThrow();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                forever.call();
              } catch (Throwable e) {
                thrown.set(e);
              }
            });
    t.start();
    Thread.sleep(50);
    long asked = System.nanoTime();
    store.interrupt();
    t.join(10_000);
    long stoppedMillis = (System.nanoTime() - asked) / 1_000_000;
    ExecutionInterruptedException e =
        assertInstanceOf(ExecutionInterruptedException.class, thrown.get());
    assertEquals(ExecutionInterruptedException.Reason.INTERRUPTED, e.reason());
    assertTrue(stoppedMillis < 5_000, "stopped after " + stoppedMillis + " ms");
  }

  @Test
  void tableGrowthStopsAtTheStoresLimit() {
    Store store = Store.create(engine, StoreConfig.defaults().withMaxTableElements(5));
    Instance i =
        Linker.create()
            .instantiate(
                store,
                Module.compileText(
                    engine,
                    "(module (table 2 funcref) (func (export \"grow\") (param i32) (result i32)"
                        + " (table.grow (ref.null func) (local.get 0))))"));
    var grow = i.func("grow").orElseThrow().asIntUnary();
    assertEquals(2, grow.applyAsInt(3));
    assertEquals(-1, grow.applyAsInt(1));
  }
}

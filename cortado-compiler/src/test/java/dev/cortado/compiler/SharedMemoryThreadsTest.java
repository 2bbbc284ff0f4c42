package dev.cortado.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Memory;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.UnlinkableException;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Threads sharing a memory (the threads proposal) through the embedding API, on every engine: each
 * thread runs its own store, whose instance imports one shared memory, and the guest's atomic
 * instructions, {@code memory.atomic.wait32} and {@code notify} work across them.
 */
class SharedMemoryThreadsTest {
  private static final String WAT =
      """
      (module
        (import "env" "memory" (memory 1 2 shared))
        (func (export "count") (param $n i32)
          (loop $again
            (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))
            (drop (i32.atomic.rmw16.add_u (i32.const 8) (i32.const 1)))
            (drop (i64.atomic.rmw.add (i32.const 16) (i64.const 1)))
            (drop (i32.atomic.rmw8.add_u (i32.const 24) (i32.const 1)))
            ;; A spin lock at 40 around a plain increment of 32.
            (block $locked
              (loop $spin
                (br_if $locked
                  (i32.eqz (i32.atomic.rmw.cmpxchg (i32.const 40) (i32.const 0) (i32.const 1))))
                (br $spin)))
            (i32.store (i32.const 32) (i32.add (i32.load (i32.const 32)) (i32.const 1)))
            (i32.atomic.store (i32.const 40) (i32.const 0))
            (br_if $again (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
        (func (export "wait") (param $expected i32) (param $timeout i64) (result i32)
          (memory.atomic.wait32 (i32.const 64) (local.get $expected) (local.get $timeout)))
        (func (export "notify") (param $count i32) (result i32)
          (memory.atomic.notify (i32.const 64) (local.get $count)))
        (func (export "set") (param i32) (i32.atomic.store (i32.const 64) (local.get 0)))
        (func (export "grow") (result i32) (memory.grow (i32.const 1)))
        (func (export "readAfterFlag") (result i32)
          (block $set (loop $spin (br_if $set (i32.atomic.load (i32.const 128))) (br $spin)))
          (i32.load (i32.const 70000)))
        (func (export "growAndFlag")
          (drop (memory.grow (i32.const 1)))
          (i32.store (i32.const 70000) (i32.const 99))
          (i32.atomic.store (i32.const 128) (i32.const 1))))
      """;

  private static Engine engine(ExecutionEngine kind) {
    return Engine.create(
        EngineConfig.defaults().withExecutionEngine(kind).withEagerTierUp(true).withoutCodeCache());
  }

  private static Memory sharedMemory(Engine engine) {
    return Memory.create(
        Store.create(engine), new MemoryType(Limits.of(1, 2), AddressType.I32, true));
  }

  /** The module compiled for an engine of {@code kind}, and a shared memory for it to import. */
  private record Program(Engine engine, Module module, Memory memory) {
    /** A new store on this thread with an instance of the module, importing the memory. */
    Instance instance() {
      return SharedMemoryThreadsTest.instance(module, memory);
    }
  }

  private static Program program(ExecutionEngine kind) {
    Engine engine = engine(kind);
    return new Program(engine, Module.compileText(engine, WAT), sharedMemory(engine));
  }

  /** A new store on this thread with an instance of the module, importing {@code memory}. */
  /** Returns an instance of {@code wat}, importing nothing, in a store of its own. */
  private static Instance instance(ExecutionEngine kind, String wat) {
    Engine engine = engine(kind);
    return Linker.create().instantiate(Store.create(engine), Module.compileText(engine, wat));
  }

  private static Instance instance(Module module, Memory memory) {
    Linker linker = Linker.create().define("env", "memory", memory);
    return linker.instantiate(Store.create(module.engine()), module);
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void threadsUpdatingOneMemoryLoseNoUpdate(ExecutionEngine kind) throws Exception {
    Program p = program(kind);
    int threads = 4;
    int rounds = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        runs.add(
            pool.submit(
                () -> p.instance().func("count").orElseThrow().call(WasmValue.i32(rounds))));
      }
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    int total = threads * rounds;
    assertEquals(total, p.memory().readInt(0));
    assertEquals(total & 0xFFFF, p.memory().readShort(8) & 0xFFFF);
    assertEquals(total, p.memory().readLong(16));
    assertEquals(total & 0xFF, p.memory().readByte(24) & 0xFF);
    assertEquals(total, p.memory().readInt(32), "the increments the spin lock guarded");
    assertEquals(0, p.memory().readInt(40), "the lock is free");
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void aWaitingThreadWakesWhenAnotherNotifies(ExecutionEngine kind) throws Exception {
    Program p = program(kind);
    Instance main = p.instance();
    CompletableFuture<List<WasmValue>> waited =
        CompletableFuture.supplyAsync(
            () ->
                p.instance().func("wait").orElseThrow().call(WasmValue.i32(0), WasmValue.i64(-1)));
    // Notify until the waiter has queued and been woken: notify counts whom it woke.
    int woken = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (woken == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
      main.func("set").orElseThrow().call(WasmValue.i32(1));
      woken =
          ((WasmValue.I32) main.func("notify").orElseThrow().call(WasmValue.i32(-1)).get(0))
              .value();
    }
    assertEquals(1, woken);
    assertEquals(List.of(WasmValue.i32(0)), waited.get(30, TimeUnit.SECONDS), "0: woken");
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void aWaitEndsAtItsTimeoutOrAtOnceWhenTheValueDiffers(ExecutionEngine kind) {
    Instance i = program(kind).instance();
    long start = System.nanoTime();
    assertEquals(
        List.of(WasmValue.i32(2)),
        i.func("wait").orElseThrow().call(WasmValue.i32(0), WasmValue.i64(20_000_000)),
        "2: timed out");
    assertTrue(System.nanoTime() - start >= 20_000_000, "waited its 20 ms");
    assertEquals(
        List.of(WasmValue.i32(1)),
        i.func("wait").orElseThrow().call(WasmValue.i32(7), WasmValue.i64(-1)),
        "1: not equal, without waiting");
    assertEquals(List.of(WasmValue.i32(0)), i.func("notify").orElseThrow().call(WasmValue.i32(5)));
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void anInterruptedStoreStopsWaiting(ExecutionEngine kind) throws Exception {
    Program p = program(kind);
    Store store = Store.create(p.engine());
    Instance waiter =
        Linker.create().define("env", "memory", p.memory()).instantiate(store, p.module());
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Throwable> stopped =
        CompletableFuture.supplyAsync(
            () -> {
              started.countDown();
              try {
                waiter.func("wait").orElseThrow().call(WasmValue.i32(0), WasmValue.i64(-1));
                return null;
              } catch (ExecutionInterruptedException e) {
                return e;
              }
            });
    started.await();
    Thread.sleep(50);
    store.interrupt();
    assertTrue(
        stopped.get(30, TimeUnit.SECONDS) instanceof ExecutionInterruptedException,
        "the wait ends with the store's interruption");
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void waitingOnAnUnsharedMemoryTraps(ExecutionEngine kind) {
    Instance i =
        instance(
            kind,
            """
            (module (memory 1)
              (func (export "wait") (result i32)
                (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const 0))))
            """);
    Trap t = assertThrows(Trap.class, () -> i.func("wait").orElseThrow().call());
    assertEquals(TrapKind.EXPECTED_SHARED_MEMORY, t.kind());
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void aSharedMemoryGrowsInPlaceAndOutlivesTheStoreThatMadeIt(ExecutionEngine kind) {
    Program p = program(kind);
    Instance a = p.instance();
    Instance b = p.instance();
    a.func("set").orElseThrow().call(WasmValue.i32(42));
    assertEquals(List.of(WasmValue.i32(1)), b.func("grow").orElseThrow().call());
    assertEquals(2, p.memory().pages());
    p.memory().store().close();
    assertEquals(
        List.of(WasmValue.i32(1)),
        b.func("wait").orElseThrow().call(WasmValue.i32(0), WasmValue.i64(0)),
        "the value a stored is still there: 42, not 0");
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void aThreadSeesAnotherThreadsGrowthOnceItSynchronizes(ExecutionEngine kind) throws Exception {
    Program p = program(kind);
    // The reader enters its function while the memory has one page, then waits for the flag.
    CompletableFuture<List<WasmValue>> read =
        CompletableFuture.supplyAsync(
            () -> p.instance().func("readAfterFlag").orElseThrow().call());
    Thread.sleep(50);
    p.instance().func("growAndFlag").orElseThrow().call();
    assertEquals(List.of(WasmValue.i32(99)), read.get(30, TimeUnit.SECONDS));
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void aWideMemorysAtomicAccessBeyond4GiBIsOutOfBoundsNotUnaligned(ExecutionEngine kind) {
    Instance i =
        instance(
            kind,
            """
            (module (memory i64 1 1 shared)
              (func (export "load") (param i64) (result i32) (i32.atomic.load (local.get 0))))
            """);
    Trap far =
        assertThrows(Trap.class, () -> i.func("load").orElseThrow().call(WasmValue.i64(1L << 32)));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, far.kind());
    Trap odd = assertThrows(Trap.class, () -> i.func("load").orElseThrow().call(WasmValue.i64(1)));
    assertEquals(TrapKind.UNALIGNED_ATOMIC, odd.kind());
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void anUnsharedMemoryOfAnotherStoreStaysOutOfReach(ExecutionEngine kind) {
    Engine engine = engine(kind);
    Module module = Module.compileText(engine, "(module (import \"env\" \"memory\" (memory 1)))");
    Memory unshared = Memory.create(Store.create(engine), new MemoryType(Limits.of(1)));
    UnlinkableException e =
        assertThrows(
            UnlinkableException.class,
            () ->
                Linker.create()
                    .define("env", "memory", unshared)
                    .instantiate(Store.create(engine), module));
    assertTrue(e.getMessage().contains("another store"), e.getMessage());
  }
}

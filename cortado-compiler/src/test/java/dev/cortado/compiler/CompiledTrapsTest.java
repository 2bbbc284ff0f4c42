package dev.cortado.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.ExhaustionException;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.StoreConfig;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmStackFrame;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CompiledTrapsTest {
  private static final String RECURSION =
      """
      (module
        (func $inner (export "inner") (param i32) (result i32)
          (i32.div_s (i32.const 1) (local.get 0)))
        (func $outer (export "outer") (param i32) (result i32)
          (call $inner (local.get 0)))
        (func $deep (export "deep") (param i32) (result i32)
          (call $deep (i32.add (local.get 0) (i32.const 1)))))
      """;

  private final Engine engine =
      Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.COMPILER));

  private Instance instantiate(Store store, Linker linker, String wat) {
    return linker.instantiate(store, Module.compileText(engine, wat));
  }

  /**
   * Defines host function {@code host.name}, (i32) -> i32, which calls the function the returned
   * reference is set to, with its argument, and returns its result.
   */
  private static AtomicReference<Func> callingBack(Linker linker, String name) {
    AtomicReference<Func> target = new AtomicReference<>();
    linker.define(
        "host",
        name,
        FuncType.of(List.of(ValType.I32), List.of(ValType.I32)),
        (caller, args, results) ->
            results.setI32(
                0, ((WasmValue.I32) target.get().call(WasmValue.i32(args.i32(0))).get(0)).value()));
    return target;
  }

  private static List<Integer> functions(Trap t) {
    return t.wasmStackTrace().stream().map(WasmStackFrame::functionIndex).toList();
  }

  @Test
  void aTrapInCompiledCodeCarriesTheWebAssemblyFramesWithOffsets() {
    Store store = Store.create(engine);
    Func outer = instantiate(store, Linker.create(), RECURSION).func("outer").orElseThrow();
    Trap t = assertThrows(Trap.class, () -> outer.call(WasmValue.i32(0)));
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, t.kind());
    assertEquals(List.of(0, 1), functions(t));
    // Body-relative offsets of the division and the call: the same the interpreter reports.
    assertEquals(4, t.wasmStackTrace().get(0).offset());
    assertEquals(2, t.wasmStackTrace().get(1).offset());
  }

  @Test
  void framesOfEachLevelAppearOnceWhenTheHostCallsBackIntoWebAssembly() {
    Store store = Store.create(engine);
    Linker linker = Linker.create();
    AtomicReference<Func> callback = callingBack(linker, "reenter");
    Instance i =
        instantiate(
            store,
            linker,
            """
            (module
              (import "host" "reenter" (func $reenter (param i32) (result i32)))
              (func $div (export "div") (param i32) (result i32)
                (i32.div_u (i32.const 7) (local.get 0)))
              (func $viaHost (export "viaHost") (param i32) (result i32)
                (call $reenter (local.get 0))))
            """);
    callback.set(i.func("div").orElseThrow());
    Trap t = assertThrows(Trap.class, () -> i.func("viaHost").orElseThrow().call(WasmValue.i32(0)));
    assertEquals(List.of(1, 2), functions(t));
  }

  @Test
  void recursionDeeperThanTheStoresLimitIsExhaustion() {
    Store store = Store.create(engine, StoreConfig.defaults().withMaxCallDepth(1000));
    Func deep = instantiate(store, Linker.create(), RECURSION).func("deep").orElseThrow();
    Trap t = assertThrows(ExhaustionException.class, () -> deep.call(WasmValue.i32(0)));
    assertEquals(TrapKind.CALL_STACK_EXHAUSTED, t.kind());
    assertTrue(t.wasmStackTrace().size() >= 900, "frames: " + t.wasmStackTrace().size());
    // The store is usable afterwards: the depth count was reset.
    Func outer = instantiate(store, Linker.create(), RECURSION).func("outer").orElseThrow();
    assertEquals(1, ((WasmValue.I32) outer.call(WasmValue.i32(1)).get(0)).value());
  }

  @Test
  void theDepthLimitIsExactAndCountsOnThroughHostFunctionsAndTables() {
    // down(n) nests n + 1 compiled frames; odd levels go through the host, levels divisible by
    // three through call_indirect. Compiled code runs maxCallDepth + 1 nested frames.
    String wat =
        """
        (module
          (import "host" "again" (func $again (param i32) (result i32)))
          (type $t (func (param i32) (result i32)))
          (table 1 funcref)
          (elem (i32.const 0) $down)
          (func $down (export "down") (param i32) (result i32)
            (if (result i32) (i32.eqz (local.get 0))
              (then (i32.const 7))
              (else
                (if (result i32) (i32.and (local.get 0) (i32.const 1))
                  (then (call $again (i32.sub (local.get 0) (i32.const 1))))
                  (else
                    (if (result i32) (i32.eqz (i32.rem_u (local.get 0) (i32.const 3)))
                      (then (call_indirect (type $t)
                        (i32.sub (local.get 0) (i32.const 1)) (i32.const 0)))
                      (else (call $down (i32.sub (local.get 0) (i32.const 1)))))))))))
        """;
    // (Small limits: each pass through the host takes several Java frames of the test's thread.)
    for (int limit : new int[] {10, 101}) {
      Store store = Store.create(engine, StoreConfig.defaults().withMaxCallDepth(limit));
      Linker linker = Linker.create();
      AtomicReference<Func> down = callingBack(linker, "again");
      down.set(instantiate(store, linker, wat).func("down").orElseThrow());
      assertEquals(
          List.of(WasmValue.i32(7)), down.get().call(WasmValue.i32(limit)), "at the limit");
      Trap t =
          assertThrows(ExhaustionException.class, () -> down.get().call(WasmValue.i32(limit + 1)));
      assertEquals(TrapKind.CALL_STACK_EXHAUSTED, t.kind());
      // The count starts afresh: the same call works again.
      assertEquals(List.of(WasmValue.i32(7)), down.get().call(WasmValue.i32(limit)), "again");
    }
  }

  @Test
  void interpretedCodeCallingCompiledCodeThatCallsTheHostDoesNotPileUpDepth() {
    // $loop makes a tail call of another function, so the compiler leaves it to the interpreter;
    // it calls the compiled $work, which calls the host, a thousand times, ten times the depth
    // limit: each call must start from the same depth.
    String wat =
        """
        (module
          (import "host" "id" (func $id (param i32) (result i32)))
          (func $work (param i32) (result i32) (call $id (local.get 0)))
          (func $done (param i32) (result i32) (local.get 0))
          (func $loop (export "loop") (param i32) (result i32) (local $sum i32)
            (loop $next
              (local.set $sum (i32.add (local.get $sum) (call $work (local.get 0))))
              (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))
              (br_if $next))
            (return_call $done (local.get $sum))))
        """;
    Store store = Store.create(engine, StoreConfig.defaults().withMaxCallDepth(100));
    Linker linker = Linker.create();
    linker.define(
        "host",
        "id",
        FuncType.of(List.of(ValType.I32), List.of(ValType.I32)),
        (caller, args, results) -> results.setI32(0, args.i32(0)));
    Func loop = instantiate(store, linker, wat).func("loop").orElseThrow();
    assertEquals(List.of(WasmValue.i32(500_500)), loop.call(WasmValue.i32(1000)));
  }

  @Test
  void aSmallThreadStackEndsInExhaustionNotStackOverflowError() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread small =
        new Thread(
            null,
            () -> {
              Store store = Store.create(engine);
              Func deep = instantiate(store, Linker.create(), RECURSION).func("deep").orElseThrow();
              try {
                deep.call(WasmValue.i32(0));
              } catch (Throwable e) {
                thrown.set(e);
              }
            },
            "small-stack",
            64 * 1024);
    small.start();
    small.join();
    assertTrue(thrown.get() instanceof ExhaustionException, String.valueOf(thrown.get()));
  }

  @Test
  void anAccessBeyondTheMemoryTrapsWithItsFrameWhereverTheAddressWraps() {
    Store store = Store.create(engine);
    Func load =
        instantiate(
                store,
                Linker.create(),
                """
                (module (memory 1)
                  (func (export "load") (param i32) (result i32)
                    (i32.load offset=8 (local.get 0))))
                """)
            .func("load")
            .orElseThrow();
    assertEquals(0, ((WasmValue.I32) load.call(WasmValue.i32(65536 - 12)).get(0)).value());
    // Just beyond the end, an address of 2^31 and more, one that wraps past 2^32 with the offset.
    for (int address : new int[] {65536 - 11, Integer.MIN_VALUE, -1, -4}) {
      Trap t = assertThrows(Trap.class, () -> load.call(WasmValue.i32(address)), "at " + address);
      assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
      assertEquals(List.of(0), functions(t));
      assertEquals(2, t.wasmStackTrace().get(0).offset());
    }
  }

  @Test
  void accessesOfEveryWidthTrapAtTheMemorysEndAlsoOnceHotAndATrappedStoreWritesNothing() {
    Store store = Store.create(engine);
    Instance i =
        instantiate(
            store,
            Linker.create(),
            """
            (module (memory 1)
              (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
              (func (export "load16") (param i32) (result i32) (i32.load16_s (local.get 0)))
              (func (export "load64") (param i32) (result i32)
                (i32.wrap_i64 (i64.load (local.get 0))))
              (func (export "store32") (param i32) (result i32)
                (i32.store (local.get 0) (i32.const -1)) (i32.const 0)))
            """);
    String[] names = {"load8", "load16", "load64", "store32"};
    int[] widths = {1, 2, 8, 4};
    // Thousands of traps from the same instructions: HotSpot compiles them meanwhile, and the
    // trap must keep its kind and frames however the JIT throws.
    for (int n = 0; n < 12_000; n++) {
      for (int k = 0; k < names.length; k++) {
        Func f = i.func(names[k]).orElseThrow();
        int last = 65536 - widths[k];
        // The store writes below the last 4 bytes, which stay zero.
        f.call(WasmValue.i32(k == 3 ? last - 4 : last));
        try {
          f.call(WasmValue.i32(last + 1));
          throw new AssertionError(names[k] + " at " + (last + 1) + " did not trap");
        } catch (Trap t) {
          assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
          assertEquals(List.of(k), functions(t), names[k]);
        }
      }
    }
    Func load8 = i.func("load8").orElseThrow();
    for (int a = 65532; a < 65536; a++) {
      assertEquals(0, ((WasmValue.I32) load8.call(WasmValue.i32(a)).get(0)).value(), "byte " + a);
    }
  }

  @Test
  void anIndexOutOfBoundsExceptionOfAHostFunctionIsNotTakenForATrap() {
    Store store = Store.create(engine);
    Linker linker = Linker.create();
    linker.define(
        "host",
        "buggy",
        FuncType.of(List.of(), List.of()),
        (caller, args, results) -> {
          throw new IndexOutOfBoundsException("a bug in the host");
        });
    Func call =
        instantiate(
                store,
                linker,
                """
                (module (import "host" "buggy" (func $buggy)) (memory 1)
                  (func (export "call") (call $buggy)))
                """)
            .func("call")
            .orElseThrow();
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, call::call);
    assertEquals("a bug in the host", e.getMessage());
  }

  @Test
  @Timeout(60) // a loop that does not stop fails the test instead of hanging the build
  void anEndlessLoopStopsAtTheDeadlineAndAtAnInterruption() throws Exception {
    String wat =
        """
        (module
          (func (export "spin") (local i32)
            (loop $l (local.set 0 (i32.add (local.get 0) (i32.const 1))) (br $l))))
        """;
    Store timed = Store.create(engine);
    Func spin = instantiate(timed, Linker.create(), wat).func("spin").orElseThrow();
    timed.setDeadline(java.time.Instant.now().plusMillis(50));
    ExecutionInterruptedException late =
        assertThrows(ExecutionInterruptedException.class, spin::call);
    assertEquals(ExecutionInterruptedException.Reason.DEADLINE, late.reason());

    Store store = Store.create(engine);
    Func again = instantiate(store, Linker.create(), wat).func("spin").orElseThrow();
    Thread stopper =
        new Thread(
            () -> {
              try {
                Thread.sleep(50);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              store.interrupt();
            });
    stopper.start();
    ExecutionInterruptedException stopped =
        assertThrows(ExecutionInterruptedException.class, again::call);
    assertEquals(ExecutionInterruptedException.Reason.INTERRUPTED, stopped.reason());
    stopper.join();
  }

  @Test
  void anAccessBeyondTheMemoryInCompiledCodeCalledByTheInterpreterKeepsBothFrames() {
    Store store = Store.create(engine);
    Linker linker = Linker.create();
    linker.define(
        "compiled",
        instantiate(
            store,
            linker,
            """
            (module (memory 1)
              (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
              (func (export "divide") (param i32) (result i32)
                (i32.div_u (i32.const 1) (local.get 0))))
            """));
    // Interpreted: its struct type keeps it there.
    Instance interpreted =
        instantiate(
            store,
            linker,
            """
            (module
              (type $pin (struct))
              (import "compiled" "load" (func $load (param i32) (result i32)))
              (import "compiled" "divide" (func $divide (param i32) (result i32)))
              (func (export "load") (param i32) (result i32) (call $load (local.get 0)))
              (func (export "divide") (param i32) (result i32) (call $divide (local.get 0))))
            """);
    Trap outside =
        assertThrows(
            Trap.class, () -> interpreted.func("load").orElseThrow().call(WasmValue.i32(65536)));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, outside.kind());
    Trap byZero =
        assertThrows(
            Trap.class, () -> interpreted.func("divide").orElseThrow().call(WasmValue.i32(0)));
    // The same frames as a trap the compiled code throws itself: the callee, then the caller.
    assertEquals(List.of(0, 2), functions(outside));
    assertEquals(List.of(1, 3), functions(byZero));
    assertEquals(byZero.wasmStackTrace().get(1).offset(), outside.wasmStackTrace().get(1).offset());
  }
}

package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.Import;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * wasi-threads programs, written as a toolchain for {@code wasm32-wasip1-threads} lays them out (an
 * imported shared memory, {@code thread-spawn}, {@code wasi_thread_start}), run as the CLI runs
 * them, on every engine.
 */
class WasiThreadsTest {
  private static final String IMPORTS =
      """
        (import "env" "memory" (memory 1 1 shared))
        (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_write"
          (func $fd_write (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
        (export "memory" (memory 0))
      """;

  /**
   * Four threads each add their start argument plus one to 0 and count themselves done at 4; the
   * main thread waits on 4 until all are, then writes "10" if the sum is 1+2+3+4.
   */
  private static final String SUM =
      "(module"
          + IMPORTS
          + """
            (data (i32.const 100) "10\\n")
            (func (export "wasi_thread_start") (param $id i32) (param $arg i32)
              (if (i32.le_s (local.get $id) (i32.const 0)) (then unreachable))
              (drop (i32.atomic.rmw.add (i32.const 0) (i32.add (local.get $arg) (i32.const 1))))
              (drop (i32.atomic.rmw.add (i32.const 4) (i32.const 1)))
              (drop (memory.atomic.notify (i32.const 4) (i32.const 1))))
            (func (export "_start") (local $i i32) (local $done i32)
              (loop $spawning
                (if (i32.le_s (call $spawn (local.get $i)) (i32.const 0)) (then unreachable))
                (br_if $spawning
                  (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 4))))
              (loop $waiting
                (local.set $done (i32.atomic.load (i32.const 4)))
                (if (i32.lt_u (local.get $done) (i32.const 4))
                  (then
                    (drop (memory.atomic.wait32 (i32.const 4) (local.get $done) (i64.const -1)))
                    (br $waiting))))
              (if (i32.ne (i32.atomic.load (i32.const 0)) (i32.const 10)) (then unreachable))
              (i32.store (i32.const 200) (i32.const 100))
              (i32.store (i32.const 204) (i32.const 3))
              (drop (call $fd_write (i32.const 1) (i32.const 200) (i32.const 1) (i32.const 208)))))
          """;

  /** A thread exits the program with 7 while the main thread spins. */
  private static final String EXIT =
      "(module"
          + IMPORTS
          + """
            (func (export "wasi_thread_start") (param i32 i32) (call $exit (i32.const 7)))
            (func (export "_start")
              (drop (call $spawn (i32.const 0)))
              (loop $spin (br $spin))))
          """;

  /** A thread traps while the main thread waits for ever. */
  private static final String TRAP =
      "(module"
          + IMPORTS
          + """
            (func (export "wasi_thread_start") (param i32 i32) unreachable)
            (func (export "_start")
              (drop (call $spawn (i32.const 0)))
              (drop (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const -1)))))
          """;

  /** The main thread returns while the thread it spawned spins for ever. */
  private static final String RETURN =
      "(module"
          + IMPORTS
          + """
            (func (export "wasi_thread_start") (param i32 i32) (loop $spin (br $spin)))
            (func (export "_start") (drop (call $spawn (i32.const 0)))))
          """;

  /**
   * The main thread spawns threads (each waiting up to a minute, then returning) until spawning
   * fails, and keeps the count in the global "spawned".
   */
  private static final String MANY =
      "(module"
          + IMPORTS
          + """
            (global $spawned (export "spawned") (mut i32) (i32.const 0))
            (func (export "wasi_thread_start") (param i32 i32)
              (drop (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const 60000000000))))
            (func (export "_start")
              (loop $spawning
                (if (i32.gt_s (call $spawn (i32.const 0)) (i32.const 0))
                  (then
                    (global.set $spawned (i32.add (global.get $spawned) (i32.const 1)))
                    (br_if $spawning (i32.lt_u (global.get $spawned) (i32.const 1000))))))))
          """;

  private static Engine engine(ExecutionEngine kind) {
    return Engine.create(EngineConfig.defaults().withExecutionEngine(kind).withoutCodeCache());
  }

  /** Runs {@code wat}'s _start as {@code cortado run} does; returns what ended it, if anything. */
  private static RuntimeException run(ExecutionEngine kind, String wat, ByteArrayOutputStream out) {
    Engine engine = engine(kind);
    Module module = Module.compileText(engine, wat);
    assertTrue(WasiThreads.isUsedBy(module));
    Store store = Store.create(engine);
    store.setTimeout(Duration.ofSeconds(60));
    try (WasiPreview1 wasi =
        WasiPreview1.create(WasiConfig.defaults().withStdout(WasiOutput.to(out)))) {
      Linker linker = Linker.create();
      wasi.addTo(linker);
      WasiThreads threads = WasiThreads.addTo(linker, store, module);
      try {
        linker.instantiate(store, module).func("_start").orElseThrow().call();
        return threads.ending().orElse(null);
      } catch (ExecutionInterruptedException e) {
        return threads.endingOr(e);
      } catch (RuntimeException e) {
        return e;
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void threadsShareTheMemoryAndTheMainThreadWaitsForThem(ExecutionEngine kind) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(null, run(kind, SUM, out));
    assertEquals("10\n", out.toString(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void procExitInAThreadEndsTheProgramWithItsCode(ExecutionEngine kind) {
    RuntimeException e = run(kind, EXIT, new ByteArrayOutputStream());
    assertEquals(7, assertInstanceOf(WasiExitException.class, e).exitCode());
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void aTrapInAThreadEndsTheProgramAsTheTrap(ExecutionEngine kind) {
    RuntimeException e = run(kind, TRAP, new ByteArrayOutputStream());
    assertEquals(TrapKind.UNREACHABLE, assertInstanceOf(Trap.class, e).kind());
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void theProgramEndsWhenItsMainThreadReturns(ExecutionEngine kind) {
    assertEquals(null, run(kind, RETURN, new ByteArrayOutputStream()));
  }

  @Test
  void aProgramCannotHaveMoreThreadsThanTheLimit() {
    Engine engine = engine(ExecutionEngine.INTERPRETER);
    Module module = Module.compileText(engine, MANY);
    Store store = Store.create(engine);
    try (WasiPreview1 wasi = WasiPreview1.create(WasiConfig.defaults())) {
      Linker linker = Linker.create();
      wasi.addTo(linker);
      // Closed at the end: the threads still waiting stop.
      try (WasiThreads threads = WasiThreads.addTo(linker, store, module)) {
        Instance instance = linker.instantiate(store, module);
        instance.func("_start").orElseThrow().call();
        assertEquals(
            WasmValue.i32(WasiThreads.MAX_THREADS),
            instance.global("spawned").orElseThrow().get(),
            "spawning fails (-1, EAGAIN for the program) once the limit's threads run");
        assertEquals(WasiThreads.MAX_THREADS, threads.running());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void closingStopsTheThreadsAMainThreadLeftRunning(ExecutionEngine kind) throws Exception {
    Engine engine = engine(kind);
    Module module = Module.compileText(engine, RETURN);
    Store store = Store.create(engine);
    try (WasiPreview1 wasi = WasiPreview1.create(WasiConfig.defaults())) {
      Linker linker = Linker.create();
      wasi.addTo(linker);
      WasiThreads threads = WasiThreads.addTo(linker, store, module);
      try (threads) {
        linker.instantiate(store, module).func("_start").orElseThrow().call();
        assertEquals(1, threads.running(), "the spawned thread spins on");
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (threads.running() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(0, threads.running(), "close stopped it");
      assertTrue(threads.ending().isEmpty(), "a thread close stopped does not end the program");
    }
  }

  @Test
  void aThreadsProgramIsProvidedThreadSpawnAndItsSharedMemoriesOnly() {
    Engine engine = engine(ExecutionEngine.INTERPRETER);
    Module threads = Module.compileText(engine, SUM);
    for (Import imp : threads.imports()) {
      boolean expected = imp.module().equals("wasi") || imp.module().equals("env");
      assertEquals(expected, WasiThreads.provides(threads.imports(), imp), imp.toString());
    }
    Module unthreaded =
        Module.compileText(engine, "(module (import \"env\" \"memory\" (memory 1 1 shared)))");
    assertFalse(WasiThreads.provides(unthreaded.imports(), unthreaded.imports().get(0)));
  }

  @Test
  void aModuleWithoutThreadSpawnIsNotAThreadsProgram() {
    Engine engine = engine(ExecutionEngine.INTERPRETER);
    assertFalse(WasiThreads.isUsedBy(Module.compileText(engine, "(module)")));
    assertFalse(
        WasiThreads.isUsedBy(
            Module.compileText(
                engine, "(module (import \"wasi\" \"other\" (func (param i32) (result i32))))")));
  }
}

package dev.cortado.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.internal.interp.PollGate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiled code whose polls cost nothing while the {@link PollGate} is closed still stops when a
 * store is interrupted: opening the gate deoptimizes code that runs, a loop that never returns and
 * a recursion that never ends included. Each case runs in a JVM of its own, where the gate starts
 * closed (in this one, an earlier test may have opened it for good).
 */
class PollGateTest {
  private static final String WAT =
      """
      (module
        (memory 1)
        (func (export "spin") (local i32)
          (loop $l
            (i32.store (i32.and (local.get 0) (i32.const 1020)) (local.get 0))
            (local.set 0 (i32.add (local.get 0) (i32.const 1)))
            (br $l)))
        (func $fib (param i32) (result i32)
          (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
            (then (local.get 0))
            (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                           (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
        (func (export "recurse") (drop (call $fib (i32.const 70)))))
      """;

  @ParameterizedTest
  @ValueSource(strings = {"spin", "recurse"})
  @Timeout(120)
  void codeRunWithTheGateClosedStopsWhenInterrupted(String export) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Spinner.class.getName(),
                export)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.startsWith("closed then open: INTERRUPTED"), out);
  }

  /**
   * Runs export {@code args[0]} compiled for 1.5 s (long enough for HotSpot to compile it with the
   * gate closed), interrupts its store and prints the gate's state before and after, and how the
   * call ended.
   */
  static final class Spinner {
    public static void main(String[] args) throws Exception {
      Engine engine =
          Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.COMPILER));
      Store store = Store.create(engine);
      Func f =
          Linker.create()
              .instantiate(store, Module.compileText(engine, WAT))
              .func(args[0])
              .orElseThrow();
      CompletableFuture<String> ended = new CompletableFuture<>();
      Thread runner =
          new Thread(
              () -> {
                try {
                  f.call();
                  ended.complete("returned");
                } catch (ExecutionInterruptedException e) {
                  ended.complete(e.reason().name());
                } catch (RuntimeException | Error e) {
                  ended.complete(e.toString());
                }
              });
      runner.setDaemon(true);
      runner.start();
      Thread.sleep(1_500);
      String before = PollGate.isOpen() ? "open" : "closed";
      store.interrupt();
      String how = ended.get(30, TimeUnit.SECONDS);
      String after = PollGate.isOpen() ? "open" : "closed";
      System.out.println(before + " then " + after + ": " + how);
    }
  }
}

package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A C program built by clang with {@code -mtail-call}: a bytecode interpreter whose handlers
 * tail-call the next one, so its 7,000,000 steps are WebAssembly tail calls, which must run in
 * constant stack on every engine.
 */
class ThreadedProgramTest {
  @Test
  void aCInterpreterInThreadedCodeRunsMillionsOfTailCalls() {
    Programs.Result r =
        Programs.run("threaded", WasiConfig.defaults().withArgs(List.of("threaded", "1000000")));
    // What the same source prints built natively (x86-64, clang -O2).
    assertEquals("397780296 7000000\n", r.stdout());
    assertEquals(0, r.exitCode());
  }
}

package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.WasmModule;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The embedding API refuses a missing argument by naming it, before doing any work. */
class ApiArgumentsTest {
  private static void refusesNull(String name, Executable call) {
    NullPointerException e = assertThrows(NullPointerException.class, call);
    assertEquals(name, e.getMessage());
  }

  @Test
  void compilingNothingNamesTheMissingArgument() {
    Engine engine = Engine.create();
    refusesNull("binary", () -> Module.compile(engine, (byte[]) null));
    refusesNull("binary", () -> Module.compile(engine, (Bytes) null));
    refusesNull("module", () -> Module.compile(engine, (WasmModule) null));
    refusesNull("wat", () -> Module.compileText(engine, null));
  }

  @Test
  void aMissingTimeOrDeadlineIsNamed() {
    Store store = Store.create(Engine.create());
    refusesNull("timeout", () -> store.setTimeout(null));
    refusesNull("deadline", () -> store.setDeadline((Instant) null));
  }

  @Test
  void aTimeoutOfNothingStopsCodeAtItsFirstCheck() {
    Engine engine = Engine.create();
    Store store = Store.create(engine);
    Module m = Module.compileText(engine, "(module (func (export \"spin\") (loop (br 0))))");
    Instance instance = Linker.create().instantiate(store, m);
    store.setTimeout(Duration.ofSeconds(-1));
    ExecutionInterruptedException e =
        assertThrows(
            ExecutionInterruptedException.class, () -> instance.func("spin").orElseThrow().call());
    assertEquals(ExecutionInterruptedException.Reason.DEADLINE, e.reason());
  }
}

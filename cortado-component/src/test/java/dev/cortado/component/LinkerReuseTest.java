package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Store;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasi.WasiExitException;
import dev.cortado.wasi.WasiOutput;
import dev.cortado.wasm.Bytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One linker, defined once, serving many instantiations in many stores: each run's state found
 * through its store, and the linker's resolution of a compiled component's imports kept between
 * instantiations only while its definitions stay the same.
 */
class LinkerReuseTest {
  private final Engine engine = Engine.create();

  /** Runs the hello command in a store of its own with {@code linker}; returns what it printed. */
  private static String runHello(
      Engine engine, ComponentLinker linker, CompiledComponent hello, String who) {
    WasiOutput out = WasiOutput.capture();
    try (WasiPreview2 wasi =
        WasiPreview2.create(
            WasiConfig.defaults().withArgs(List.of("hello", who)).withStdout(out))) {
      Store store = Store.create(engine);
      wasi.enter(store);
      ComponentFunction run =
          linker.instantiate(store, hello).function("wasi:cli/run@0.2.0", "run").orElseThrow();
      assertThrows(WasiExitException.class, () -> run.call());
    }
    return out.text();
  }

  @Test
  void oneWasiLinkerServesEveryRunWithTheWorldEnteredIntoItsStore() throws Exception {
    ComponentLinker linker = WasiPreview2.define(ComponentLinker.create());
    CompiledComponent hello = CompiledComponent.compile(engine, ComponentRunTest.hello());
    assertEquals("hello, first\n", runHello(engine, linker, hello, "first"));
    assertEquals("hello, second\n", runHello(engine, linker, hello, "second"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> runs = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String who = "run" + i;
        runs.add(pool.submit(() -> runHello(engine, linker, hello, who)));
      }
      for (int i = 0; i < runs.size(); i++) {
        assertEquals("hello, run" + i + "\n", runs.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anInterfaceFunctionRedefinedAfterAnInstantiationServesTheNextOne() throws IOException {
    CompiledComponent hello = CompiledComponent.compile(engine, ComponentRunTest.hello());
    ComponentLinker linker = WasiPreview2.define(ComponentLinker.create());
    // Twice: the second instantiation takes the interface's functions where the first found them.
    for (String who : List.of("first", "again")) {
      assertEquals("hello, " + who + "\n", runHello(engine, linker, hello, who));
    }
    // A new definition makes a new interface, found anew.
    linker.defineFunction(
        "wasi:cli/environment@0.2.12",
        "get-arguments",
        args ->
            Optional.of(
                new ComponentValue.ListV(
                    List.of(
                        new ComponentValue.Str("hello"), new ComponentValue.Str("redefined")))));
    assertEquals("hello, redefined\n", runHello(engine, linker, hello, "ignored"));
  }

  @Test
  void aFunctionDefinedWithTheStoreFindsTheStateAttachedToTheCallersStore() {
    record Log(List<String> lines) {}
    ComponentLinker linker =
        ComponentLinker.create()
            .defineFunction(
                "log",
                (store, args) -> {
                  store
                      .attachment(Log.class)
                      .orElseThrow()
                      .lines()
                      .add(((ComponentValue.Str) args.get(0)).value());
                  return Optional.empty();
                });
    CompiledComponent greeter =
        CompiledComponent.compile(engine, Component.decode(Bytes.of(Greeter.binary())));
    List<List<String>> logs = new ArrayList<>();
    for (String name : List.of("ada", "grace")) {
      Store store = Store.create(engine);
      Log log = new Log(new ArrayList<>());
      store.attach(Log.class, log);
      linker
          .instantiate(store, greeter)
          .function("greet")
          .orElseThrow()
          .call(new ComponentValue.Str(name));
      logs.add(log.lines());
    }
    assertEquals(List.of(List.of("ada", "hello"), List.of("grace", "hello")), logs);
  }

  @Test
  void aDefinitionMadeAfterAnInstantiationServesTheNextOne() {
    List<String> seen = new ArrayList<>();
    ComponentLinker linker =
        ComponentLinker.create().defineFunction("log", args -> Optional.empty());
    CompiledComponent greeter =
        CompiledComponent.compile(engine, Component.decode(Bytes.of(Greeter.binary())));
    ComponentFunction first =
        linker.instantiate(Store.create(engine), greeter).function("greet").orElseThrow();
    linker.defineFunction(
        "log",
        args -> {
          seen.add(((ComponentValue.Str) args.get(0)).value());
          return Optional.empty();
        });
    first.call(new ComponentValue.Str("before"));
    assertEquals(List.of(), seen, "an instance keeps the definitions it was linked with");
    linker
        .instantiate(Store.create(engine), greeter)
        .function("greet")
        .orElseThrow()
        .call(new ComponentValue.Str("after"));
    assertEquals(List.of("after", "hello"), seen);
  }

  @Test
  void eachInstantiationOfOneCompiledComponentHasResourcesOfItsOwn() {
    ComponentLinker linker =
        ComponentLinker.create().defineFunction("log", args -> Optional.empty());
    CompiledComponent greeter =
        CompiledComponent.compile(engine, Component.decode(Bytes.of(Greeter.binary())));
    ComponentInstance first = linker.instantiate(Store.create(engine), greeter);
    ComponentInstance second = linker.instantiate(Store.create(engine), greeter);
    ComponentValue u41 = new ComponentValue.Int(PrimitiveType.U32, 41);
    ComponentValue.Resource mine =
        (ComponentValue.Resource)
            second.function("[constructor]counter").orElseThrow().call(u41).orElseThrow();
    assertEquals(
        Optional.of(new ComponentValue.Int(PrimitiveType.U32, 42)),
        second.function("[method]counter.next").orElseThrow().call(mine),
        "the second instance's functions take the second instance's resource");
    ComponentValue.Resource theirs =
        (ComponentValue.Resource)
            first.function("[constructor]counter").orElseThrow().call(u41).orElseThrow();
    assertTrue(
        theirs.type() != mine.type(), "a component's own resource type is fresh per instance");
    dev.cortado.runtime.Trap t =
        assertThrows(
            dev.cortado.runtime.Trap.class,
            () -> second.function("[method]counter.next").orElseThrow().call(theirs));
    assertEquals(dev.cortado.runtime.TrapKind.CANONICAL_ABI, t.kind());
  }

  @Test
  void aWasiCallFromAStoreWithoutAWorldSaysWhatIsMissing() throws IOException {
    ComponentLinker linker = WasiPreview2.define(ComponentLinker.create());
    Store store = Store.create(engine);
    ComponentFunction run =
        linker
            .instantiate(store, ComponentRunTest.hello())
            .function("wasi:cli/run@0.2.0", "run")
            .orElseThrow();
    RuntimeException e = assertThrows(RuntimeException.class, () -> run.call());
    assertTrue(e.getMessage().contains("WasiPreview2.enter(store)"), e.getMessage());
  }
}

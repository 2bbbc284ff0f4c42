package dev.cortado.component;

import static dev.cortado.component.ComponentWriter.bytes;
import static dev.cortado.component.ComponentWriter.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Store;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasi.WasiExitException;
import dev.cortado.wasi.WasiOutput;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Components composed: one's exported interface serves another's import. */
class CompositionTest {
  /**
   * A component importing {@code wasi:cli/run@0.2.0} and exporting {@code go: func() -> result},
   * which calls the imported {@code run}.
   */
  static byte[] caller() {
    byte[] core =
        ModuleEncoder.encode(
            TextParser.parseModule(
                "(module (import \"x\" \"run\" (func $run (result i32)))"
                    + " (func (export \"go\") (result i32) (call $run)))"));
    ComponentWriter w = new ComponentWriter();
    // type 0: (instance (type (result)) (type (func (result 0))) (export "run" (func (type 1))))
    w.section(
        7,
        bytes(
            0x42,
            3,
            0x01,
            0x6a,
            0x00,
            0x00,
            0x01,
            0x40,
            0,
            0x00,
            0,
            0x04,
            0x00,
            name("run"),
            0x01,
            1));
    w.section(10, bytes(0x00, name("wasi:cli/run@0.2.0"), 0x05, 0)); // instance 0
    w.section(6, bytes(0x01, 0x00, 0, name("run"))); // func 0: alias export of instance 0
    w.section(8, bytes(0x01, 0x00, 0, 0)); // core func 0: canon lower func 0
    w.raw(1, core); // core module 0
    w.section(
        2,
        bytes(0x01, 1, name("run"), 0x00, 0), // core instance 0: {run}
        bytes(0x00, 0, 1, name("x"), 0x12, 0)); // core instance 1: module 0 with x
    w.section(6, bytes(0x00, 0x00, 0x01, 1, name("go"))); // core func 1
    w.section(7, bytes(0x6a, 0x00, 0x00), bytes(0x40, 0, 0x00, 1)); // types 1 (result), 2
    w.section(8, bytes(0x00, 0x00, 1, 0, 2)); // func 1: canon lift core func 1, type 2
    w.section(11, bytes(0x00, name("go"), 0x01, 1, 0x00));
    return w.toBytes();
  }

  @Test
  void oneComponentsExportServesAnothersImport() throws IOException {
    WasiOutput out = WasiOutput.capture();
    Store store = Store.create(Engine.create());
    try (WasiPreview2 wasi =
        WasiPreview2.create(
            WasiConfig.defaults().withArgs(List.of("hello", "composed")).withStdout(out))) {
      wasi.enter(store);
      ComponentInstance hello =
          wasi.addTo(ComponentLinker.create()).instantiate(store, ComponentRunTest.hello());
      Component callerComponent = Component.decode(Bytes.of(caller()));
      callerComponent.validate();
      ComponentInstance composed =
          ComponentLinker.create()
              .defineInstance("wasi:cli/run@0.2.0", hello, "wasi:cli/run@0.2.0")
              .instantiate(store, callerComponent);
      ComponentFunction go = composed.function("go").orElseThrow();
      // go calls hello's run, which prints and exits with an error (its code 3).
      WasiExitException exit = assertThrows(WasiExitException.class, () -> go.call());
      assertEquals(1, exit.exitCode());
    }
    assertEquals("hello, composed\n", out.text());
  }

  @Test
  void anInterfaceTheSourceDoesNotExportIsRefused() throws IOException {
    Store store = Store.create(Engine.create());
    WasiPreview2 wasi = WasiPreview2.create(WasiConfig.defaults());
    ComponentInstance hello =
        wasi.addTo(ComponentLinker.create()).instantiate(store, ComponentRunTest.hello());
    ComponentLinker linker = ComponentLinker.create();
    assertThrows(
        IllegalArgumentException.class,
        () -> linker.defineInstance("x:y/z@1.0.0", hello, "x:y/z@1.0.0"));
  }
}

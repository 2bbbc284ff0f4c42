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
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentRunTest {
  static Component hello() throws IOException {
    try (InputStream in = ComponentRunTest.class.getResourceAsStream("/components/hello.wasm")) {
      return Component.decode(Bytes.of(in.readAllBytes()));
    }
  }

  @Test
  void aPreview1ProgramAdaptedToACommandComponentRunsThroughWasiPreview2() throws IOException {
    WasiOutput out = WasiOutput.capture();
    WasiConfig config =
        WasiConfig.defaults().withArgs(List.of("hello", "components")).withStdout(out);
    try (WasiPreview2 wasi = WasiPreview2.create(config)) {
      Store store = Store.create(Engine.create());
      wasi.enter(store);
      ComponentInstance app = wasi.addTo(ComponentLinker.create()).instantiate(store, hello());
      ComponentFunction run = app.function("wasi:cli/run@0.2.0", "run").orElseThrow();
      // The program exits with code 3; WASI 0.2's exit takes only ok or error, so error: 1.
      WasiExitException exit = assertThrows(WasiExitException.class, () -> run.call());
      assertEquals(1, exit.exitCode());
    }
    assertEquals("hello, components\n", out.text());
  }

  @Test
  void aMissingInterfaceIsNamedWhenLinking() throws IOException {
    ComponentLinker empty = ComponentLinker.create();
    ComponentLinkException e =
        assertThrows(
            ComponentLinkException.class,
            () -> empty.instantiate(Store.create(Engine.create()), hello()));
    assertTrue(
        e.getMessage().contains("does not provide interface wasi:cli/environment@0.2.12"),
        e.getMessage());
  }
}

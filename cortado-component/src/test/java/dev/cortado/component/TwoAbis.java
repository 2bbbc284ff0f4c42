package dev.cortado.component;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasi.WasiExitException;
import dev.cortado.wasi.WasiOutput;
import dev.cortado.wasi.WasiPreview1;
import dev.cortado.wasm.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Runs one of cortado-wasi's test programs twice: as the preview1 core module, and as the wasi:cli
 * command component jco's adapter made of it (committed under {@code components/programs}), each
 * with its own captured standard output.
 */
final class TwoAbis {
  static final Engine ENGINE = Engine.create();

  /** The preview1 programs, built by cortado-wasi. */
  static final Path PROGRAMS = Path.of("../cortado-wasi/src/test/resources/programs");

  private TwoAbis() {}

  /** What a run gave: its exit status, standard output and standard error. */
  record Outcome(int status, String stdout, String stderr) {}

  static Outcome preview1(String name, UnaryOperator<WasiConfig> config) {
    WasiOutput out = WasiOutput.capture();
    WasiOutput err = WasiOutput.capture();
    Module m;
    try {
      m = Module.compile(ENGINE, Files.readAllBytes(PROGRAMS.resolve(name + ".wasm")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int status = 0;
    try (WasiPreview1 wasi = WasiPreview1.create(captured(config, out, err))) {
      Linker linker = Linker.create();
      wasi.addTo(linker);
      Instance i = linker.instantiate(Store.create(ENGINE), m);
      i.func("_start").orElseThrow().call();
    } catch (WasiExitException e) {
      status = e.exitCode();
    }
    return new Outcome(status, out.text(), err.text());
  }

  private static WasiConfig captured(
      UnaryOperator<WasiConfig> config, WasiOutput out, WasiOutput err) {
    return config.apply(WasiConfig.defaults()).withStdout(out).withStderr(err);
  }

  static Component component(String name) {
    String path =
        name.equals("hello") ? "/components/hello.wasm" : "/components/programs/" + name + ".wasm";
    try (InputStream in = TwoAbis.class.getResourceAsStream(path)) {
      return Component.decode(Bytes.of(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Outcome preview2(String name, UnaryOperator<WasiConfig> config) {
    WasiOutput out = WasiOutput.capture();
    WasiOutput err = WasiOutput.capture();
    Component c = component(name);
    int status;
    try (WasiPreview2 wasi = WasiPreview2.create(captured(config, out, err))) {
      Store store = Store.create(ENGINE);
      wasi.enter(store);
      ComponentInstance app = wasi.addTo(ComponentLinker.create()).instantiate(store, c);
      Optional<ComponentValue> r = app.function("wasi:cli/run@0.2.0", "run").orElseThrow().call();
      status = r.orElseThrow() instanceof ComponentValue.ResultV v && v.ok() ? 0 : 1;
    } catch (WasiExitException e) {
      status = e.exitCode();
    }
    return new Outcome(status, out.text(), err.text());
  }
}

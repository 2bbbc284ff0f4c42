package dev.cortado.wasi;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Runs the test programs built from {@code src/test/programs} ({@code programs/NAME.wasm} on the
 * classpath) with a WASI configuration, capturing standard output and error.
 */
final class Programs {
  private static final Engine ENGINE = Engine.create();

  private Programs() {}

  /** What a run gave. */
  record Result(int exitCode, String stdout, String stderr) {}

  /** Returns the bytes of program {@code name}. */
  static byte[] binary(String name) {
    try (InputStream in = Programs.class.getResourceAsStream("/programs/" + name + ".wasm")) {
      if (in == null) {
        throw new IllegalArgumentException("no test program " + name + ".wasm");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code _start} of program {@code name} with {@code config}, whose standard output and
   * error are replaced by captures; returns the exit code (0 if {@code _start} returned).
   */
  static Result run(String name, WasiConfig config) {
    WasiOutput out = WasiOutput.capture();
    WasiOutput err = WasiOutput.capture();
    Store store = Store.create(ENGINE);
    int code = 0;
    try (WasiPreview1 wasi = WasiPreview1.create(config.withStdout(out).withStderr(err))) {
      Linker linker = Linker.create();
      wasi.addTo(linker);
      Instance instance = linker.instantiate(store, Module.compile(ENGINE, binary(name)));
      try {
        instance.func("_start").orElseThrow().call();
      } catch (WasiExitException e) {
        code = e.exitCode();
      }
    }
    return new Result(code, out.text(), err.text());
  }
}

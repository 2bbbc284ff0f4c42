package dev.cortado.wasi;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs the test programs of {@code src/test/programs} with a WASI configuration, capturing standard
 * output and error: built ones ({@code programs/NAME.wasm} on the classpath) and WAT ones ({@code
 * wat/NAME.wat}, compiled by Cortado when the test runs).
 */
final class Programs {
  /**
   * The engine: {@code -Dcortado.engine=interpreter|compiler|auto} (the build runs these tests once
   * on the interpreter and once on the compiler, see the pom), else the default.
   */
  private static final Engine ENGINE =
      Engine.create(
          EngineConfig.defaults()
              .withExecutionEngine(
                  ExecutionEngine.valueOf(
                      System.getProperty("cortado.engine", "auto").toUpperCase(Locale.ROOT))));

  private Programs() {}

  /** Returns the engine every test program is compiled for. */
  static Engine engine() {
    return ENGINE;
  }

  /** What a run gave. */
  record Result(int exitCode, String stdout, String stderr) {}

  /** Returns the module of program {@code name}: a built .wasm, or a WAT source compiled now. */
  static Module module(String name) {
    Path wat = Path.of("src/test/programs/wat", name + ".wat");
    if (Files.exists(wat)) {
      try {
        return Module.compileText(ENGINE, Files.readString(wat));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Module.compile(ENGINE, binary(name));
  }

  /** Returns the bytes of built program {@code name}. */
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
      Instance instance = linker.instantiate(store, module(name));
      try {
        instance.func("_start").orElseThrow().call();
      } catch (WasiExitException e) {
        code = e.exitCode();
      }
    }
    return new Result(code, out.text(), err.text());
  }
}

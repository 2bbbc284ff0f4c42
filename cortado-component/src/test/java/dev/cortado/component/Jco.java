package dev.cortado.component;

import dev.cortado.wasm.testing.NpmTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * jco 1.35.0, the reference host and WIT source some tests use: {@code $JCO} if set, else installed
 * by npm into {@code target/jco} once per build ({@link NpmTool}).
 */
final class Jco {
  private Jco() {}

  /** Returns jco's executable; {@code consequence} says what a test without it cannot do. */
  static Path binary(String consequence) {
    return NpmTool.binary(
        "JCO", "@bytecodealliance/jco@1.35.0", "jco", Path.of("target/jco"), consequence);
  }

  /** Returns the folder of the WASI 0.2.12 WIT packages jco ships. */
  static Path wasiWit(String consequence) {
    try {
      return binary(consequence)
          .toRealPath()
          .getParent()
          .getParent()
          .resolve("lib/wit/builtin/0.2.12");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

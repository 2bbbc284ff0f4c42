package dev.cortado.component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * jco 1.35.0, the reference host and WIT source some tests use: {@code $JCO} if set, else installed
 * by npm into {@code target/jco} once per build. Without node and npm the calling test is skipped,
 * unless {@code CORTADO_REQUIRE_TOOLS=1}.
 */
final class Jco {
  private static Path binary;

  private Jco() {}

  /** Returns jco's executable; {@code consequence} says what a test without it cannot do. */
  static synchronized Path binary(String consequence) {
    if (binary != null) {
      return binary;
    }
    String given = System.getenv("JCO");
    if (given != null) {
      return binary = Path.of(given);
    }
    Path installed = Path.of("target/jco/node_modules/.bin/jco").toAbsolutePath();
    if (!Files.isExecutable(installed)) {
      RequiredTools.require(
          RequiredTools.runs(List.of("node", "--version"), ""),
          "node (package nodejs)",
          consequence);
      RequiredTools.require(
          RequiredTools.runs(List.of("npm", "--version"), ""),
          "npm (package npm), or JCO",
          consequence);
      String log;
      boolean ok;
      try {
        Process p =
            new ProcessBuilder(
                    "npm",
                    "install",
                    "--prefix",
                    "target/jco",
                    "--silent",
                    "--no-audit",
                    "--no-fund",
                    "@bytecodealliance/jco@1.35.0")
                .redirectErrorStream(true)
                .start();
        log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ok = p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0;
      } catch (IOException | InterruptedException e) {
        log = e.toString();
        ok = false;
      }
      RequiredTools.require(ok, "jco 1.35.0 from npm (" + log.strip() + ")", consequence);
    }
    return binary = installed;
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
      throw new java.io.UncheckedIOException(e);
    }
  }
}

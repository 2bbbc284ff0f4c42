package dev.cortado.wasm.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pinned npm package's executable for tests (jco, ...): the path an environment variable names,
 * else the package installed by npm into a folder of the build, once. Without node and npm the
 * calling test is skipped, or fails under {@code CORTADO_REQUIRE_TOOLS=1} ({@link
 * ExternalTool#requireThat}).
 */
public final class NpmTool {
  private NpmTool() {}

  /**
   * Returns executable {@code bin} of {@code packageSpec} ({@code @bytecodealliance/jco@1.35.0}):
   * {@code $override} if set, else {@code prefix/node_modules/.bin/bin}, installed there first if
   * missing; {@code consequence} says what the test cannot do without it.
   */
  public static synchronized Path binary(
      String override, String packageSpec, String bin, Path prefix, String consequence) {
    String given = System.getenv(override);
    if (given != null) {
      return Path.of(given);
    }
    Path installed = prefix.resolve("node_modules/.bin").resolve(bin).toAbsolutePath();
    if (Files.isExecutable(installed)) {
      return installed;
    }
    ExternalTool.requireThat(
        ExternalTool.runs(List.of("node", "--version"), ""),
        "node (package nodejs) is missing, so " + consequence);
    ExternalTool.requireThat(
        ExternalTool.runs(List.of("npm", "--version"), ""),
        "npm (package npm), or $" + override + ", is missing, so " + consequence);
    String log;
    boolean ok;
    try {
      Process p =
          new ProcessBuilder(
                  "npm",
                  "install",
                  "--prefix",
                  prefix.toString(),
                  "--silent",
                  "--no-audit",
                  "--no-fund",
                  packageSpec)
              .redirectErrorStream(true)
              .start();
      log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      ok = p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0 && Files.isExecutable(installed);
    } catch (IOException | InterruptedException e) {
      log = e.toString();
      ok = false;
    }
    ExternalTool.requireThat(
        ok,
        packageSpec + " could not be installed by npm (" + log.strip() + "), so " + consequence);
    return installed;
  }
}

package dev.cortado.wasm.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds external programs that some tests compare against (wabt's {@code wat2wasm}, {@code
 * wast2json}, ...). A missing tool skips the test with a visible message, except when {@code
 * CORTADO_REQUIRE_TOOLS=1} (as in CI): then it fails the test.
 */
public final class ExternalTool {
  private ExternalTool() {}

  /** Returns the tool's path on {@code PATH}, or skips (or fails) the calling test. */
  public static Path require(String name, String debianPackage) {
    Optional<Path> found = find(name);
    if (found.isPresent()) {
      return found.get();
    }
    requireThat(
        false,
        "external tool '"
            + name
            + "' not found on PATH; install Debian package '"
            + debianPackage
            + "' to run this test");
    throw new AssertionError("unreachable");
  }

  /**
   * Skips the calling test with {@code message} unless {@code present}; fails it instead under
   * {@code CORTADO_REQUIRE_TOOLS=1}.
   */
  public static void requireThat(boolean present, String message) {
    if (present) {
      return;
    }
    if ("1".equals(System.getenv("CORTADO_REQUIRE_TOOLS"))) {
      throw new AssertionError(message + " (CORTADO_REQUIRE_TOOLS=1 makes this a failure)");
    }
    System.err.println("SKIPPED: " + message);
    Assumptions.abort(message);
  }

  /** Returns the tool's path on {@code PATH}, if it is there. */
  public static Optional<Path> find(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Returns whether {@code command}, given {@code stdin}, exits with 0 within a minute. */
  public static boolean runs(List<String> command, String stdin) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}

package dev.cortado.component;

import dev.cortado.wasm.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * External programs some tests need (node, npm, clang): a missing one skips the test with a visible
 * message, except when {@code CORTADO_REQUIRE_TOOLS=1} (as in CI), which makes it a failure.
 */
final class RequiredTools {
  private RequiredTools() {}

  /** Skips (or fails) the calling test unless {@code present}: {@code what} is missing, so ... */
  static void require(boolean present, String what, String consequence) {
    ExternalTool.requireThat(present, what + " is missing, so " + consequence);
  }

  /** Returns whether {@code command}, given {@code stdin}, exits with 0 within a minute. */
  static boolean runs(List<String> command, String stdin) {
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

package dev.cortado.container.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a host tool the JDK has no equivalent for ({@code mkfifo}, {@code kill -N}, {@code ps}). */
final class HostCommand {
  private HostCommand() {}

  /**
   * Runs {@code command} and returns what it printed (standard output and error together); fails
   * with "cannot WHAT: output" when it exits with a non-zero status or cannot be run.
   */
  static String run(String what, List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new RuncException("cannot " + what + ": " + output.strip());
      }
      return output;
    } catch (IOException e) {
      throw new RuncException("cannot " + what + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuncException("interrupted: cannot " + what);
    }
  }
}

package dev.cortado.cli;

/**
 * What the running command is doing, in words, for the one line {@link Main} prints when the JVM
 * runs out of heap or stack: commands name each step that may need much of either ("decoding
 * m.wasm", "printing m.wasm as text"). Commands run one at a time in a process.
 */
final class Activity {
  private static volatile String current = "";

  private Activity() {}

  /** Records that the command is now {@code doing} this, e.g. "validating m.wasm". */
  static void now(String doing) {
    current = doing;
  }

  /** Returns what the command was last doing, or {@code fallback} if it never said. */
  static String current(String fallback) {
    String c = current;
    return c.isEmpty() ? fallback : c;
  }

  /** Forgets the activity, before a new command line runs. */
  static void reset() {
    current = "";
  }
}

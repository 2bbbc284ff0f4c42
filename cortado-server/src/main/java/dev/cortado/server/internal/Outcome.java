package dev.cortado.server.internal;

import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.InstantiationException;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.UncaughtException;
import dev.cortado.wasi.WasiExitException;

/** What a request to WebAssembly came to. */
sealed interface Outcome {
  /** The WebAssembly answered. */
  record Answered(CgiResponse response) implements Outcome {}

  /** The WebAssembly answered as it went, through a {@link StreamingResponder.Channel}. */
  record Streamed() implements Outcome {}

  /**
   * The WebAssembly failed.
   *
   * @param kind {@code trap}, {@code timeout}, {@code fuel}, {@code memory}, {@code exit}, {@code
   *     output}, {@code internal}
   * @param detail what happened, for the log
   */
  record Failed(String kind, String detail) implements Outcome {}

  /**
   * Returns the failure a run of WebAssembly ended in: a trap or uncaught exception, an exit, fuel
   * or time running out, memory (the store's limits or the JVM's) running out.
   */
  /**
   * Returns {@code t} on one line for the log: its message (which names the innermost frame), then
   * the frames that called it, outermost last, folded as {@link Trap#describe()} folds them.
   */
  static String oneLine(Trap t) {
    String[] lines = t.describe().split("\n");
    if (lines.length <= 2) {
      return lines[0];
    }
    StringBuilder b = new StringBuilder(lines[0]).append("; called from ");
    for (int i = 2; i < lines.length; i++) {
      b.append(i > 2 ? ", " : "").append(lines[i].strip().replaceFirst("^at ", ""));
    }
    return b.toString();
  }

  static Failed failed(Throwable e) {
    return switch (e) {
      case Trap t -> new Failed("trap", oneLine(t));
      case UncaughtException u -> new Failed("trap", u.getMessage());
      case WasiExitException x -> new Failed("exit", "exited with code " + x.exitCode());
      case ExecutionInterruptedException x ->
          new Failed(
              x.reason() == ExecutionInterruptedException.Reason.OUT_OF_FUEL ? "fuel" : "timeout",
              x.getMessage());
      case InstantiationException i -> new Failed("memory", i.getMessage());
      case OutOfMemoryError o -> new Failed("memory", "the JVM ran out of memory running it");
      default -> new Failed("internal", e.toString());
    };
  }
}

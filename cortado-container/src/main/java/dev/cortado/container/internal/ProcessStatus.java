package dev.cortado.container.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process as {@code /proc/PID/stat} shows it: its state letter and its start time (clock ticks
 * since boot), which tells a container's process from a later one that got the same pid.
 *
 * @param state the state letter ({@code R}, {@code S}, {@code Z} for a zombie, ...)
 * @param startTicks the start time, in clock ticks since boot
 */
public record ProcessStatus(char state, long startTicks) {
  /** Reads the status of {@code pid}, or empty when there is no such process. */
  public static Optional<ProcessStatus> of(long pid) {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (IOException e) {
      return Optional.empty();
    }
    return parse(stat);
  }

  /**
   * Parses a stat line: {@code pid (comm) state ppid ...}, field 22 the start time. The command
   * name may hold spaces and parentheses, so fields are counted from its last {@code )}.
   */
  static Optional<ProcessStatus> parse(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.length()) {
      return Optional.empty();
    }
    String[] fields = stat.substring(close + 2).trim().split(" ");
    // fields[0] is field 3 (state); the start time is field 22.
    if (fields.length < 20) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ProcessStatus(fields[0].charAt(0), Long.parseLong(fields[19])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the process {@code pid}, started at {@code startTicks}, still runs: it exists, is not a
   * zombie (exited, waiting for the shim to collect its status) and is the same process.
   */
  public static boolean alive(long pid, long startTicks) {
    return of(pid)
        .filter(s -> s.state() != 'Z' && s.state() != 'X')
        .filter(s -> s.startTicks() == startTicks)
        .isPresent();
  }
}

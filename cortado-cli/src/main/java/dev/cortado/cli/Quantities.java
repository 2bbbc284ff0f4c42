package dev.cortado.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations and sizes people type on the command line. */
final class Quantities {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");
  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|pages?)?");

  private Quantities() {}

  /** Parses {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or a number of seconds. */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new UserException(
          "not a duration: \"" + text + "\" (write for example 500ms, 10s, 2m or 1h)");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis =
        switch (unit) {
          case "ms" -> amount;
          case "s" -> amount * 1_000;
          case "m" -> amount * 60_000;
          default -> amount * 3_600_000;
        };
    return Duration.ofNanos((long) (millis * 1_000_000));
  }

  /** Parses {@code --timeout}'s value: a {@link #duration} of more than nothing. */
  static Duration timeout(String text) {
    Duration d = duration(text);
    if (d.isZero()) {
      throw new UserException("--timeout must be more than 0");
    }
    return d;
  }

  /** Checks {@code --fuel}'s value, which picocli read as a number: it may not be negative. */
  static long fuel(long n) {
    if (n < 0) {
      throw new UserException("--fuel must not be negative, not " + n);
    }
    return n;
  }

  /**
   * Parses a memory size into bytes: {@code 64MiB}, {@code 1GiB}, {@code 100MB} (decimal), {@code
   * 16pages} (64 KiB each), or a number of bytes.
   */
  static long bytes(String text) {
    Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new UserException(
          "not a size: \"" + text + "\" (write for example 64MiB, 1GiB, 100MB or 256pages)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    long factor =
        switch (unit) {
          case "b" -> 1;
          case "k", "kib" -> 1L << 10;
          case "kb" -> 1_000;
          case "m", "mib" -> 1L << 20;
          case "mb" -> 1_000_000;
          case "g", "gib" -> 1L << 30;
          case "gb" -> 1_000_000_000;
          default -> 65_536; // pages
        };
    return Math.multiplyExact(n, factor);
  }
}

package dev.cortado.container.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The log file runc writes when given {@code --log}: one record per line, JSON ({@code
 * {"level":"error","msg":"...","time":"..."}}, what containerd's shim parses to say "OCI runtime
 * create failed: msg") or logrus's text form ({@code time="..." level=error msg="..."}). Without
 * {@code --log}, records go to standard error as text.
 */
public final class RuncLog {
  /** The two formats of {@code --log-format}. */
  public enum Format {
    /** One JSON object per line. */
    JSON,
    /** logrus's {@code key=value} text. */
    TEXT;

    /** Parses {@code json} or {@code text}. */
    public static Format parse(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "json" -> JSON;
        case "text" -> TEXT;
        default ->
            throw new RuncException(
                "unknown log format \"" + text + "\" (--log-format takes json or text)");
      };
    }
  }

  private final Optional<Path> file;
  private final Format format;
  private final PrintStream fallback;
  private final Clock clock;

  private RuncLog(Optional<Path> file, Format format, PrintStream fallback, Clock clock) {
    this.file = file;
    this.format = format;
    this.fallback = fallback;
    this.clock = clock;
  }

  /** A log appending to {@code file} (or writing to {@code fallback} when empty). */
  public static RuncLog of(Optional<Path> file, Format format, PrintStream fallback) {
    return new RuncLog(file, format, fallback, Clock.systemUTC());
  }

  /** The same log with time read from {@code clock} (tests). */
  public RuncLog withClock(Clock clock) {
    return new RuncLog(file, format, fallback, clock);
  }

  /** Whether records go to a file (else to standard error). */
  public boolean toFile() {
    return file.isPresent();
  }

  /** Records an error. */
  public void error(String message) {
    write("error", message);
  }

  /** Records a warning: something skipped that the caller may want to know about. */
  public void warn(String message) {
    write("warning", message);
  }

  /** Records what was done. */
  public void info(String message) {
    write("info", message);
  }

  /** Returns the line for one record, without its line break. */
  public String line(String level, String message) {
    String time = Instant.now(clock).toString();
    if (format == Format.JSON) {
      ObjectNode node = Json.MAPPER.createObjectNode();
      node.put("level", level);
      node.put("msg", message);
      node.put("time", time);
      return node.toString();
    }
    return "time=\"" + time + "\" level=" + level + " msg=" + quoted(message);
  }

  private void write(String level, String message) {
    if (file.isEmpty()) {
      fallback.println(line(level, message));
      fallback.flush();
      return;
    }
    try {
      Files.writeString(
          file.get(),
          line(level, message) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      fallback.println("cortado-runc: cannot write the log " + file.get() + ": " + e.getMessage());
      fallback.println(line(level, message));
      fallback.flush();
    }
  }

  /** Quotes a value as logrus does: in double quotes, with {@code "} and {@code \} escaped. */
  private static String quoted(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}

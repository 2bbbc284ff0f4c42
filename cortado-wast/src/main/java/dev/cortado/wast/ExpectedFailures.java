package dev.cortado.wast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The commands and scripts known to fail, each with the reason. The file format is one entry per
 * line: {@code file.wast:line reason} for one command, {@code file.wast reason} for a whole script
 * (any of its commands may fail, or it may not parse; it must not pass completely); {@code #}
 * starts a comment.
 */
public final class ExpectedFailures {
  private static final ExpectedFailures NONE = new ExpectedFailures(Map.of());

  private final Map<String, String> reasons;

  private ExpectedFailures(Map<String, String> reasons) {
    this.reasons = Map.copyOf(reasons);
  }

  /** Returns an empty list. */
  public static ExpectedFailures none() {
    return NONE;
  }

  /** Parses the list's text. */
  public static ExpectedFailures parse(String text) {
    Map<String, String> reasons = new HashMap<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.indexOf(' ');
      if (space < 0) {
        throw new IllegalArgumentException("expected-failure entry without a reason: " + line);
      }
      reasons.put(line.substring(0, space), line.substring(space + 1).strip());
    }
    return new ExpectedFailures(reasons);
  }

  /** Reads the list from {@code file}. */
  public static ExpectedFailures read(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  /** Returns the reason {@code location} ({@code file.wast:line}) is expected to fail. */
  public Optional<String> reason(String location) {
    return Optional.ofNullable(reasons.get(location));
  }

  /**
   * Returns the reason the whole script {@code file} ({@code file.wast}) is expected to fail, if
   * the list names it without a line.
   */
  public Optional<String> scriptReason(String file) {
    return Optional.ofNullable(reasons.get(file));
  }

  /** Returns the number of entries. */
  public int size() {
    return reasons.size();
  }

  /** Returns every entry, location ({@code file.wast:line} or {@code file.wast}) to reason. */
  public Map<String, String> entries() {
    return reasons;
  }
}

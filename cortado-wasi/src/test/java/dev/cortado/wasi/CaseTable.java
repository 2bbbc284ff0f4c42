package dev.cortado.wasi;

import dev.cortado.wasi.internal.Errno;
import java.util.stream.Collectors;

/**
 * Tables of expected results for the test programs that print one {@code name result} line per case
 * ({@code escape.c}, {@code pathops.c}).
 */
final class CaseTable {
  private CaseTable() {}

  /**
   * Returns {@code table} as the program prints it: each line is a case's name and its result, an
   * errno name ({@code PERM}) or a number; {@code #} starts a note.
   */
  static String expected(String table) {
    return table
        .lines()
        .map(l -> l.replaceAll(" *#.*", ""))
        .map(l -> l.split(" "))
        .map(parts -> parts[0] + " " + number(parts[1]))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  /** Returns the first two words of each line of {@code stdout} that does not start indented. */
  static String results(String stdout) {
    return stdout
        .lines()
        .filter(l -> !l.startsWith(" "))
        .map(l -> l.split(" "))
        .map(parts -> parts[0] + " " + parts[1])
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static String number(String value) {
    if (Character.isDigit(value.charAt(0))) {
      return value;
    }
    try {
      return String.valueOf(Errno.class.getField(value).getInt(null));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("no errno " + value, e);
    }
  }
}

package dev.cortado.container.internal;

import java.util.Locale;
import java.util.Map;

/**
 * Signal names and numbers as {@code runc kill} takes them: {@code 9}, {@code KILL} or {@code
 * SIGKILL} (any case). Numbers are Linux's (x86 and arm alike for these).
 */
public final class Signals {
  /** SIGKILL. */
  public static final int KILL = 9;

  /** SIGTERM. */
  public static final int TERM = 15;

  private static final Map<String, Integer> NUMBERS =
      Map.ofEntries(
          Map.entry("HUP", 1),
          Map.entry("INT", 2),
          Map.entry("QUIT", 3),
          Map.entry("ILL", 4),
          Map.entry("TRAP", 5),
          Map.entry("ABRT", 6),
          Map.entry("IOT", 6),
          Map.entry("BUS", 7),
          Map.entry("FPE", 8),
          Map.entry("KILL", 9),
          Map.entry("USR1", 10),
          Map.entry("SEGV", 11),
          Map.entry("USR2", 12),
          Map.entry("PIPE", 13),
          Map.entry("ALRM", 14),
          Map.entry("TERM", 15),
          Map.entry("STKFLT", 16),
          Map.entry("CHLD", 17),
          Map.entry("CONT", 18),
          Map.entry("STOP", 19),
          Map.entry("TSTP", 20),
          Map.entry("TTIN", 21),
          Map.entry("TTOU", 22),
          Map.entry("URG", 23),
          Map.entry("XCPU", 24),
          Map.entry("XFSZ", 25),
          Map.entry("VTALRM", 26),
          Map.entry("PROF", 27),
          Map.entry("WINCH", 28),
          Map.entry("IO", 29),
          Map.entry("POLL", 29),
          Map.entry("PWR", 30),
          Map.entry("SYS", 31));

  private Signals() {}

  /** Returns the number of the signal written as {@code text}, or fails naming it. */
  public static int parse(String text) {
    String s = text.strip().toUpperCase(Locale.ROOT);
    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
      int n;
      try {
        n = Integer.parseInt(s);
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n >= 1 && n <= 64) {
        return n;
      }
      throw new RuncException("unknown signal \"" + text + "\" (signals are 1 to 64)");
    }
    String name = s.startsWith("SIG") ? s.substring(3) : s;
    Integer n = NUMBERS.get(name);
    if (n == null) {
      throw new RuncException("unknown signal \"" + text + "\"");
    }
    return n;
  }
}

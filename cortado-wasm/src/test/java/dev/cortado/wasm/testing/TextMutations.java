package dev.cortado.wasm.testing;

import java.util.Random;
import java.util.function.Predicate;

/**
 * Random edits of a text, and the loop that feeds them to a reader: for the fuzz tests of the
 * readers of text (WAT, WAVE, WIT, spin.toml, a bindle's invoice.toml, a Suborbital Directive.yaml,
 * registry documents, npm ranges, a WAGI program's output); and the two settings every fuzz test
 * takes for a long run ({@link #seed}, {@link #count}).
 */
public final class TextMutations {
  private TextMutations() {}

  /** Pieces that reach a TOML reader's edges: its brackets, quotes, escapes and odd numbers. */
  public static final String[] TOML = {
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    "\"",
    "'",
    "'''",
    "\"\"\"",
    ",",
    ".",
    "\n",
    "#",
    "\\",
    "\\u0000",
    "-1",
    "99999999999999999999",
    "1e400",
    "true",
    "inf",
    "nan",
    "../",
    "/",
    ".."
  };

  /** Pieces that reach a JSON reader's edges: its brackets, quotes, escapes and odd numbers. */
  public static final String[] JSON = {
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\\",
    "\\u0000",
    "null",
    "true",
    "-1",
    "1e999",
    "99999999999999999999",
    "{}",
    "[]",
    "\"../..\"",
    "\"/\""
  };

  /** Returns {@code common} followed by {@code more}. */
  public static String[] pieces(String[] common, String... more) {
    String[] all = java.util.Arrays.copyOf(common, common.length + more.length);
    System.arraycopy(more, 0, all, common.length, more.length);
    return all;
  }

  /**
   * Returns {@code seed} with one to four random edits: a span deleted, one of {@code pieces}
   * inserted, a span doubled, the text cut short, or a character replaced by any of the first
   * 12,288 code points.
   */
  public static String mutate(String seed, Random random, String[] pieces) {
    StringBuilder b = new StringBuilder(seed);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && b.length() > 0; i++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(5)) {
        case 0 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(20)));
        case 1 -> b.insert(at, pieces[random.nextInt(pieces.length)]);
        case 2 -> {
          int end = Math.min(b.length(), at + 1 + random.nextInt(40));
          b.insert(end, b.substring(at, end));
        }
        case 3 -> b.setLength(at);
        default ->
            b.setCharAt(
                at, (char) (random.nextBoolean() ? random.nextInt(128) : random.nextInt(0x3000)));
      }
    }
    return b.toString();
  }

  /**
   * Returns the random seed of a fuzz test: {@code cortado.fuzz.seed} when given (for a long run),
   * else the test's {@code own}.
   */
  public static long seed(long own) {
    return Long.getLong("cortado.fuzz.seed", own);
  }

  /**
   * Returns how many inputs a fuzz test tries: {@code cortado.fuzz.count} when given (for a long
   * run), else the test's {@code own}.
   */
  public static int count(int own) {
    return Integer.getInteger("cortado.fuzz.count", own);
  }

  /** Reads one text; may throw whatever the reader throws. */
  @FunctionalInterface
  public interface Reader {
    void read(String text) throws Exception;
  }

  /**
   * Feeds {@code reader} mutations of {@code seed} ({@code cortado.fuzz.count} of them, default
   * {@code count}, from random seed {@code cortado.fuzz.seed}, default {@code randomSeed}) and
   * fails on the first that throws what {@code expected} does not accept, or that takes more than 5
   * s.
   */
  public static void fuzz(
      String seed,
      String[] pieces,
      long randomSeed,
      int count,
      Predicate<Throwable> expected,
      Reader reader) {
    Random random = new Random(seed(randomSeed));
    int tries = count(count);
    for (int i = 0; i < tries; i++) {
      String text = mutate(seed, random, pieces);
      long start = System.nanoTime();
      try {
        reader.read(text);
      } catch (Throwable t) {
        if (!expected.test(t)) {
          throw new AssertionError("unexpected " + t + " for:\n" + text, t);
        }
      }
      if (System.nanoTime() - start > 5_000_000_000L) {
        throw new AssertionError("took more than 5 s for:\n" + text);
      }
    }
  }

  /**
   * Returns whether {@code t} is an assertion of the TOML library's own, which it asserts before
   * reporting the same input as not valid TOML when assertions are off, as they are outside tests.
   */
  public static boolean tomlLibraryAssertion(Throwable t) {
    return t instanceof AssertionError
        && t.getStackTrace().length > 0
        && t.getStackTrace()[0].getClassName().startsWith("org.tomlj.");
  }
}

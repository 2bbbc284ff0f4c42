package dev.cortado.wasm.testing;

import java.util.Random;

/** Random edits of a text, for the fuzz tests of the readers of text (WAT, WAVE). */
public final class TextMutations {
  private TextMutations() {}

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
}

package dev.cortado.wasm;

import java.util.OptionalLong;

/**
 * The size range of a memory (in pages) or a table (in elements).
 *
 * @param min the initial size
 * @param max the maximum size, if any
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#limits">Limits</a>
 */
public record Limits(long min, OptionalLong max) {
  /** Checks the maximum is present (possibly empty). */
  public Limits {
    if (max == null) {
      throw new NullPointerException("max");
    }
  }

  /** Returns limits with a minimum and no maximum. */
  public static Limits of(long min) {
    return new Limits(min, OptionalLong.empty());
  }

  /** Returns limits with a minimum and a maximum. */
  public static Limits of(long min, long max) {
    return new Limits(min, OptionalLong.of(max));
  }

  @Override
  public String toString() {
    String text = Long.toUnsignedString(min);
    return max.isPresent() ? text + " " + Long.toUnsignedString(max.getAsLong()) : text;
  }
}

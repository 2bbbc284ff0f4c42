package dev.cortado.runtime.internal.store;

/**
 * An {@code i31ref} (Wasm 3.0 GC): a 31-bit integer that is a reference. Two are {@code ref.eq}
 * when their values are equal, which {@link #equals} says.
 *
 * @param value the integer, its 31 bits sign-extended
 */
public record I31(int value) {
  /** Returns the i31 of the low 31 bits of {@code bits}. */
  public static I31 wrap(int bits) {
    return new I31((bits << 1) >> 1);
  }

  /** Returns the value zero-extended from 31 bits ({@code i31.get_u}). */
  public int unsigned() {
    return value & 0x7FFF_FFFF;
  }
}

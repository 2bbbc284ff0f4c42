package dev.cortado.component.internal;

import dev.cortado.wasm.internal.ByteReader;

/** The fixed bytes of the component encoding: a byte that must be one value. */
final class Expect {
  private Expect() {}

  /** Reads a byte that must be {@code expected}; {@code what} names it in the error. */
  static void next(ByteReader in, int expected, String what) {
    int at = in.position();
    int b = in.u8();
    if (b != expected) {
      throw in.error(
          "malformed "
              + what
              + ": 0x"
              + Integer.toHexString(b)
              + " where 0x"
              + Integer.toHexString(expected)
              + " was expected",
          at);
    }
  }
}

package dev.cortado.oci.internal.wasmer;

import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads little-endian fields from a range of a package's bytes, refusing every read past the
 * range's end with a message naming what was being read and where.
 */
final class Cursor {
  private final byte[] bytes;
  private final int start;
  private final int end;
  private final String what;
  private int pos;

  private Cursor(byte[] bytes, int start, int end, String what) {
    this.bytes = bytes;
    this.start = start;
    this.end = end;
    this.what = what;
    this.pos = start;
  }

  /** Returns a cursor over all of {@code bytes}; {@code what} names them in messages. */
  static Cursor of(byte[] bytes, String what) {
    return new Cursor(bytes, 0, bytes.length, what);
  }

  /** Returns a cursor over {@code length} bytes at {@code offset} of this range. */
  Cursor range(long offset, long length, String part) {
    if (offset < 0 || length < 0 || offset > size() || length > size() - offset) {
      throw malformed(
          part
              + " at offset "
              + offset
              + " ("
              + length
              + " bytes) lies outside the "
              + size()
              + " bytes there are");
    }
    return new Cursor(bytes, start + (int) offset, start + (int) (offset + length), what);
  }

  /** Returns the next {@code length} bytes as a cursor of their own, and skips them. */
  Cursor take(long length, String part) {
    Cursor c = range(pos - start, length, part);
    pos += (int) length;
    return c;
  }

  int size() {
    return end - start;
  }

  int position() {
    return pos - start;
  }

  void seek(long offset, String part) {
    if (offset < 0 || offset > size()) {
      throw malformed(part + " points at offset " + offset + ", outside the " + size() + " bytes");
    }
    pos = start + (int) offset;
  }

  boolean atEnd() {
    return pos >= end;
  }

  int u8(String part) {
    need(1, part);
    return bytes[pos++] & 0xff;
  }

  /** Reads a u64 that must be a length or offset Java can index: 0 to 2^31 - 1. */
  long u64(String part) {
    need(8, part);
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (bytes[pos + i] & 0xff);
    }
    pos += 8;
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw malformed(part + " is " + Long.toUnsignedString(v) + ", beyond any file's size");
    }
    return v;
  }

  byte[] bytes(int length, String part) {
    need(length, part);
    byte[] b = new byte[length];
    System.arraycopy(bytes, pos, b, 0, length);
    pos += length;
    return b;
  }

  void skip(int length, String part) {
    need(length, part);
    pos += length;
  }

  /** Reads {@code length} bytes of UTF-8, refusing bytes that are not UTF-8. */
  String utf8(long length, String part) {
    ByteBuffer b = take(length, part).buffer();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(b)
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed(part + " is not UTF-8");
    }
  }

  /** Returns the whole range as a read-only buffer. */
  ByteBuffer buffer() {
    return ByteBuffer.wrap(bytes, start, end - start).slice().asReadOnlyBuffer();
  }

  /** Returns a copy of the whole range. */
  byte[] toArray() {
    byte[] b = new byte[end - start];
    System.arraycopy(bytes, start, b, 0, b.length);
    return b;
  }

  private void need(int n, String part) {
    if (n < 0 || end - pos < n) {
      throw malformed(part + " at offset " + position() + " is truncated");
    }
  }

  OciException malformed(String why) {
    return new OciException(Kind.MALFORMED_PACKAGE, what + " is not a valid package: " + why);
  }
}

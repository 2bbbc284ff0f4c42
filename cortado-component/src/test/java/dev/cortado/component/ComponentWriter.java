package dev.cortado.component;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes component binaries for tests, section by section: each section's items are raw bytes put
 * together with {@link #name}, {@link #u32} and {@link #bytes}, so that a test spells out exactly
 * the definitions it exercises.
 */
final class ComponentWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ComponentWriter() {
    out.writeBytes(new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0});
  }

  /** A section of {@code id} with a vector of {@code items}. */
  ComponentWriter section(int id, byte[]... items) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(u32(items.length));
    for (byte[] item : items) {
      body.writeBytes(item);
    }
    return raw(id, body.toByteArray());
  }

  /** A section of {@code id} whose content is {@code content} as it is (a core module's). */
  ComponentWriter raw(int id, byte[] content) {
    out.write(id);
    out.writeBytes(u32(content.length));
    out.writeBytes(content);
    return this;
  }

  byte[] toBytes() {
    return out.toByteArray();
  }

  static byte[] u32(long v) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    do {
      int x = (int) (v & 0x7F);
      v >>>= 7;
      b.write(v != 0 ? x | 0x80 : x);
    } while (v != 0);
    return b.toByteArray();
  }

  static byte[] name(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    return bytes(u32(utf8.length), utf8);
  }

  /** The bytes of {@code parts}: byte arrays, and ints as single bytes. */
  static byte[] bytes(Object... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (Object p : parts) {
      if (p instanceof byte[] a) {
        b.writeBytes(a);
      } else {
        b.write((Integer) p);
      }
    }
    return b.toByteArray();
  }
}

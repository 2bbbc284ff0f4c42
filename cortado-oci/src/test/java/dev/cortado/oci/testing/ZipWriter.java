package dev.cortado.oci.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds zips for tests (Suborbital bundles), hostile ones too: any entry name, and entries marked
 * as Unix symbolic links in the central directory (which {@link ZipOutputStream} cannot write, so
 * the directory is patched afterwards).
 */
public final class ZipWriter {
  private record Entry(String name, byte[] bytes, boolean link) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Adds a file entry. */
  public ZipWriter file(String name, byte[] bytes) {
    entries.add(new Entry(name, bytes, false));
    return this;
  }

  /** Adds a file entry with UTF-8 text. */
  public ZipWriter file(String name, String text) {
    return file(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds a symbolic link entry pointing at {@code target}. */
  public ZipWriter link(String name, String target) {
    entries.add(new Entry(name, target.getBytes(StandardCharsets.UTF_8), true));
    return this;
  }

  /** Writes the zip to {@code file}. */
  public Path write(Path file) {
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
        for (Entry e : entries) {
          zip.putNextEntry(new ZipEntry(e.name()));
          zip.write(e.bytes());
          zip.closeEntry();
        }
      }
      byte[] bytes = buffer.toByteArray();
      for (Entry e : entries) {
        if (e.link()) {
          markLink(bytes, e.name());
        }
      }
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void markLink(byte[] zip, String name) {
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    for (int p = 0; p + 46 < zip.length; p++) {
      if (b.getInt(p) != 0x02014b50) {
        continue;
      }
      int length = Short.toUnsignedInt(b.getShort(p + 28));
      if (length == wanted.length
          && java.util.Arrays.equals(zip, p + 46, p + 46 + length, wanted, 0, length)) {
        b.putShort(p + 4, (short) 0x031e);
        b.putInt(p + 38, 0120777 << 16);
        return;
      }
    }
    throw new IllegalStateException("no central directory entry " + name);
  }
}

package dev.cortado.oci.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Writes tar archives in gzip, as npm packs packages ({@code package/...}), and hostile ones: any
 * entry name, links, devices, sizes that unpack to much more than they weigh.
 */
public final class TarGz {
  private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

  private TarGz() {}

  /** Starts an empty archive. */
  public static TarGz builder() {
    return new TarGz();
  }

  /** Adds {@code package/<path>} with {@code bytes}. */
  public TarGz file(String path, byte[] bytes) {
    return entry("package/" + path, '0', bytes, "");
  }

  /** Adds {@code package/<path>} with text. */
  public TarGz file(String path, String text) {
    return file(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds {@code package/<path>} as a symbolic link to {@code target}. */
  public TarGz symlink(String path, String target) {
    return entry("package/" + path, '2', new byte[0], target);
  }

  /** Adds an entry named exactly {@code name} of tar type {@code type}. */
  public TarGz entry(String name, char type, byte[] bytes, String linkName) {
    byte[] h = new byte[512];
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    if (n.length > 100) {
      pax(name);
      n = "long-name".getBytes(StandardCharsets.UTF_8);
    }
    System.arraycopy(n, 0, h, 0, n.length);
    octal(h, 100, 8, 0644);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, bytes.length);
    octal(h, 136, 12, 0);
    h[156] = (byte) type;
    byte[] l = linkName.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(l, 0, h, 157, l.length);
    System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
    h[263] = '0';
    h[264] = '0';
    checksum(h, 0);
    tar.writeBytes(h);
    tar.writeBytes(bytes);
    tar.writeBytes(new byte[(512 - bytes.length % 512) % 512]);
    return this;
  }

  /** Writes the checksum of the header block at {@code offset} of {@code tar} into it. */
  public static void checksum(byte[] tar, int offset) {
    for (int i = 148; i < 156; i++) {
      tar[offset + i] = ' ';
    }
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += tar[offset + i] & 0xff;
    }
    byte[] field = new byte[8];
    octal(field, 0, 7, sum);
    System.arraycopy(field, 0, tar, offset + 148, 7);
  }

  private void pax(String name) {
    String record = " path=" + name + "\n";
    int len = record.length() + 1;
    while (String.valueOf(len).length() + record.length() != len) {
      len = String.valueOf(len).length() + record.length();
    }
    entry("PaxHeader", 'x', (len + record).getBytes(StandardCharsets.UTF_8), "");
  }

  private static void octal(byte[] h, int off, int len, long value) {
    String s = Long.toOctalString(value);
    s = "0".repeat(len - 1 - s.length()) + s;
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, b.length);
  }

  /** Returns the archive: the entries, two zero blocks, in gzip. */
  public byte[] build() {
    return gzip(tar());
  }

  /** Returns the archive uncompressed: the entries and two zero blocks. */
  public byte[] tar() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(tar.toByteArray());
    out.writeBytes(new byte[1024]);
    return out.toByteArray();
  }

  /** Returns {@code bytes} in gzip. */
  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

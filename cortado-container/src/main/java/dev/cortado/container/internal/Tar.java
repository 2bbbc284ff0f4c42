package dev.cortado.container.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a POSIX ustar archive of regular files, byte for byte the same for the same input (owner
 * root, a fixed time), so that an image built twice has the same digests.
 */
public final class Tar {
  private static final int BLOCK = 512;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Adds {@code bytes} as file {@code name} (a relative path of at most 100 bytes). */
  public Tar file(String name, int mode, byte[] bytes) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    if (nameBytes.length > 100 || name.startsWith("/") || name.contains("..")) {
      throw new IllegalArgumentException("not a tar member name: " + name);
    }
    byte[] h = new byte[BLOCK];
    System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, bytes.length);
    octal(h, 136, 12, 0);
    Arrays.fill(h, 148, 156, (byte) ' ');
    h[156] = '0';
    put(h, 257, "ustar\0");
    put(h, 263, "00");
    put(h, 265, "root");
    put(h, 297, "root");
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    h[155] = ' ';
    out.writeBytes(h);
    out.writeBytes(bytes);
    out.writeBytes(new byte[(BLOCK - bytes.length % BLOCK) % BLOCK]);
    return this;
  }

  /** The archive: the files, then the two zero blocks that end it. */
  public byte[] toByteArray() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(out.toByteArray());
    all.writeBytes(new byte[2 * BLOCK]);
    return all.toByteArray();
  }

  /** Writes the archive to {@code stream}. */
  public void writeTo(OutputStream stream) throws IOException {
    stream.write(toByteArray());
  }

  private static void octal(byte[] h, int offset, int width, long value) {
    String s = Long.toOctalString(value);
    String padded = "0".repeat(Math.max(0, width - 1 - s.length())) + s;
    put(h, offset, padded);
    h[offset + width - 1] = 0;
  }

  private static void put(byte[] h, int offset, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, offset, b.length);
  }
}

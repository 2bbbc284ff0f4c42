package dev.cortado.runtime.internal.compiled;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A 64-bit checksum of a short text (a CRC-32 and a CRC-32C of its UTF-8 bytes side by side), for
 * names in the code cache that tell apart texts Cortado writes itself (versions, a file's path and
 * inode), where no adversary picks the text and a collision is caught by what the named file holds.
 * Not a SHA-256: the first use of {@code MessageDigest} sets up the JDK's security providers, about
 * 15 ms of every start (RATIONALE.md: "What a start links anew every time").
 */
public final class TextChecksum {
  private TextChecksum() {}

  /** Returns the checksum of {@code text}. */
  public static long of(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    CRC32 a = new CRC32();
    a.update(b);
    CRC32C c = new CRC32C();
    c.update(b);
    return a.getValue() << 32 | c.getValue();
  }

  /** Returns the checksum of {@code text} as 16 hex digits. */
  public static String hex(String text) {
    return HexFormat.of().toHexDigits(of(text));
  }
}

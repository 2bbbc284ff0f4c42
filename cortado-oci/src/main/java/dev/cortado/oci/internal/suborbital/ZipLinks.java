package dev.cortado.oci.internal.suborbital;

import dev.cortado.oci.internal.wasmer.PackagePaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finds links in a zip: the JDK's zip readers do not show an entry's Unix mode, which the central
 * directory keeps in the upper half of an entry's external attributes when the entry was made on
 * Unix. An entry whose mode is a symbolic link is refused, whatever its content.
 *
 * @see <a href="https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT">the zip format,
 *     sections 4.3.12 and 4.3.16</a>
 */
final class ZipLinks {
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int ENTRY_SIGNATURE = 0x02014b50;
  private static final int END_SIZE = 22;
  private static final int MAX_COMMENT = 0xffff;
  private static final int UNIX = 3;
  private static final int TYPE_MASK = 0170000;
  private static final int LINK = 0120000;

  private ZipLinks() {}

  /** Refuses {@code zip} if an entry of its central directory is a symbolic link. */
  static void refuseLinks(Path zip, String what) throws IOException {
    try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
      long size = ch.size();
      int tail = (int) Math.min(size, END_SIZE + MAX_COMMENT);
      ByteBuffer end = read(ch, size - tail, tail);
      int at = -1;
      for (int i = tail - END_SIZE; i >= 0; i--) {
        if (end.getInt(i) == END_SIGNATURE) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        throw BundleZip.malformed(what, "it is not a zip (no end of central directory)");
      }
      long dirSize = Integer.toUnsignedLong(end.getInt(at + 12));
      long dirOffset = Integer.toUnsignedLong(end.getInt(at + 16));
      if (dirSize == 0xffffffffL || dirOffset == 0xffffffffL) {
        throw PackagePaths.unsafe(what, "it is a zip64 archive, larger than a bundle may be");
      }
      if (dirOffset + dirSize > size || dirSize > Integer.MAX_VALUE) {
        throw BundleZip.malformed(what, "its central directory lies outside the file");
      }
      ByteBuffer dir = read(ch, dirOffset, (int) dirSize);
      for (int p = 0; p + 46 <= dirSize; ) {
        if (dir.getInt(p) != ENTRY_SIGNATURE) {
          throw BundleZip.malformed(what, "its central directory is damaged");
        }
        int madeBy = Short.toUnsignedInt(dir.getShort(p + 4)) >> 8;
        int nameLength = Short.toUnsignedInt(dir.getShort(p + 28));
        int extraLength = Short.toUnsignedInt(dir.getShort(p + 30));
        int commentLength = Short.toUnsignedInt(dir.getShort(p + 32));
        int mode = dir.getInt(p + 38) >>> 16;
        if (madeBy == UNIX && (mode & TYPE_MASK) == LINK) {
          byte[] name = new byte[Math.min(nameLength, (int) dirSize - p - 46)];
          dir.get(p + 46, name);
          throw PackagePaths.unsafe(
              what,
              "entry \""
                  + new String(name, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?")
                  + "\" is a symbolic link");
        }
        p += 46 + nameLength + extraLength + commentLength;
      }
    }
  }

  private static ByteBuffer read(FileChannel ch, long from, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (ch.read(b, from + b.position()) < 0) {
        break;
      }
    }
    return b.flip();
  }
}

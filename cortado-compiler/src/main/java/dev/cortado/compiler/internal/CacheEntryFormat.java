package dev.cortado.compiler.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The bytes of one code cache entry:
 *
 * <pre>
 * magic "CORTADO CODE" (12 bytes) | format u32 (2) | key (32 bytes) | entry class (UTF)
 * | compiled functions: u32 n, n bytes (BitSet) | classes: u32 count, then (name UTF, u32 n, n bytes)
 * | CRC-32 of all the bytes before (u32)
 * </pre>
 *
 * A reader accepts an entry only when the checksum, magic, format and key all match and the parts
 * parse to the end exactly, so a truncated, flipped, foreign or misplaced file is never loaded. The
 * checksum finds damage, not tampering (whoever can write the cache can write code into it): a
 * CRC-32, which the JVM computes with the processor's instructions even before any compilation,
 * where a SHA-256 of a 100 KB entry took 10-15 ms of a cold start (format 1 had one).
 */
final class CacheEntryFormat {
  static final byte[] MAGIC = "CORTADO CODE".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT = 2;
  private static final int CHECKSUM = 4;

  private CacheEntryFormat() {}

  /** Returns the entry for {@code classes} under {@code key}. */
  static byte[] write(CacheKey key, ModuleClasses classes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) classes.byteSize() + 4096);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeInt(FORMAT);
      out.write(key.bytes());
      out.writeUTF(classes.entryClass());
      byte[] compiled = classes.compiled().toByteArray();
      out.writeInt(compiled.length);
      out.write(compiled);
      out.writeInt(classes.classes().size());
      for (Map.Entry<String, byte[]> c : classes.classes().entrySet()) {
        out.writeUTF(c.getKey());
        out.writeInt(c.getValue().length);
        out.write(c.getValue());
      }
      out.flush();
      out.writeInt(crc32(bytes.toByteArray(), bytes.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Returns the classes in {@code entry}, or why it is not a valid entry for {@code key}. */
  static Result read(CacheKey key, byte[] entry) {
    if (entry.length < MAGIC.length + 4 + 32 + CHECKSUM) {
      return Result.bad("truncated");
    }
    int body = entry.length - CHECKSUM;
    if (crc32(entry, body) != ByteBuffer.wrap(entry, body, CHECKSUM).getInt()) {
      return Result.bad("checksum mismatch (damaged or truncated)");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry, 0, body))) {
      if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
        return Result.bad("not a Cortado code cache entry");
      }
      int format = in.readInt();
      if (format != FORMAT) {
        return Result.bad("entry format " + format + ", expected " + FORMAT);
      }
      if (!key.matches(in.readNBytes(32))) {
        return Result.bad("entry of another key");
      }
      String entryClass = in.readUTF();
      BitSet compiled = BitSet.valueOf(in.readNBytes(length(in, body)));
      int count = length(in, body);
      Map<String, byte[]> classes = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        byte[] b = in.readNBytes(length(in, body));
        classes.put(name, b);
      }
      if (in.available() != 0) {
        return Result.bad("trailing bytes");
      }
      return new Result(Optional.of(new ModuleClasses(entryClass, compiled, classes)), "");
    } catch (IOException | IllegalArgumentException e) {
      return Result.bad("unreadable: " + e.getMessage());
    }
  }

  private static int length(DataInputStream in, int limit) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > limit) {
      throw new IOException("bad length " + n);
    }
    return n;
  }

  private static int crc32(byte[] b, int length) {
    CRC32 crc = new CRC32();
    crc.update(b, 0, length);
    return (int) crc.getValue();
  }

  /** A read entry's classes, or empty with the reason it was refused. */
  record Result(Optional<ModuleClasses> classes, String problem) {
    static Result bad(String problem) {
      return new Result(Optional.empty(), problem);
    }
  }
}

package dev.cortado.wasm;

import dev.cortado.wasm.internal.FileStamp;
import dev.cortado.wasm.internal.ModelAccess;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An immutable sequence of bytes: the contents of data segments, custom sections and code.
 *
 * <p>Equality is by content. A decoded module's byte sequences are views of one copy of the input,
 * so decoding does not copy every segment again.
 */
public final class Bytes {
  /** The empty sequence. */
  public static final Bytes EMPTY = new Bytes(new byte[0], 0, 0);

  static {
    ModelAccess.install(new Access());
  }

  private final byte[] array;
  private final int offset;
  private final int length;
  // The file these bytes are the whole, unchanged contents of, when read by read(Path).
  private final FileStamp source;

  private Bytes(byte[] array, int offset, int length) {
    this(array, offset, length, null);
  }

  private Bytes(byte[] array, int offset, int length, FileStamp source) {
    this.array = array;
    this.offset = offset;
    this.length = length;
    this.source = source;
  }

  /** Returns a sequence holding a copy of {@code bytes}. */
  public static Bytes of(byte[] bytes) {
    return new Bytes(bytes.clone(), 0, bytes.length);
  }

  /**
   * Returns a sequence holding a copy of {@code length} bytes of {@code bytes} from {@code from}.
   */
  public static Bytes of(byte[] bytes, int from, int length) {
    return new Bytes(Arrays.copyOfRange(bytes, from, Math.addExact(from, length)), 0, length);
  }

  /**
   * Returns the contents of {@code file}, read into memory that nothing else holds.
   *
   * @throws IOException if the file cannot be read, or is 2 GiB or larger
   */
  public static Bytes read(Path file) throws IOException {
    // The file's stamp before and after reading: equal stamps vouch for what was read.
    Optional<FileStamp> before = FileStamp.of(file);
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      if (size > Integer.MAX_VALUE - 8) {
        throw new IOException("larger than 2 GiB");
      }
      byte[] array = new byte[(int) size];
      ByteBuffer buffer = ByteBuffer.wrap(array);
      // Slices of 1 MiB: for a larger read the JDK first copies through a native buffer of the
      // whole size, whose fresh pages cost 0.35 s for a 48 MB module (against 15 ms this way).
      while (buffer.position() < array.length) {
        buffer.limit(Math.min(array.length, buffer.position() + (1 << 20)));
        if (channel.read(buffer) < 0) {
          throw new EOFException("the file shrank while it was read");
        }
      }
      Optional<FileStamp> after = before.isPresent() ? FileStamp.of(file) : Optional.empty();
      FileStamp source =
          after.isPresent() && after.equals(before) && after.get().size() == array.length
              ? after.get()
              : null;
      return new Bytes(array, 0, array.length, source);
    }
  }

  /** Returns the UTF-8 encoding of {@code text}. */
  public static Bytes ofUtf8(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return new Bytes(b, 0, b.length);
  }

  /** Returns the number of bytes. */
  public int length() {
    return length;
  }

  /** Returns the byte at {@code index}. */
  public byte get(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + " outside [0, " + length + ")");
    }
    return array[offset + index];
  }

  /** Returns a copy of the bytes. */
  public byte[] toArray() {
    return Arrays.copyOfRange(array, offset, offset + length);
  }

  /** Copies {@code count} bytes from {@code from} into {@code dest} at {@code destOffset}. */
  public void copyTo(int from, byte[] dest, int destOffset, int count) {
    if (from < 0 || count < 0 || from > length - count) {
      throw new IndexOutOfBoundsException(
          "range [" + from + ", " + from + "+" + count + ") outside [0, " + length + ")");
    }
    System.arraycopy(array, offset + from, dest, destOffset, count);
  }

  /** Returns a read-only view of the bytes. */
  public ByteBuffer asReadOnlyBuffer() {
    return ByteBuffer.wrap(array, offset, length).slice().asReadOnlyBuffer();
  }

  /** Returns the sub-sequence {@code [from, from + count)}, sharing storage. */
  public Bytes slice(int from, int count) {
    if (from < 0 || count < 0 || from > length - count) {
      throw new IndexOutOfBoundsException(
          "range [" + from + ", " + from + "+" + count + ") outside [0, " + length + ")");
    }
    return new Bytes(array, offset + from, count);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b
        && Arrays.equals(array, offset, offset + length, b.array, b.offset, b.offset + b.length);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + array[i];
    }
    return h;
  }

  @Override
  public String toString() {
    int shown = Math.min(length, 32);
    return "Bytes["
        + length
        + "]("
        + HexFormat.of().formatHex(array, offset, offset + shown)
        + (shown < length ? "..." : "")
        + ")";
  }

  private static final class Access implements ModelAccess.BytesAccess {
    @Override
    public Bytes wrap(byte[] array, int offset, int length) {
      return new Bytes(array, offset, length);
    }

    @Override
    public byte[] array(Bytes b) {
      return b.array;
    }

    @Override
    public int offset(Bytes b) {
      return b.offset;
    }

    @Override
    public Optional<FileStamp> source(Bytes b) {
      return Optional.ofNullable(b.source);
    }
  }
}

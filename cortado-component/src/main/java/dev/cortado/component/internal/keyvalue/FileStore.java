package dev.cortado.component.internal.keyvalue;

import dev.cortado.component.WasiKeyValue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A store kept in a file: a header line, then one record per change, appended before the change is
 * seen: {@code op} (1 set, 2 delete), the key's and the value's lengths (4 bytes each, big-endian),
 * the key (UTF-8), the value, and a CRC-32C of all that. Opening replays the records; a record cut
 * short or damaged ends the replay there (the change it held had not been seen by anyone when the
 * process stopped, or the file was damaged), and what follows it is dropped. When the records hold
 * more than twice what the store holds, the file is rewritten with one record per key, beside it
 * and moved over it atomically. A lock on {@code FILE.lock} keeps other processes out.
 */
public final class FileStore extends MemoryStore {
  static final byte[] HEADER = "cortado key-value store 1\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte SET = 1;
  private static final byte DELETE = 2;
  private static final int FIXED = 1 + 4 + 4 + 4;

  /** Below this many bytes of records, the file is never rewritten. */
  static final long COMPACT_FLOOR = 1 << 20;

  private final Path file;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private FileChannel channel;

  /** The file's length: the header and every whole record. */
  private long length;

  private FileStore(Path file, long maxBytes, FileChannel lockChannel, FileLock lock) {
    super(maxBytes);
    this.file = file;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (or makes) the store in {@code file}.
   *
   * @throws IOException if it cannot be read or written, is not a store, or is locked
   */
  public static FileStore open(Path file, long maxBytes) throws IOException {
    try {
      return openOrFail(file, maxBytes);
    } catch (FileSystemException e) {
      throw new IOException(explain(e), e);
    }
  }

  /** Returns "FILE: why", where the JDK's message may be the file's name alone. */
  private static String explain(FileSystemException e) {
    String why = e.getReason();
    if (why == null) {
      why =
          switch (e) {
            case AccessDeniedException a -> "permission denied";
            case NoSuchFileException n -> "no such file or folder";
            case FileAlreadyExistsException x -> "a file is in the way of a folder";
            case NotDirectoryException x -> "not a folder";
            default -> "cannot be used (" + e.getClass().getSimpleName() + ")";
          };
    }
    return e.getFile() + ": " + why;
  }

  private static FileStore openOrFail(Path file, long maxBytes) throws IOException {
    Path absolute = file.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    FileChannel lockChannel =
        FileChannel.open(
            absolute.resolveSibling(absolute.getFileName() + ".lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      throw new IOException(
          file + " is in use by another process (is the application served twice?)");
    }
    FileStore store = new FileStore(absolute, maxBytes, lockChannel, lock);
    try {
      store.load();
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  private void load() throws IOException {
    byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    if (bytes.length == 0) {
      rewrite();
      return;
    }
    if (bytes.length < HEADER.length
        || !Arrays.equals(bytes, 0, HEADER.length, HEADER, 0, HEADER.length)) {
      throw new IOException(file + " is not a Cortado key-value store (its first line is wrong)");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    in.position(HEADER.length);
    length = HEADER.length;
    boolean whole = true;
    while (in.hasRemaining()) {
      int start = in.position();
      if (in.remaining() < FIXED) {
        whole = false;
        break;
      }
      byte op = in.get();
      int keyLength = in.getInt();
      int valueLength = in.getInt();
      if ((op != SET && op != DELETE)
          || keyLength < 0
          || valueLength < 0
          || (long) keyLength + valueLength + 4 > in.remaining()) {
        whole = false;
        break;
      }
      CRC32C crc = new CRC32C();
      crc.update(bytes, start, FIXED - 4 + keyLength + valueLength);
      String key = new String(bytes, in.position(), keyLength, StandardCharsets.UTF_8);
      byte[] value =
          Arrays.copyOfRange(
              bytes, in.position() + keyLength, in.position() + keyLength + valueLength);
      in.position(in.position() + keyLength + valueLength);
      if (in.getInt() != (int) crc.getValue()) {
        whole = false;
        break;
      }
      load(key, op == SET ? value : null);
      length = in.position();
    }
    if (!whole || needsCompacting()) {
      rewrite();
    } else {
      channel = FileChannel.open(file, StandardOpenOption.WRITE);
      channel.position(length);
    }
  }

  @Override
  protected void record(String key, byte[] value) {
    ByteBuffer record = encode(key, value);
    try {
      while (record.hasRemaining()) {
        channel.write(record);
      }
      length += record.limit();
    } catch (IOException e) {
      try {
        channel.truncate(length);
        channel.position(length);
      } catch (IOException ignored) {
        // the torn record is dropped when the file is next opened
      }
      throw new WasiKeyValue.StoreException("writing " + file + " failed: " + e.getMessage());
    }
  }

  /** Returns the record of {@code key} getting {@code value} ({@code null}: deleted). */
  private static ByteBuffer encode(String key, byte[] value) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    int valueLength = value == null ? 0 : value.length;
    ByteBuffer record = ByteBuffer.allocate(FIXED + k.length + valueLength);
    record.put(value == null ? DELETE : SET).putInt(k.length).putInt(valueLength).put(k);
    if (value != null) {
      record.put(value);
    }
    CRC32C crc = new CRC32C();
    crc.update(record.array(), 0, record.position());
    return record.putInt((int) crc.getValue()).flip();
  }

  @Override
  protected void changed() {
    if (needsCompacting()) {
      try {
        rewrite();
      } catch (IOException | RuntimeException e) {
        // The records in the store's own file are whole; rewriting is tried after the next change.
      }
    }
  }

  private boolean needsCompacting() {
    long recorded = length - HEADER.length;
    return recorded > COMPACT_FLOOR && recorded > 2 * (size() + FIXED * (long) entries().size());
  }

  /** Writes every entry to a file beside the store's, then moves it over the store's. */
  private void rewrite() throws IOException {
    Path fresh = file.resolveSibling(file.getFileName() + ".new");
    long written = HEADER.length;
    try (FileChannel out =
        FileChannel.open(
            fresh,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(ByteBuffer.wrap(HEADER));
      for (Map.Entry<String, byte[]> e : entries().entrySet()) {
        ByteBuffer record = encode(e.getKey(), e.getValue());
        while (record.hasRemaining()) {
          written += out.write(record);
        }
      }
      out.force(true);
    }
    Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    if (channel != null) {
      channel.close();
    }
    channel = FileChannel.open(file, StandardOpenOption.WRITE);
    channel.position(written);
    length = written;
  }

  @Override
  public synchronized void close() {
    try {
      if (channel != null) {
        channel.close();
      }
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      // Every record was written when its change was made; nothing is lost by a failed close.
    }
  }
}

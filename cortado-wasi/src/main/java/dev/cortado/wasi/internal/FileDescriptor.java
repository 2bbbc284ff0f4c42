package dev.cortado.wasi.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.util.Objects;

/**
 * A regular file (or another non-directory) opened by {@code path_open}. The position is kept here
 * and every read and write is positional, so {@code fd_seek} past the end, {@code fd_pread} and
 * append mode need nothing from the channel's own position. Append mode ({@code fdflags.append},
 * which {@code fd_fdstat_set_flags} may turn on and off) writes at the end of the file, and, as on
 * Linux, makes {@code fd_pwrite} append too.
 *
 * <p>The JDK cannot stat or set the times of an open channel, so the file remembers where it was
 * opened (its directory, kept open, and its name) and its identity (device and inode): metadata is
 * read from that entry while it is still the same file. After the file was renamed or removed,
 * {@code fd_filestat_get} reports what it last knew (with the current size) and {@code
 * fd_filestat_set_times} fails with {@code STALE}.
 */
public final class FileDescriptor extends Descriptor {
  private final FileChannel channel;
  private final HostDir parent;
  private final String name;
  private HostStat last;
  private long position;

  /**
   * Wraps {@code channel}, opened as entry {@code name} of {@code parent} (retained here), whose
   * metadata right after opening was {@code opened}.
   */
  FileDescriptor(
      FileChannel channel,
      HostDir parent,
      String name,
      HostStat opened,
      long rightsBase,
      int fdflags) {
    super(rightsBase, 0, fdflags);
    this.channel = channel;
    this.parent = parent.retain();
    this.name = name;
    this.last = opened;
  }

  @Override
  public int filetype() {
    return last.filetype();
  }

  @Override
  public int read(byte[] buf, int off, int len) {
    int n = pread(buf, off, len, position);
    position += n;
    return n;
  }

  @Override
  public int pread(byte[] buf, int off, int len, long offset) {
    requireOffset(offset);
    try {
      int n = channel.read(ByteBuffer.wrap(buf, off, len), offset);
      return Math.max(n, 0);
    } catch (NonReadableChannelException e) {
      throw Errno.fail(Errno.BADF, "not open for reading");
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  @Override
  public int write(byte[] buf, int off, int len) {
    long at = appending() ? size() : position;
    int n = writeAt(buf, off, len, at);
    position = at + n;
    return n;
  }

  @Override
  public int pwrite(byte[] buf, int off, int len, long offset) {
    return writeAt(buf, off, len, appending() ? size() : offset);
  }

  private boolean appending() {
    return (fdflags() & Abi.FDFLAGS_APPEND) != 0;
  }

  private int writeAt(byte[] buf, int off, int len, long at) {
    requireOffset(at);
    if (at + len < 0) {
      throw Errno.fail(Errno.FBIG, "write beyond 2^63 bytes");
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(buf, off, len);
      while (b.hasRemaining()) {
        channel.write(b, at + b.position() - off);
      }
      if ((fdflags() & Abi.FDFLAGS_SYNC) != 0) {
        channel.force(true);
      } else if ((fdflags() & Abi.FDFLAGS_DSYNC) != 0) {
        channel.force(false);
      }
      return len;
    } catch (NonWritableChannelException e) {
      throw Errno.fail(Errno.BADF, "not open for writing");
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /**
   * Refuses an offset or size of 2^63 or more: WASI passes them as u64s (preview 2 unchecked), and
   * the JDK's channels throw on a negative one.
   */
  private static void requireOffset(long offset) {
    if (offset < 0) {
      throw Errno.fail(Errno.INVAL, "offset beyond 2^63");
    }
  }

  @Override
  public long seek(long offset, int whence) {
    long from =
        switch (whence) {
          case Abi.WHENCE_SET -> 0;
          case Abi.WHENCE_CUR -> position;
          default -> size();
        };
    long to;
    try {
      to = Math.addExact(from, offset);
    } catch (ArithmeticException e) {
      to = -1;
    }
    if (to < 0) {
      throw Errno.fail(Errno.INVAL, "seek outside 0..2^63");
    }
    position = to;
    return to;
  }

  @Override
  public long tell() {
    return position;
  }

  @Override
  public void sync() {
    force(true);
  }

  @Override
  public void datasync() {
    force(false);
  }

  private void force(boolean metadata) {
    try {
      channel.force(metadata);
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /** Extends the file to {@code offset + len} if it is shorter; never shrinks it. */
  @Override
  public void allocate(long offset, long len) {
    if (len == 0) {
      throw Errno.fail(Errno.INVAL, "allocate 0 bytes");
    }
    long end = offset + len;
    if (end < 0) {
      throw Errno.fail(Errno.FBIG, "allocate beyond 2^63 bytes");
    }
    extendTo(end);
  }

  @Override
  public void setSize(long size) {
    requireOffset(size);
    try {
      if (size < channel.size()) {
        channel.truncate(size);
      } else {
        extendTo(size);
      }
    } catch (NonWritableChannelException e) {
      throw Errno.fail(Errno.BADF, "not open for writing");
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /** Makes the file at least {@code end} bytes long, the new bytes zero (a hole where possible). */
  private void extendTo(long end) {
    if (end > size()) {
      writeAt(new byte[1], 0, 1, end - 1);
    }
  }

  /** Returns the file's size now. */
  public long size() {
    try {
      return channel.size();
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  @Override
  public void filestat(GuestMemory mem, int ptr) {
    stat().write(mem, ptr);
  }

  /** Returns the file's metadata now (as opened, if its name now leads elsewhere). */
  public HostStat stat() {
    HostStat now = parent.statOrNull(name, true);
    if (now != null && Objects.equals(now.key(), last.key())) {
      last = now;
    }
    return last.withSize(size());
  }

  @Override
  public void setTimes(long atim, long mtim, int fstflags, long nowNanos) {
    HostStat now = parent.statOrNull(name, false);
    if (now == null || !Objects.equals(now.key(), last.key())) {
      throw Errno.fail(Errno.STALE, name + " was renamed or removed since it was opened");
    }
    parent.setTimes(name, atim, mtim, fstflags, nowNanos);
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw IoErrors.fail(e);
    } finally {
      parent.close();
    }
  }
}

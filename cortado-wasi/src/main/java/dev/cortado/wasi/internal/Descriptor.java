package dev.cortado.wasi.internal;

/**
 * An open file descriptor of the program: a standard stream, a file, a directory or a socket, with
 * the rights and flags WASI attaches to it. Operations a kind of descriptor does not support fail
 * with the errno a POSIX system would give (a directory cannot be read like a file: {@code ISDIR};
 * a stream cannot seek: {@code SPIPE}).
 */
public abstract class Descriptor {
  private long rightsBase;
  private long rightsInheriting;
  private int fdflags;

  protected Descriptor(long rightsBase, long rightsInheriting, int fdflags) {
    this.rightsBase = rightsBase;
    this.rightsInheriting = rightsInheriting;
    this.fdflags = fdflags;
  }

  /** Returns the WASI file type ({@code Abi.FILETYPE_*}). */
  public abstract int filetype();

  public final long rightsBase() {
    return rightsBase;
  }

  public final long rightsInheriting() {
    return rightsInheriting;
  }

  /**
   * Returns the inheriting rights {@code fd_fdstat_get} reports: {@link #rightsInheriting}, and for
   * a directory with mounted files the rights those may have (wasi-libc asks {@code path_open} for
   * no more than this reports).
   */
  public long reportedRightsInheriting() {
    return rightsInheriting;
  }

  public final int fdflags() {
    return fdflags;
  }

  /** Fails with {@code NOTCAPABLE} unless the descriptor has every right in {@code rights}. */
  public final void require(long rights) {
    if ((rightsBase & rights) != rights) {
      throw Errno.fail(
          Errno.NOTCAPABLE, "missing rights 0x" + Long.toHexString(rights & ~rightsBase));
    }
  }

  /** Narrows the rights; they can never grow ({@code fd_fdstat_set_rights}). */
  public final void restrictRights(long base, long inheriting) {
    if ((base & ~rightsBase) != 0 || (inheriting & ~rightsInheriting) != 0) {
      throw Errno.fail(Errno.NOTCAPABLE, "rights can only be narrowed");
    }
    rightsBase = base;
    rightsInheriting = inheriting;
  }

  /** Sets the fd flags ({@code fd_fdstat_set_flags}); subclasses refuse what they cannot honour. */
  public void setFdflags(int flags) {
    fdflags = flags;
  }

  /** Reads into {@code buf[off..off+len)}; returns the bytes read, 0 at end of input. */
  public int read(byte[] buf, int off, int len) {
    throw Errno.fail(Errno.BADF, "not readable");
  }

  /** Writes {@code buf[off..off+len)}; returns the bytes written. */
  public int write(byte[] buf, int off, int len) {
    throw Errno.fail(Errno.BADF, "not writable");
  }

  /** Reads at {@code offset} without moving the position. */
  public int pread(byte[] buf, int off, int len, long offset) {
    throw Errno.fail(Errno.SPIPE, "no positioned reads");
  }

  /** Writes at {@code offset} without moving the position. */
  public int pwrite(byte[] buf, int off, int len, long offset) {
    throw Errno.fail(Errno.SPIPE, "no positioned writes");
  }

  /** Moves the position; returns the new one. */
  public long seek(long offset, int whence) {
    throw Errno.fail(Errno.SPIPE, "not seekable");
  }

  /** Returns the position. */
  public long tell() {
    throw Errno.fail(Errno.SPIPE, "not seekable");
  }

  /** Flushes data and metadata to storage. */
  public void sync() {}

  /** Flushes data to storage. */
  public void datasync() {}

  /** Declares how the data will be used; advice never fails on a descriptor that allows it. */
  public void advise(long offset, long len, int advice) {}

  /** Ensures {@code [offset, offset+len)} is allocated. */
  public void allocate(long offset, long len) {
    throw Errno.fail(Errno.BADF, "cannot allocate");
  }

  /** Writes this descriptor's {@code filestat} at {@code ptr}. */
  public abstract void filestat(GuestMemory mem, int ptr);

  /** Changes the size ({@code fd_filestat_set_size}). */
  public void setSize(long size) {
    throw Errno.fail(Errno.BADF, "cannot resize");
  }

  /** Changes the access and modification times ({@code fd_filestat_set_times}). */
  public void setTimes(long atim, long mtim, int fstflags, long nowNanos) {
    throw Errno.fail(Errno.BADF, "cannot set times");
  }

  /** Returns whether reading would not block now ({@code poll_oneoff}). */
  public boolean readReady() {
    return true;
  }

  /** Returns whether writing would not block now ({@code poll_oneoff}). */
  public boolean writeReady() {
    return true;
  }

  /** Returns the guest path of a preopened directory ({@code fd_prestat_get}), if this is one. */
  public java.util.Optional<String> preopenName() {
    return java.util.Optional.empty();
  }

  /**
   * Writes directory entries from {@code cookie} into {@code [buf, buf+bufLen)} and returns the
   * bytes used ({@code fd_readdir}); a directory fills the buffer completely unless it ran out of
   * entries.
   */
  public int readdir(GuestMemory mem, int buf, int bufLen, long cookie) {
    throw Errno.fail(Errno.NOTDIR, "not a directory");
  }

  /** Returns how many bytes a read could return now, for {@code poll_oneoff} (0 if unknown). */
  public long bytesReadable() {
    return 0;
  }

  /** Returns whether the other end is gone (a closed socket or pipe), for {@code poll_oneoff}. */
  public boolean hungUp() {
    return false;
  }

  /** Releases what the descriptor holds. */
  public void close() {}

  /** Writes a filestat that describes a descriptor with no file behind it (streams, sockets). */
  protected final void writeSyntheticFilestat(GuestMemory mem, int ptr) {
    mem.check(ptr, Abi.FILESTAT_SIZE);
    for (int i = 0; i < Abi.FILESTAT_SIZE; i += 8) {
      mem.setU64(ptr + i, 0);
    }
    mem.setU8(ptr + 16, filetype());
    mem.setU64(ptr + 24, 1); // nlink
  }
}

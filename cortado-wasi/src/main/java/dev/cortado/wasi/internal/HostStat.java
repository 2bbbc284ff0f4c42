package dev.cortado.wasi.internal;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the host says about one file, in WASI's terms: the fields of a {@code filestat}, plus the
 * JDK's file key, which identifies the file (device and inode on Unix) so that two lookups can be
 * checked to have found the same file.
 *
 * @param filetype the WASI file type ({@code Abi.FILETYPE_*})
 * @param key the JDK's file key, or null if the platform has none
 */
public record HostStat(
    int filetype,
    long dev,
    long ino,
    long nlink,
    long size,
    long atim,
    long mtim,
    long ctim,
    Object key) {

  /** The text of a Unix file key: {@code (dev=<hex>,ino=<decimal>)}. */
  private static final Pattern UNIX_KEY = Pattern.compile("\\(dev=([0-9a-f]+),ino=([0-9]+)\\)");

  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFCHR = 0020000;

  /**
   * Builds the stat from the attributes a lookup gave ({@code basic}, trusted: it came from the
   * sandboxed lookup) and, when the platform has them, the {@code unix:} attributes read by path
   * ({@code unix}, may be null). The latter are used only if they describe the same file (same
   * device and inode), so a path that a racer redirected cannot leak another file's metadata.
   */
  static HostStat of(BasicFileAttributes basic, Map<String, Object> unix) {
    long[] devIno = devIno(basic.fileKey());
    boolean sameFile =
        unix != null
            && devIno != null
            && unix.get("dev") instanceof Long dev
            && unix.get("ino") instanceof Long ino
            && dev == devIno[0]
            && ino == devIno[1];
    long mtim = nanos(basic.lastModifiedTime());
    long nlink = 1;
    long ctim = mtim;
    int type = filetype(basic);
    if (sameFile) {
      if (unix.get("nlink") instanceof Integer n) {
        nlink = n;
      }
      if (unix.get("ctime") instanceof FileTime c) {
        ctim = nanos(c);
      }
      if (type == Abi.FILETYPE_UNKNOWN && unix.get("mode") instanceof Integer mode) {
        type = fromMode(mode);
      }
    }
    return new HostStat(
        type,
        devIno == null ? 0 : devIno[0],
        devIno == null ? 0 : devIno[1],
        nlink,
        basic.size(),
        nanos(basic.lastAccessTime()),
        mtim,
        ctim,
        basic.fileKey());
  }

  /** Returns the WASI file type the basic attributes tell. */
  static int filetype(BasicFileAttributes a) {
    if (a.isSymbolicLink()) {
      return Abi.FILETYPE_SYMBOLIC_LINK;
    } else if (a.isDirectory()) {
      return Abi.FILETYPE_DIRECTORY;
    } else if (a.isRegularFile()) {
      return Abi.FILETYPE_REGULAR_FILE;
    }
    return Abi.FILETYPE_UNKNOWN;
  }

  private static int fromMode(int mode) {
    return switch (mode & S_IFMT) {
      case S_IFBLK -> Abi.FILETYPE_BLOCK_DEVICE;
      case S_IFCHR -> Abi.FILETYPE_CHARACTER_DEVICE;
      case S_IFSOCK -> Abi.FILETYPE_SOCKET_STREAM;
      default -> Abi.FILETYPE_UNKNOWN;
    };
  }

  /** Returns {device, inode} from a Unix file key, or null if {@code key} is not one. */
  static long[] devIno(Object key) {
    if (key == null) {
      return null;
    }
    Matcher m = UNIX_KEY.matcher(key.toString());
    if (!m.matches()) {
      return null;
    }
    try {
      return new long[] {
        Long.parseUnsignedLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2))
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Returns the inode number of the file with {@code key}, or 0 if unknown. */
  static long inode(Object key) {
    long[] devIno = devIno(key);
    return devIno == null ? 0 : devIno[1];
  }

  /** Returns nanoseconds since the epoch; times before it are 0 (timestamps are unsigned). */
  static long nanos(FileTime t) {
    return t == null ? 0 : Math.max(0, t.to(TimeUnit.NANOSECONDS));
  }

  /** Returns this stat with another size (an open file's size comes from its channel). */
  HostStat withSize(long newSize) {
    return new HostStat(filetype, dev, ino, nlink, newSize, atim, mtim, ctim, key);
  }

  /** Writes the 64-byte {@code filestat} at {@code ptr}. */
  void write(GuestMemory mem, int ptr) {
    mem.check(ptr, Abi.FILESTAT_SIZE);
    mem.setU64(ptr, dev);
    mem.setU64(ptr + 8, ino);
    mem.setU64(ptr + 16, 0);
    mem.setU8(ptr + 16, filetype);
    mem.setU64(ptr + 24, nlink);
    mem.setU64(ptr + 32, size);
    mem.setU64(ptr + 40, atim);
    mem.setU64(ptr + 48, mtim);
    mem.setU64(ptr + 56, ctim);
  }

  /**
   * Returns the new value of one timestamp for {@code *_set_times}: {@code value} if {@code
   * fstflags} has {@code set} ({@code ATIM} or {@code MTIM}), the current time if it has the flag
   * after it ({@code ATIM_NOW}, {@code MTIM_NOW}), or null to leave it unchanged.
   */
  static FileTime newTime(int fstflags, int set, long value, long nowNanos) {
    boolean now = (fstflags & (set << 1)) != 0;
    if ((fstflags & set) != 0) {
      if (value < 0) {
        throw Errno.fail(Errno.OVERFLOW, "timestamp beyond 2^63 ns");
      }
      return FileTime.from(value, TimeUnit.NANOSECONDS);
    }
    return now ? FileTime.from(nowNanos, TimeUnit.NANOSECONDS) : null;
  }
}

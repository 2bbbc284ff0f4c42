package dev.cortado.wasi.internal;

import dev.cortado.wasi.Preopen;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A directory the guest holds: a preopen or one it opened with {@code path_open}. It is the base of
 * {@code path_*} calls ({@link #dir()}) and lists its entries with {@code fd_readdir}.
 *
 * <p>Like a directory descriptor on POSIX, it cannot be read, written or seeked: those calls fail
 * (its rights do not include them). Unlike POSIX, and like wasmtime, its flags cannot be set.
 */
public final class DirectoryDescriptor extends Descriptor {
  private final HostDir dir;
  private final String preopenName;
  private List<String> listing;

  DirectoryDescriptor(HostDir dir, long rightsBase, long rightsInheriting, String preopenName) {
    super(rightsBase, rightsInheriting, 0);
    this.dir = dir;
    this.preopenName = preopenName;
  }

  /**
   * Returns a descriptor for {@code preopen}: a directory with every directory right, whose files
   * and subdirectories may have every right, all without the writing ones if it is read-only.
   *
   * @throws IllegalArgumentException if the host directory does not exist or is not a directory, or
   *     a mounted file does not exist or is one
   */
  public static DirectoryDescriptor preopen(Preopen preopen) {
    FileMounts mounts = FileMounts.of(preopen.files());
    HostDir dir;
    try {
      dir = HostDir.open(preopen.hostPath(), mounts);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "preopened directory " + preopen.hostPath() + " does not exist", e);
    } catch (NotDirectoryException e) {
      throw new IllegalArgumentException(
          "preopened directory " + preopen.hostPath() + " is not a directory", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot open preopened directory " + preopen.hostPath() + ": " + e.getMessage(), e);
    }
    long base = Abi.RIGHTS_DIRECTORY;
    long inheriting = Abi.RIGHTS_DIRECTORY | Abi.RIGHTS_FILE;
    if (preopen.readOnly()) {
      base &= ~Abi.RIGHTS_WRITING;
      inheriting &= ~Abi.RIGHTS_WRITING;
    }
    return new DirectoryDescriptor(dir, base, inheriting, preopen.guestPath());
  }

  @Override
  public long reportedRightsInheriting() {
    return rightsInheriting() | dir.mountedFileRights();
  }

  /** Returns the open host directory paths are resolved in. */
  HostDir dir() {
    return dir;
  }

  @Override
  public int filetype() {
    return Abi.FILETYPE_DIRECTORY;
  }

  @Override
  public Optional<String> preopenName() {
    return Optional.ofNullable(preopenName);
  }

  @Override
  public void setFdflags(int flags) {
    throw Errno.fail(Errno.BADF, "a directory has no flags to set");
  }

  @Override
  public void sync() {
    dir.sync();
  }

  @Override
  public void filestat(GuestMemory mem, int ptr) {
    stat().write(mem, ptr);
  }

  /** Returns the directory's metadata. */
  public HostStat stat() {
    return dir.stat(null, true);
  }

  /**
   * An entry of a directory.
   *
   * @param name its name
   * @param filetype its WASI file type ({@code Abi.FILETYPE_*}; unknown if it vanished)
   */
  public record Entry(String name, int filetype) {}

  /** Returns the directory's entries, sorted by name, without {@code .} and {@code ..}. */
  public List<Entry> entries() {
    require(Abi.RIGHT_FD_READDIR);
    List<String> names = new ArrayList<>(dir.list());
    names.sort(null);
    List<Entry> out = new ArrayList<>();
    for (String name : names) {
      HostStat s = dir.statOrNull(name, false);
      out.add(new Entry(name, s == null ? Abi.FILETYPE_UNKNOWN : s.filetype()));
    }
    return out;
  }

  /** Returns whether this and {@code other} are the same directory on the host. */
  public boolean sameAs(DirectoryDescriptor other) {
    return java.util.Objects.equals(stat().key(), other.stat().key());
  }

  @Override
  public void setTimes(long atim, long mtim, int fstflags, long nowNanos) {
    dir.setTimes(null, atim, mtim, fstflags, nowNanos);
  }

  /**
   * Writes the entries from {@code cookie} on: {@code .} (cookie 0), {@code ..} (1), then the
   * directory's entries sorted by name (2, 3, ...); each entry's {@code d_next} is the cookie of
   * the one after it. The buffer is filled completely, the last entry cut short if it does not fit,
   * which tells the caller to read on from the last whole entry's {@code d_next}, or with a bigger
   * buffer. A listing is taken at cookie 0 and kept for the calls that continue it, so a directory
   * that changes meanwhile neither repeats nor skips entries.
   */
  @Override
  public int readdir(GuestMemory mem, int buf, int bufLen, long cookie) {
    if (cookie == 0 || listing == null) {
      List<String> names = new ArrayList<>(dir.list());
      names.sort(null);
      listing = names;
    }
    long room = Integer.toUnsignedLong(bufLen);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long self = -1;
    for (long i = cookie; i >= 0 && i < listing.size() + 2L && out.size() < room; i++) {
      String name;
      int type = Abi.FILETYPE_UNKNOWN;
      long ino = 0;
      if (i < 2) {
        name = i == 0 ? "." : "..";
        type = Abi.FILETYPE_DIRECTORY;
        // Like wasmtime, ".." shows this directory's inode: its parent may be outside the sandbox.
        self = self < 0 ? dir.stat(null, false).ino() : self;
        ino = self;
      } else {
        name = listing.get((int) (i - 2));
        HostStat s = dir.statOrNull(name, false);
        if (s != null) {
          type = s.filetype();
          ino = s.ino();
        }
      }
      out.writeBytes(dirent(i + 1, ino, type, name));
    }
    int used = (int) Math.min(out.size(), room);
    mem.write(buf, out.toByteArray(), 0, used);
    return used;
  }

  /** Returns one {@code dirent} followed by its name. */
  static byte[] dirent(long next, long ino, int type, String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(Abi.DIRENT_SIZE + n.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(0, next).putLong(8, ino).putInt(16, n.length).put(20, (byte) type);
    b.put(Abi.DIRENT_SIZE, n);
    return b.array();
  }

  @Override
  public void close() {
    dir.close();
  }
}

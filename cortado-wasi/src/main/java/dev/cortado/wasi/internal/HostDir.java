package dev.cortado.wasi.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An open host directory, the unit the sandbox works in: every operation names one entry of this
 * directory (a single path component, never containing {@code /}) and never follows a symbolic link
 * in that entry. {@link Sandbox} walks a guest path from directory to directory with {@link
 * #openDir}, so no path the host resolves ever has more than one component.
 *
 * <p>On Linux the handle is a {@link SecureDirectoryStream}: an open directory descriptor, and
 * opening, stat, delete and rename are {@code openat}-style calls relative to it, immune to
 * concurrent renames. The JDK has no such call for {@code mkdirat}, {@code symlinkat}, {@code
 * linkat} and {@code readlinkat}; those go through the directory's host path, checked before and
 * after to still lead to this very directory (see RATIONALE.md, "The sandbox's residual race
 * windows"). Where the JDK offers no secure directory stream, every operation goes by path, with
 * the same no-symlink checks but wider race windows.
 *
 * <p>Handles are reference-counted: an open file keeps the directory it was opened from, to read
 * and set its metadata.
 */
public final class HostDir implements AutoCloseable {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final String UNIX_ATTRIBUTES = "unix:dev,ino,nlink,ctime,mode";

  private final Path path;
  private final SecureDirectoryStream<Path> sds;
  private final Object key;
  private final FileMounts mounts;
  private final String where;
  private int references = 1;

  private HostDir(
      Path path, SecureDirectoryStream<Path> sds, Object key, FileMounts mounts, String where) {
    this.path = path;
    this.sds = sds;
    this.key = key;
    this.mounts = mounts;
    this.where = where;
  }

  /**
   * Opens the host directory {@code hostPath} (a preopen), as a secure directory stream where the
   * platform has one.
   *
   * @throws IOException if it does not exist or is not a directory
   */
  public static HostDir open(Path hostPath) throws IOException {
    return open(hostPath, FileMounts.NONE);
  }

  /**
   * Opens the host directory {@code hostPath} (a preopen) with {@code mounts} inside it.
   *
   * @throws IOException if it does not exist or is not a directory
   */
  static HostDir open(Path hostPath, FileMounts mounts) throws IOException {
    Path real = hostPath.toRealPath();
    DirectoryStream<Path> ds = Files.newDirectoryStream(real);
    if (ds instanceof SecureDirectoryStream<Path> s) {
      return new HostDir(real, s, keyOf(s), mounts, "");
    }
    ds.close();
    return openPlain(real, mounts);
  }

  /** Opens {@code hostPath} working by path only: what platforms without openat get. */
  static HostDir openPlain(Path hostPath) throws IOException {
    return openPlain(hostPath, FileMounts.NONE);
  }

  private static HostDir openPlain(Path hostPath, FileMounts mounts) throws IOException {
    Path real = hostPath.toRealPath();
    BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
    if (!a.isDirectory()) {
      throw new java.nio.file.NotDirectoryException(real.toString());
    }
    return new HostDir(real, null, a.fileKey(), mounts, "");
  }

  /** Returns the file mounted at entry {@code name} of this directory, or null. */
  FileMounts.Mount mountAt(String name) {
    return mounts.isEmpty() ? null : mounts.at(FileMounts.child(where, name));
  }

  /** Returns whether entry {@code name} is a directory with a mounted file somewhere below. */
  boolean holdsMount(String name) {
    return !mounts.isEmpty() && mounts.holds(FileMounts.child(where, name));
  }

  /** Returns the rights the files mounted in this directory's preopen may have (0 if none). */
  long mountedFileRights() {
    return mounts.rights();
  }

  /** Returns whether a file is mounted somewhere in this directory's preopen. */
  boolean hasMounts() {
    return !mounts.isEmpty();
  }

  /** Returns whether operations are relative to an open directory descriptor. */
  boolean secure() {
    return sds != null;
  }

  /**
   * Returns the host path this directory had when it was reached (for messages and by-path calls).
   */
  Path path() {
    return path;
  }

  /** Returns another reference to this handle; each reference is closed once. */
  synchronized HostDir retain() {
    if (references == 0) {
      throw Errno.fail(Errno.BADF, "directory handle closed");
    }
    references++;
    return this;
  }

  @Override
  public synchronized void close() {
    if (references > 0 && --references == 0 && sds != null) {
      try {
        sds.close();
      } catch (IOException e) {
        // Closing a directory descriptor has nothing to report.
      }
    }
  }

  /**
   * Returns the metadata of entry {@code name} (without following a symbolic link), or of this
   * directory if {@code name} is null; {@code full} adds link count, change time and device type (a
   * second lookup), which {@code fd_readdir} does not need.
   */
  HostStat stat(String name, boolean full) {
    try {
      return lstat(name, full);
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /** Returns the metadata of entry {@code name}, or null if there is no such entry. */
  HostStat statOrNull(String name, boolean full) {
    try {
      return lstat(name, full);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  private HostStat lstat(String name, boolean full) throws IOException {
    BasicFileAttributes a;
    if (sds == null) {
      a = Files.readAttributes(entry(name), BasicFileAttributes.class, NOFOLLOW);
    } else if (name == null) {
      a = sds.getFileAttributeView(BasicFileAttributeView.class).readAttributes();
    } else {
      a =
          sds.getFileAttributeView(rel(name), BasicFileAttributeView.class, NOFOLLOW)
              .readAttributes();
    }
    return HostStat.of(a, full ? unixAttributes(entry(name)) : null);
  }

  /** Reads the {@code unix:} attributes by path; HostStat uses them only if the inode matches. */
  private static Map<String, Object> unixAttributes(Path p) {
    try {
      return Files.readAttributes(p, UNIX_ATTRIBUTES, NOFOLLOW);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Opens subdirectory {@code name} ({@code "."} for this one again); fails on a symbolic link. */
  HostDir openDir(String name) {
    boolean self = ".".equals(name);
    Path p = entry(self ? null : name);
    String at = self ? where : FileMounts.child(where, name);
    try {
      if (sds == null) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        if (a.isSymbolicLink()) {
          throw Errno.fail(Errno.LOOP, name + " is a symbolic link");
        } else if (!a.isDirectory()) {
          throw Errno.fail(Errno.NOTDIR, name + " is not a directory");
        }
        return new HostDir(p, null, a.fileKey(), mounts, at);
      }
      DirectoryStream<Path> ds = sds.newDirectoryStream(rel(name), NOFOLLOW);
      if (!(ds instanceof SecureDirectoryStream<Path> child)) {
        ds.close();
        throw Errno.fail(Errno.NOTSUP, "no secure directory stream for " + name);
      }
      return new HostDir(p, child, keyOf(child), mounts, at);
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /** Opens file {@code name} with {@code options}, never following a symbolic link. */
  FileChannel openFile(String name, Set<? extends OpenOption> options) {
    Set<OpenOption> opts = new HashSet<>(options);
    opts.add(NOFOLLOW);
    try {
      SeekableByteChannel ch =
          sds == null
              ? Files.newByteChannel(entry(name), opts)
              : sds.newByteChannel(rel(name), opts);
      if (ch instanceof FileChannel fc) {
        return fc;
      }
      ch.close();
      throw Errno.fail(Errno.NOTSUP, "not a file channel: " + name);
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /** Returns the names of the entries, without {@code .} and {@code ..}, in no special order. */
  List<String> list() {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> s =
        sds == null ? Files.newDirectoryStream(path) : sds.newDirectoryStream(rel("."), NOFOLLOW)) {
      for (Path p : s) {
        names.add(p.getFileName().toString());
      }
    } catch (DirectoryIteratorException e) {
      throw IoErrors.fail(e.getCause());
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
    return names;
  }

  /** Creates directory {@code name}. */
  void mkdir(String name) {
    try {
      Path p = byPath(name);
      Files.createDirectory(p);
      confirm(name, p);
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /** Creates symbolic link {@code name} holding {@code text}, which may say anything. */
  void symlink(String text, String name) {
    try {
      Path p = byPath(name);
      Files.createSymbolicLink(p, p.getFileSystem().getPath(text));
      confirm(name, p);
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /** Returns the text of symbolic link {@code name}. */
  String readlink(String name) {
    try {
      Path p = byPath(name);
      String text = Files.readSymbolicLink(p).toString();
      confirm(name, p);
      return text;
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /** Makes {@code to/toName} a hard link to entry {@code name} (a link to a link stays one). */
  void link(String name, HostDir to, String toName) {
    try {
      Object source = lstat(name, false).key();
      Path from = byPath(name);
      Path at = to.byPath(toName);
      Files.createLink(at, from);
      if (sds == null) {
        return;
      }
      // The new entry, seen through the target's descriptor, must be the file we meant to link:
      // otherwise a racer redirected a path and the link (possibly to an outside file) goes.
      HostStat made = to.statOrNull(toName, false);
      if (made == null || !made.key().equals(source)) {
        if (made != null) {
          to.sds.deleteFile(rel(toName));
        }
        throw Errno.fail(Errno.STALE, "the directory changed during path_link");
      }
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /** Renames entry {@code name} to {@code to/toName}, replacing what is there as rename(2) does. */
  void rename(String name, HostDir to, String toName) {
    try {
      if (sds != null && to.sds != null) {
        sds.move(rel(name), to.sds, rel(toName));
      } else if (sds == null && to.sds == null) {
        Files.move(entry(name), to.entry(toName), StandardCopyOption.ATOMIC_MOVE);
      } else {
        throw Errno.fail(Errno.XDEV, "directories of different kinds");
      }
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /** Removes entry {@code name}, which must not be a directory. */
  void unlink(String name) {
    remove(name, false);
  }

  /** Removes the empty directory {@code name}. */
  void rmdir(String name) {
    remove(name, true);
  }

  private void remove(String name, boolean directory) {
    try {
      if (sds != null) {
        if (directory) {
          sds.deleteDirectory(rel(name));
        } else {
          sds.deleteFile(rel(name));
        }
        return;
      }
      // By path the JDK removes whatever is there, so check the kind first.
      if ((lstat(name, false).filetype() == Abi.FILETYPE_DIRECTORY) != directory) {
        throw Errno.fail(directory ? Errno.NOTDIR : Errno.ISDIR, name + ": wrong kind of entry");
      }
      Files.delete(entry(name));
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /**
   * Sets the access and modification times of entry {@code name} (of this directory if null) as
   * {@code fstflags} says: each is set to its value, to {@code nowNanos}, or left unchanged. A
   * symbolic link's own times are set, not its target's.
   */
  void setTimes(String name, long atim, long mtim, int fstflags, long nowNanos) {
    FileTime atime = HostStat.newTime(fstflags, Abi.FSTFLAGS_ATIM, atim, nowNanos);
    FileTime mtime = HostStat.newTime(fstflags, Abi.FSTFLAGS_MTIM, mtim, nowNanos);
    try {
      HostStat s = lstat(name, false);
      if (atime == null && mtime == null) {
        return;
      }
      BasicFileAttributeView view;
      if (sds == null || (name != null && s.filetype() == Abi.FILETYPE_SYMBOLIC_LINK)) {
        // The secure stream opens the entry to set its times, which a link cannot be.
        view = Files.getFileAttributeView(byPath(name), BasicFileAttributeView.class, NOFOLLOW);
      } else if (name == null) {
        view = sds.getFileAttributeView(BasicFileAttributeView.class);
      } else {
        view = sds.getFileAttributeView(rel(name), BasicFileAttributeView.class, NOFOLLOW);
      }
      view.setTimes(mtime, atime, null);
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /** Flushes the directory's entries to storage. */
  void sync() {
    try (FileChannel ch = FileChannel.open(byPath(null))) {
      ch.force(true);
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /** Returns this directory's path joined with {@code name} (the directory itself if null). */
  private Path entry(String name) {
    return name == null ? path : path.resolve(name);
  }

  private Path rel(String name) {
    return path.getFileSystem().getPath(name);
  }

  /**
   * Returns the host path of entry {@code name}, for the calls the JDK offers only by path, after
   * checking that this directory's path still leads to this very directory: a rename of it or of an
   * ancestor since it was opened fails the call with {@code STALE} instead of acting elsewhere.
   */
  private Path byPath(String name) throws IOException {
    if (sds != null) {
      Object now = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
      if (key == null || !key.equals(now)) {
        throw Errno.fail(Errno.STALE, path + " is no longer where it was");
      }
    }
    return entry(name);
  }

  /**
   * Checks, after a by-path call, that entry {@code name} of this directory (seen through its
   * descriptor) is the file the path reached: if a racer redirected the path between {@link
   * #byPath} and the call, the call acted elsewhere, and the guest is told.
   */
  private void confirm(String name, Path p) throws IOException {
    if (sds == null) {
      return;
    }
    Object viaPath = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW).fileKey();
    HostStat viaHandle = statOrNull(name, false);
    if (viaHandle == null || !viaHandle.key().equals(viaPath)) {
      throw Errno.fail(Errno.STALE, "the directory changed during a call by path");
    }
  }

  private static Object keyOf(SecureDirectoryStream<Path> s) throws IOException {
    return s.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
  }

  @Override
  public String toString() {
    return path.toString();
  }
}

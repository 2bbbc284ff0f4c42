package dev.cortado.wasi.internal;

import dev.cortado.wasi.internal.Sandbox.Follow;
import dev.cortado.wasi.internal.Sandbox.Resolved;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code path_open}: opens a file or directory relative to a directory descriptor.
 *
 * <p>Rights: the directory needs {@code path_open}, plus {@code path_create_file} for {@code creat}
 * and {@code path_filestat_set_size} for {@code trunc}, else {@code NOTCAPABLE}. The new descriptor
 * gets the requested rights narrowed to the directory's inheriting rights (and to what a file or
 * directory can use), never an error for asking too much: as in wasi-common, where wasi-libc's
 * habit of asking for every right it might use comes from. The file is opened for writing on the
 * host only if its rights allow writing, so under a read-only preopen nothing can write whatever
 * the guest asks. A mounted file ({@link FileMounts}) takes the rights its mount gives instead of
 * the directory's.
 */
final class PathOpen {
  /** Rights that need the file open for writing (as wasi-common decides). */
  private static final long WRITE_RIGHTS =
      Abi.RIGHT_FD_WRITE | Abi.RIGHT_FD_ALLOCATE | Abi.RIGHT_FD_FILESTAT_SET_SIZE;

  private PathOpen() {}

  /** Opens {@code path} in {@code dir} and returns the new descriptor's number. */
  static int open(
      FdTable fds,
      DirectoryDescriptor dir,
      int lookupflags,
      String path,
      int oflags,
      long rightsBase,
      long rightsInheriting,
      int fdflags) {
    Descriptor opened =
        open(
            dir,
            PathFunctions.follow(lookupflags),
            path,
            oflags,
            rightsBase,
            rightsInheriting,
            fdflags);
    try {
      return fds.insert(opened);
    } catch (Errno.Failure f) {
      opened.close();
      throw f;
    }
  }

  /** Opens {@code path} in {@code dir} and returns the new descriptor. */
  static Descriptor open(
      DirectoryDescriptor dir,
      Follow follow,
      String path,
      int oflags,
      long rightsBase,
      long rightsInheriting,
      int fdflags) {
    if ((oflags & ~0xF) != 0 || (fdflags & ~0x1F) != 0) {
      throw Errno.fail(Errno.INVAL, "oflags " + oflags + ", fdflags " + fdflags);
    }
    boolean creat = (oflags & Abi.OFLAGS_CREAT) != 0;
    boolean excl = (oflags & Abi.OFLAGS_EXCL) != 0;
    boolean trunc = (oflags & Abi.OFLAGS_TRUNC) != 0;
    boolean directory = (oflags & Abi.OFLAGS_DIRECTORY) != 0;
    if (directory && (creat || excl || trunc)) {
      throw Errno.fail(Errno.INVAL, "a directory cannot be created, exclusive or truncated");
    }
    long needed =
        Abi.RIGHT_PATH_OPEN
            | (creat ? Abi.RIGHT_PATH_CREATE_FILE : 0)
            | (trunc ? Abi.RIGHT_PATH_FILESTAT_SET_SIZE : 0);
    // A mounted file has rights of its own, not the directory's: where files are mounted, the
    // rights to create and truncate are checked once the path is known not to lead to one.
    dir.require(dir.dir().hasMounts() ? Abi.RIGHT_PATH_OPEN : needed);
    if (creat && excl) {
      // O_CREAT|O_EXCL never follows a last symbolic link: it fails with EEXIST.
      follow = Follow.NEVER;
    }
    try (Resolved r = Sandbox.resolve(dir.dir(), path, follow)) {
      long base;
      if (r.mount() == null) {
        dir.require(needed);
        base = rightsBase & dir.rightsInheriting();
      } else {
        base = rightsBase & Abi.RIGHTS_FILE;
        if (r.mount().readOnly()) {
          // As Linux answers opening a file of a read-only mount for writing: wasi-libc and
          // Rust's std ask for fd_write only when the program opens for writing.
          if (trunc || (rightsBase & Abi.RIGHT_FD_WRITE) != 0) {
            throw Errno.fail(Errno.ROFS, path + " is mounted read-only");
          }
          base &= ~Abi.RIGHTS_WRITING;
        }
      }
      HostStat s = r.name() == null ? r.dir().stat(null, false) : r.orNull();
      Descriptor opened;
      if (s == null && r.mount() != null) {
        throw Errno.fail(Errno.NOENT, "the file mounted at " + path + " is gone from the host");
      } else if (s == null) {
        if (!creat) {
          throw Errno.fail(Errno.NOENT, "no " + path);
        } else if (r.dirRequired()) {
          throw Errno.fail(Errno.ISDIR, "cannot create a file named " + path);
        }
        opened = file(r, base, oflags, fdflags, true);
      } else if (creat && excl) {
        throw Errno.fail(Errno.EXIST, path + " exists");
      } else if (s.filetype() == Abi.FILETYPE_SYMBOLIC_LINK) {
        throw Errno.fail(Errno.LOOP, path + " is a symbolic link (not followed)");
      } else if (s.filetype() == Abi.FILETYPE_DIRECTORY) {
        if ((rightsBase & Abi.RIGHT_FD_WRITE) != 0 || creat || trunc) {
          throw Errno.fail(Errno.ISDIR, path + " is a directory");
        }
        HostDir h = r.dir().openDir(r.name() == null ? "." : r.name());
        opened =
            new DirectoryDescriptor(
                h, base & Abi.RIGHTS_DIRECTORY, rightsInheriting & dir.rightsInheriting(), null);
      } else if (directory || r.dirRequired()) {
        throw Errno.fail(Errno.NOTDIR, path + " is not a directory");
      } else {
        opened = file(r, base, oflags, fdflags, false);
      }
      return opened;
    }
  }

  /** Opens the file {@code r} names, creating it if {@code creating}. */
  private static FileDescriptor file(
      Resolved r, long rights, int oflags, int fdflags, boolean creating) {
    boolean write = (rights & WRITE_RIGHTS) != 0;
    boolean trunc = (oflags & Abi.OFLAGS_TRUNC) != 0;
    Set<OpenOption> options = new HashSet<>();
    if ((rights & Abi.RIGHT_FD_READ) != 0 || !write) {
      options.add(StandardOpenOption.READ);
    }
    if (write || creating || trunc) {
      // The JDK creates and truncates only files it opens for writing.
      options.add(StandardOpenOption.WRITE);
    }
    if (creating) {
      boolean excl = (oflags & Abi.OFLAGS_EXCL) != 0;
      options.add(excl ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
    }
    if (trunc) {
      options.add(StandardOpenOption.TRUNCATE_EXISTING);
    }
    FileChannel ch = r.dir().openFile(r.name(), options);
    try {
      HostStat opened = r.dir().stat(r.name(), true);
      return new FileDescriptor(ch, r.dir(), r.name(), opened, rights & Abi.RIGHTS_FILE, fdflags);
    } catch (RuntimeException e) {
      try {
        ch.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }
}

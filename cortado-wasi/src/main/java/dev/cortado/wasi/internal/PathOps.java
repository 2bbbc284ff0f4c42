package dev.cortado.wasi.internal;

import dev.cortado.wasi.internal.Sandbox.Follow;
import dev.cortado.wasi.internal.Sandbox.Resolved;

/**
 * The operations on paths in a directory descriptor, for both WASI ABIs (preview1's {@code path_*}
 * functions and WASI 0.2's {@code descriptor.*-at} methods): each checks the descriptor's right,
 * resolves its path through the {@link Sandbox} and acts on the entry the path led to. Failures are
 * {@link Errno.Failure}s with the errno Linux gives (wasmtime's choices; see RATIONALE.md). {@code
 * follow} says whether a symbolic link as the last component is followed.
 */
public final class PathOps {
  private PathOps() {}

  private static Follow follow(boolean follow) {
    return follow ? Follow.ALWAYS : Follow.IF_SLASH;
  }

  private static Resolved at(DirectoryDescriptor dir, long right, String path, Follow follow) {
    dir.require(right);
    return Sandbox.resolve(dir.dir(), path, follow);
  }

  /**
   * Opens {@code path}: {@code oflags} as {@code path_open}'s, the new descriptor's rights narrowed
   * to what {@code dir} passes on.
   */
  public static Descriptor open(
      DirectoryDescriptor dir,
      boolean follow,
      String path,
      int oflags,
      long rightsBase,
      long rightsInheriting,
      int fdflags) {
    return PathOpen.open(dir, follow(follow), path, oflags, rightsBase, rightsInheriting, fdflags);
  }

  /** Creates directory {@code path}. */
  public static void createDirectory(DirectoryDescriptor dir, String path) {
    try (Resolved r = at(dir, Abi.RIGHT_PATH_CREATE_DIRECTORY, path, Follow.NEVER)) {
      if (r.name() == null || r.mount() != null) {
        throw Errno.fail(Errno.EXIST, path + " exists");
      }
      r.dir().mkdir(r.name());
    }
  }

  /** Returns the metadata of {@code path}. */
  public static HostStat stat(DirectoryDescriptor dir, boolean follow, String path) {
    try (Resolved r = at(dir, Abi.RIGHT_PATH_FILESTAT_GET, path, follow(follow))) {
      return r.existing();
    }
  }

  /** Sets the times of {@code path}, as {@code path_filestat_set_times} does. */
  public static void setTimes(
      DirectoryDescriptor dir,
      boolean follow,
      String path,
      long atim,
      long mtim,
      int fstflags,
      long nowNanos) {
    try (Resolved r = at(dir, Abi.RIGHT_PATH_FILESTAT_SET_TIMES, path, follow(follow))) {
      r.existing();
      if (r.mount() != null && r.mount().readOnly()) {
        throw Errno.fail(Errno.ROFS, path + " is mounted read-only");
      }
      r.dir().setTimes(r.name(), atim, mtim, fstflags, nowNanos);
    }
  }

  /** Makes {@code toPath} in {@code to} a hard link to {@code fromPath} in {@code from}. */
  public static void link(
      DirectoryDescriptor from, String fromPath, DirectoryDescriptor to, String toPath) {
    try (Resolved f = at(from, Abi.RIGHT_PATH_LINK_SOURCE, fromPath, Follow.NEVER);
        Resolved t = at(to, Abi.RIGHT_PATH_LINK_TARGET, toPath, Follow.NEVER)) {
      if (f.name() == null || f.existing().filetype() == Abi.FILETYPE_DIRECTORY) {
        throw Errno.fail(Errno.PERM, "cannot link a directory");
      } else if (f.mount() != null) {
        throw Errno.fail(Errno.XDEV, fromPath + " is a mounted file, on another file system");
      }
      mustBeNew(t);
      f.dir().link(f.name(), t.dir(), t.name());
    }
  }

  /** Returns the text of symbolic link {@code path}. */
  public static String readlink(DirectoryDescriptor dir, String path) {
    try (Resolved r = at(dir, Abi.RIGHT_PATH_READLINK, path, Follow.IF_SLASH)) {
      if (r.name() == null || r.existing().filetype() != Abi.FILETYPE_SYMBOLIC_LINK) {
        throw Errno.fail(Errno.INVAL, "not a symbolic link");
      }
      return r.dir().readlink(r.name());
    }
  }

  /** Removes empty directory {@code path}. */
  public static void removeDirectory(DirectoryDescriptor dir, String path) {
    try (Resolved r = at(dir, Abi.RIGHT_PATH_REMOVE_DIRECTORY, path, Follow.NEVER)) {
      if (r.name() == null) {
        // rmdir(".") is EINVAL, rmdir("..") ENOTEMPTY: the directory holds the walk's start.
        throw Errno.fail(r.dotDot() ? Errno.NOTEMPTY : Errno.INVAL, "cannot remove \".\"");
      } else if (r.existing().filetype() != Abi.FILETYPE_DIRECTORY) {
        throw Errno.fail(Errno.NOTDIR, r.name() + " is not a directory");
      }
      r.mustNotBeMountPoint();
      r.dir().rmdir(r.name());
    }
  }

  /** Renames {@code fromPath} in {@code from} to {@code toPath} in {@code to}. */
  public static void rename(
      DirectoryDescriptor from, String fromPath, DirectoryDescriptor to, String toPath) {
    try (Resolved f = at(from, Abi.RIGHT_PATH_RENAME_SOURCE, fromPath, Follow.NEVER);
        Resolved t = at(to, Abi.RIGHT_PATH_RENAME_TARGET, toPath, Follow.NEVER)) {
      if (f.name() == null || t.name() == null) {
        throw Errno.fail(Errno.BUSY, "cannot rename \".\" or \"..\"");
      }
      HostStat source = f.existing();
      f.mustNotBeMountPoint();
      t.mustNotBeMountPoint();
      if (t.dirRequired() && source.filetype() != Abi.FILETYPE_DIRECTORY) {
        throw Errno.fail(Errno.NOTDIR, t.name() + "/ names a directory");
      }
      f.dir().rename(f.name(), t.dir(), t.name());
    }
  }

  /** Makes {@code path} a symbolic link with {@code text}. */
  public static void symlink(String text, DirectoryDescriptor dir, String path) {
    if (text.indexOf('\0') >= 0) {
      throw Errno.fail(Errno.INVAL, "NUL in link text");
    }
    // The sandbox never follows such a link, but a host program might: refused as an escape
    // (cap-std, so wasmtime; wazero too), after the descriptor's rights, before the path.
    dir.require(Abi.RIGHT_PATH_SYMLINK);
    if (text.startsWith("/")) {
      throw Errno.fail(Errno.PERM, "absolute link text");
    }
    try (Resolved r = at(dir, Abi.RIGHT_PATH_SYMLINK, path, Follow.NEVER)) {
      mustBeNew(r);
      if (text.isEmpty()) {
        throw Errno.fail(Errno.NOENT, "empty link text");
      }
      r.dir().symlink(text, r.name());
    }
  }

  /** Removes file (or symbolic link) {@code path}. */
  public static void unlink(DirectoryDescriptor dir, String path) {
    try (Resolved r = at(dir, Abi.RIGHT_PATH_UNLINK_FILE, path, Follow.NEVER)) {
      if (r.name() == null || r.existing().filetype() == Abi.FILETYPE_DIRECTORY) {
        throw Errno.fail(Errno.ISDIR, "cannot unlink a directory");
      }
      r.mustNotBeMountPoint();
      r.dir().unlink(r.name());
    }
  }

  /**
   * Fails unless the entry {@code r} names does not exist yet, with the errno Linux gives when
   * creating a link there: {@code EXIST}, or {@code NOTDIR} for {@code file/}, or {@code NOENT} for
   * a missing {@code name/}.
   */
  private static void mustBeNew(Resolved r) {
    HostStat existing = r.name() == null ? r.dir().stat(null, false) : r.orNull();
    if (existing != null) {
      boolean dir = existing.filetype() == Abi.FILETYPE_DIRECTORY;
      throw Errno.fail(r.dirRequired() && !dir ? Errno.NOTDIR : Errno.EXIST, "exists");
    } else if (r.dirRequired()) {
      throw Errno.fail(Errno.NOENT, r.name() + "/ names a directory");
    }
  }
}

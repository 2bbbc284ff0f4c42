package dev.cortado.wasi.internal;

import dev.cortado.runtime.Arguments;
import dev.cortado.runtime.Caller;
import dev.cortado.wasi.internal.Sandbox.Follow;
import dev.cortado.wasi.internal.Sandbox.Resolved;
import java.nio.charset.StandardCharsets;

/**
 * The {@code path_*} functions: each resolves its path in a directory descriptor through the {@link
 * Sandbox}, after checking that descriptor's rights, and acts on the entry the path led to. Errors
 * follow wasmtime (and so Linux): an escape is {@code PERM}, a non-directory base is {@code NOTDIR}
 * for {@code path_open} and {@code BADF} otherwise; see RATIONALE.md.
 */
final class PathFunctions {
  private PathFunctions() {}

  static void define(Definer d, WasiContext ctx) {
    FdTable fds = ctx.fds;
    d.define(
        "path_open",
        "iiiiillii",
        (caller, a) -> {
          DirectoryDescriptor dir = directory(fds, a.i32(0), true);
          String path = GuestMemory.of(caller).string(a.i32(2), a.i32(3));
          int fd = PathOpen.open(fds, dir, a.i32(1), path, a.i32(4), a.i64(5), a.i64(6), a.i32(7));
          GuestMemory.of(caller).setU32(a.i32(8), fd);
          return Errno.SUCCESS;
        });
    d.define(
        "path_create_directory",
        "iii",
        (caller, a) -> {
          try (Resolved r =
              at(caller, fds, a.i32(0), Abi.RIGHT_PATH_CREATE_DIRECTORY, a, 1, Follow.NEVER)) {
            if (r.name() == null) {
              throw Errno.fail(Errno.EXIST, "the directory exists");
            }
            r.dir().mkdir(r.name());
          }
          return Errno.SUCCESS;
        });
    d.define(
        "path_filestat_get",
        "iiiii",
        (caller, a) -> {
          try (Resolved r =
              at(caller, fds, a.i32(0), Abi.RIGHT_PATH_FILESTAT_GET, a, 2, follow(a.i32(1)))) {
            r.existing().write(GuestMemory.of(caller), a.i32(4));
          }
          return Errno.SUCCESS;
        });
    d.define(
        "path_filestat_set_times",
        "iiiilli",
        (caller, a) -> {
          int flags = FdFunctions.checkTimeFlags(a.i32(6));
          try (Resolved r =
              at(
                  caller,
                  fds,
                  a.i32(0),
                  Abi.RIGHT_PATH_FILESTAT_SET_TIMES,
                  a,
                  2,
                  follow(a.i32(1)))) {
            r.existing();
            r.dir().setTimes(r.name(), a.i64(4), a.i64(5), flags, ctx.clock.realtimeNanos());
          }
          return Errno.SUCCESS;
        });
    d.define(
        "path_link",
        "iiiiiii",
        (caller, a) -> {
          if (follow(a.i32(1)) == Follow.ALWAYS) {
            // Like wasmtime: linking what a symbolic link points to is not offered.
            throw Errno.fail(Errno.INVAL, "path_link does not follow symbolic links");
          }
          try (Resolved from =
                  at(caller, fds, a.i32(0), Abi.RIGHT_PATH_LINK_SOURCE, a, 2, Follow.NEVER);
              Resolved to =
                  at(caller, fds, a.i32(4), Abi.RIGHT_PATH_LINK_TARGET, a, 5, Follow.NEVER)) {
            if (from.name() == null || from.existing().filetype() == Abi.FILETYPE_DIRECTORY) {
              throw Errno.fail(Errno.PERM, "cannot link a directory");
            }
            mustBeNew(to);
            from.dir().link(from.name(), to.dir(), to.name());
          }
          return Errno.SUCCESS;
        });
    d.define(
        "path_readlink",
        "iiiiii",
        (caller, a) -> {
          try (Resolved r =
              at(caller, fds, a.i32(0), Abi.RIGHT_PATH_READLINK, a, 1, Follow.IF_SLASH)) {
            if (r.name() == null || r.existing().filetype() != Abi.FILETYPE_SYMBOLIC_LINK) {
              throw Errno.fail(Errno.INVAL, "not a symbolic link");
            }
            byte[] text = r.dir().readlink(r.name()).getBytes(StandardCharsets.UTF_8);
            // Like readlink(2): as much as fits, no terminating NUL, no error when cut short.
            int n = (int) Math.min(text.length, Integer.toUnsignedLong(a.i32(4)));
            GuestMemory mem = GuestMemory.of(caller);
            mem.write(a.i32(3), text, 0, n);
            mem.setU32(a.i32(5), n);
          }
          return Errno.SUCCESS;
        });
    d.define(
        "path_remove_directory",
        "iii",
        (caller, a) -> {
          try (Resolved r =
              at(caller, fds, a.i32(0), Abi.RIGHT_PATH_REMOVE_DIRECTORY, a, 1, Follow.NEVER)) {
            if (r.name() == null) {
              // rmdir(".") is EINVAL, rmdir("..") ENOTEMPTY: the directory holds the walk's start.
              throw Errno.fail(r.dotDot() ? Errno.NOTEMPTY : Errno.INVAL, "cannot remove \".\"");
            } else if (r.existing().filetype() != Abi.FILETYPE_DIRECTORY) {
              throw Errno.fail(Errno.NOTDIR, r.name() + " is not a directory");
            }
            r.dir().rmdir(r.name());
          }
          return Errno.SUCCESS;
        });
    d.define(
        "path_rename",
        "iiiiii",
        (caller, a) -> {
          try (Resolved from =
                  at(caller, fds, a.i32(0), Abi.RIGHT_PATH_RENAME_SOURCE, a, 1, Follow.NEVER);
              Resolved to =
                  at(caller, fds, a.i32(3), Abi.RIGHT_PATH_RENAME_TARGET, a, 4, Follow.NEVER)) {
            if (from.name() == null || to.name() == null) {
              throw Errno.fail(Errno.BUSY, "cannot rename \".\" or \"..\"");
            }
            HostStat source = from.existing();
            if (to.dirRequired() && source.filetype() != Abi.FILETYPE_DIRECTORY) {
              throw Errno.fail(Errno.NOTDIR, to.name() + "/ names a directory");
            }
            from.dir().rename(from.name(), to.dir(), to.name());
          }
          return Errno.SUCCESS;
        });
    d.define(
        "path_symlink",
        "iiiii",
        (caller, a) -> {
          String text = GuestMemory.of(caller).string(a.i32(0), a.i32(1));
          if (text.indexOf('\0') >= 0) {
            throw Errno.fail(Errno.INVAL, "NUL in link text");
          }
          // The sandbox never follows such a link, but a host program might: refused as an escape
          // (cap-std, so wasmtime; wazero too), after the descriptor's rights, before the path.
          directory(fds, a.i32(2), false).require(Abi.RIGHT_PATH_SYMLINK);
          if (text.startsWith("/")) {
            throw Errno.fail(Errno.PERM, "absolute link text");
          }
          try (Resolved r = at(caller, fds, a.i32(2), Abi.RIGHT_PATH_SYMLINK, a, 3, Follow.NEVER)) {
            mustBeNew(r);
            if (text.isEmpty()) {
              throw Errno.fail(Errno.NOENT, "empty link text");
            }
            r.dir().symlink(text, r.name());
          }
          return Errno.SUCCESS;
        });
    d.define(
        "path_unlink_file",
        "iii",
        (caller, a) -> {
          try (Resolved r =
              at(caller, fds, a.i32(0), Abi.RIGHT_PATH_UNLINK_FILE, a, 1, Follow.NEVER)) {
            if (r.name() == null || r.existing().filetype() == Abi.FILETYPE_DIRECTORY) {
              throw Errno.fail(Errno.ISDIR, "cannot unlink a directory");
            }
            r.dir().unlink(r.name());
          }
          return Errno.SUCCESS;
        });
  }

  /**
   * Returns the directory descriptor {@code fd}; a file there fails with {@code NOTDIR} when {@code
   * opening} (as openat does) and, like everything else that is not a directory, with {@code BADF}
   * otherwise (as wasmtime does).
   */
  static DirectoryDescriptor directory(FdTable fds, int fd, boolean opening) {
    Descriptor d = fds.get(fd);
    if (d instanceof DirectoryDescriptor dir) {
      return dir;
    }
    throw Errno.fail(
        opening && d instanceof FileDescriptor ? Errno.NOTDIR : Errno.BADF,
        "fd " + fd + " is not a directory");
  }

  /**
   * Checks that directory {@code fd} has {@code right}, then resolves the path given by arguments
   * {@code arg} (pointer) and {@code arg + 1} (length) in it.
   */
  private static Resolved at(
      Caller caller, FdTable fds, int fd, long right, Arguments a, int arg, Follow follow) {
    DirectoryDescriptor dir = directory(fds, fd, false);
    dir.require(right);
    String path = GuestMemory.of(caller).string(a.i32(arg), a.i32(arg + 1));
    return Sandbox.resolve(dir.dir(), path, follow);
  }

  /** Returns how {@code lookupflags} say a last symbolic link is treated. */
  static Follow follow(int lookupflags) {
    if ((lookupflags & ~Abi.LOOKUP_SYMLINK_FOLLOW) != 0) {
      throw Errno.fail(Errno.INVAL, "lookupflags " + lookupflags);
    }
    return lookupflags != 0 ? Follow.ALWAYS : Follow.IF_SLASH;
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

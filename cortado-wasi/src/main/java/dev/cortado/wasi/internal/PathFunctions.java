package dev.cortado.wasi.internal;

import dev.cortado.runtime.Arguments;
import dev.cortado.runtime.Caller;
import dev.cortado.wasi.internal.Sandbox.Follow;
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
          PathOps.createDirectory(directory(fds, a.i32(0), false), path(caller, a, 1));
          return Errno.SUCCESS;
        });
    d.define(
        "path_filestat_get",
        "iiiii",
        (caller, a) -> {
          boolean follow = follow(a.i32(1)) == Follow.ALWAYS;
          HostStat s = PathOps.stat(directory(fds, a.i32(0), false), follow, path(caller, a, 2));
          s.write(GuestMemory.of(caller), a.i32(4));
          return Errno.SUCCESS;
        });
    d.define(
        "path_filestat_set_times",
        "iiiilli",
        (caller, a) -> {
          int flags = FdFunctions.checkTimeFlags(a.i32(6));
          boolean follow = follow(a.i32(1)) == Follow.ALWAYS;
          DirectoryDescriptor dir = directory(fds, a.i32(0), false);
          PathOps.setTimes(
              dir,
              follow,
              path(caller, a, 2),
              a.i64(4),
              a.i64(5),
              flags,
              ctx.clock.realtimeNanos());
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
          PathOps.link(
              directory(fds, a.i32(0), false),
              path(caller, a, 2),
              directory(fds, a.i32(4), false),
              path(caller, a, 5));
          return Errno.SUCCESS;
        });
    d.define(
        "path_readlink",
        "iiiiii",
        (caller, a) -> {
          String link = PathOps.readlink(directory(fds, a.i32(0), false), path(caller, a, 1));
          byte[] text = link.getBytes(StandardCharsets.UTF_8);
          // Like readlink(2): as much as fits, no terminating NUL, no error when cut short.
          int n = (int) Math.min(text.length, Integer.toUnsignedLong(a.i32(4)));
          GuestMemory mem = GuestMemory.of(caller);
          mem.write(a.i32(3), text, 0, n);
          mem.setU32(a.i32(5), n);
          return Errno.SUCCESS;
        });
    d.define(
        "path_remove_directory",
        "iii",
        (caller, a) -> {
          PathOps.removeDirectory(directory(fds, a.i32(0), false), path(caller, a, 1));
          return Errno.SUCCESS;
        });
    d.define(
        "path_rename",
        "iiiiii",
        (caller, a) -> {
          PathOps.rename(
              directory(fds, a.i32(0), false),
              path(caller, a, 1),
              directory(fds, a.i32(3), false),
              path(caller, a, 4));
          return Errno.SUCCESS;
        });
    d.define(
        "path_symlink",
        "iiiii",
        (caller, a) -> {
          String text = GuestMemory.of(caller).string(a.i32(0), a.i32(1));
          PathOps.symlink(text, directory(fds, a.i32(2), false), path(caller, a, 3));
          return Errno.SUCCESS;
        });
    d.define(
        "path_unlink_file",
        "iii",
        (caller, a) -> {
          PathOps.unlink(directory(fds, a.i32(0), false), path(caller, a, 1));
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

  /** Returns the path given by arguments {@code arg} (pointer) and {@code arg + 1} (length). */
  private static String path(Caller caller, Arguments a, int arg) {
    return GuestMemory.of(caller).string(a.i32(arg), a.i32(arg + 1));
  }

  /** Returns how {@code lookupflags} say a last symbolic link is treated. */
  static Follow follow(int lookupflags) {
    if ((lookupflags & ~Abi.LOOKUP_SYMLINK_FOLLOW) != 0) {
      throw Errno.fail(Errno.INVAL, "lookupflags " + lookupflags);
    }
    return lookupflags != 0 ? Follow.ALWAYS : Follow.IF_SLASH;
  }
}

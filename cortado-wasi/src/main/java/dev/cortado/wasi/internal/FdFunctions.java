package dev.cortado.wasi.internal;

import java.nio.charset.StandardCharsets;

/**
 * The {@code fd_*} functions: reading, writing, seeking, flags, rights, stat, sync, renumbering and
 * closing descriptors, and the preopen queries. What a call does depends on the kind of descriptor
 * ({@link Descriptor}); each call first checks the descriptor's rights.
 */
final class FdFunctions {
  private FdFunctions() {}

  static void define(Definer d, WasiContext ctx) {
    FdTable fds = ctx.fds;
    d.define(
        "fd_read",
        "iiii",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          f.require(Abi.RIGHT_FD_READ);
          GuestMemory mem = GuestMemory.of(caller);
          byte[] buf = buffer(mem.iovecTotal(a.i32(1), a.i32(2)));
          int n = f.read(buf, 0, buf.length);
          mem.scatter(a.i32(1), a.i32(2), buf, n);
          mem.setU32(a.i32(3), n);
          return Errno.SUCCESS;
        });
    d.define(
        "fd_pread",
        "iiili",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          f.require(Abi.RIGHT_FD_READ | Abi.RIGHT_FD_SEEK);
          GuestMemory mem = GuestMemory.of(caller);
          byte[] buf = buffer(mem.iovecTotal(a.i32(1), a.i32(2)));
          int n = f.pread(buf, 0, buf.length, offset(a.i64(3)));
          mem.scatter(a.i32(1), a.i32(2), buf, n);
          mem.setU32(a.i32(4), n);
          return Errno.SUCCESS;
        });
    d.define(
        "fd_write",
        "iiii",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          f.require(Abi.RIGHT_FD_WRITE);
          GuestMemory mem = GuestMemory.of(caller);
          byte[] data = mem.gather(a.i32(1), a.i32(2));
          mem.setU32(a.i32(3), f.write(data, 0, data.length));
          return Errno.SUCCESS;
        });
    d.define(
        "fd_pwrite",
        "iiili",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          f.require(Abi.RIGHT_FD_WRITE | Abi.RIGHT_FD_SEEK);
          GuestMemory mem = GuestMemory.of(caller);
          byte[] data = mem.gather(a.i32(1), a.i32(2));
          mem.setU32(a.i32(4), f.pwrite(data, 0, data.length, offset(a.i64(3))));
          return Errno.SUCCESS;
        });
    d.define(
        "fd_seek",
        "ilii",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          int whence = a.i32(2);
          // Asking where one is (offset 0 from the current position) needs only fd_tell.
          f.require(
              a.i64(1) == 0 && whence == Abi.WHENCE_CUR ? Abi.RIGHT_FD_TELL : Abi.RIGHT_FD_SEEK);
          if (whence < Abi.WHENCE_SET || whence > Abi.WHENCE_END) {
            throw Errno.fail(Errno.INVAL, "whence " + whence);
          }
          long position = f.seek(a.i64(1), whence);
          GuestMemory.of(caller).setU64(a.i32(3), position);
          return Errno.SUCCESS;
        });
    d.define(
        "fd_tell",
        "ii",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          f.require(Abi.RIGHT_FD_TELL);
          GuestMemory.of(caller).setU64(a.i32(1), f.tell());
          return Errno.SUCCESS;
        });
    d.define(
        "fd_close",
        "i",
        (caller, a) -> {
          fds.close(a.i32(0));
          return Errno.SUCCESS;
        });
    d.define(
        "fd_renumber",
        "ii",
        (caller, a) -> {
          fds.renumber(a.i32(0), a.i32(1));
          return Errno.SUCCESS;
        });
    d.define(
        "fd_fdstat_get",
        "ii",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          GuestMemory mem = GuestMemory.of(caller);
          int p = a.i32(1);
          mem.check(p, Abi.FDSTAT_SIZE);
          mem.setU8(p, f.filetype());
          mem.setU8(p + 1, 0);
          mem.setU16(p + 2, f.fdflags());
          mem.setU32(p + 4, 0);
          mem.setU64(p + 8, f.rightsBase());
          mem.setU64(p + 16, f.reportedRightsInheriting());
          return Errno.SUCCESS;
        });
    d.define(
        "fd_fdstat_set_flags",
        "ii",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          f.require(Abi.RIGHT_FD_FDSTAT_SET_FLAGS);
          int flags = a.i32(1);
          if ((flags & ~0x1F) != 0) {
            throw Errno.fail(Errno.INVAL, "fdflags " + flags);
          }
          f.setFdflags(flags);
          return Errno.SUCCESS;
        });
    d.define(
        "fd_fdstat_set_rights",
        "ill",
        (caller, a) -> {
          fds.get(a.i32(0)).restrictRights(a.i64(1), a.i64(2));
          return Errno.SUCCESS;
        });
    d.define(
        "fd_filestat_get",
        "ii",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          f.require(Abi.RIGHT_FD_FILESTAT_GET);
          f.filestat(GuestMemory.of(caller), a.i32(1));
          return Errno.SUCCESS;
        });
    d.define(
        "fd_filestat_set_size",
        "il",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          f.require(Abi.RIGHT_FD_FILESTAT_SET_SIZE);
          f.setSize(offset(a.i64(1)));
          return Errno.SUCCESS;
        });
    d.define(
        "fd_filestat_set_times",
        "illi",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          f.require(Abi.RIGHT_FD_FILESTAT_SET_TIMES);
          int flags = checkTimeFlags(a.i32(3));
          f.setTimes(a.i64(1), a.i64(2), flags, ctx.clock.realtimeNanos());
          return Errno.SUCCESS;
        });
    d.define(
        "fd_advise",
        "illi",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          f.require(Abi.RIGHT_FD_ADVISE);
          int advice = a.i32(3);
          if (advice < Abi.ADVICE_NORMAL || advice > Abi.ADVICE_NOREUSE) {
            throw Errno.fail(Errno.INVAL, "advice " + advice);
          }
          f.advise(a.i64(1), a.i64(2), advice);
          return Errno.SUCCESS;
        });
    d.define(
        "fd_allocate",
        "ill",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          f.require(Abi.RIGHT_FD_ALLOCATE);
          f.allocate(offset(a.i64(1)), offset(a.i64(2)));
          return Errno.SUCCESS;
        });
    d.define(
        "fd_sync",
        "i",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          f.require(Abi.RIGHT_FD_SYNC);
          f.sync();
          return Errno.SUCCESS;
        });
    d.define(
        "fd_datasync",
        "i",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          f.require(Abi.RIGHT_FD_DATASYNC);
          f.datasync();
          return Errno.SUCCESS;
        });
    d.define(
        "fd_readdir",
        "iiili",
        (caller, a) -> {
          Descriptor f = fds.get(a.i32(0));
          f.require(Abi.RIGHT_FD_READDIR);
          GuestMemory mem = GuestMemory.of(caller);
          mem.check(a.i32(1), Integer.toUnsignedLong(a.i32(2)));
          mem.setU32(a.i32(4), f.readdir(mem, a.i32(1), a.i32(2), a.i64(3)));
          return Errno.SUCCESS;
        });
    d.define(
        "fd_prestat_get",
        "ii",
        (caller, a) -> {
          String name = preopenName(fds, a.i32(0));
          GuestMemory mem = GuestMemory.of(caller);
          mem.check(a.i32(1), Abi.PRESTAT_SIZE);
          mem.setU32(a.i32(1), Abi.PREOPENTYPE_DIR);
          mem.setU32(a.i32(1) + 4, name.getBytes(StandardCharsets.UTF_8).length);
          return Errno.SUCCESS;
        });
    d.define(
        "fd_prestat_dir_name",
        "iii",
        (caller, a) -> {
          byte[] name = preopenName(fds, a.i32(0)).getBytes(StandardCharsets.UTF_8);
          if (Integer.toUnsignedLong(a.i32(2)) < name.length) {
            throw Errno.fail(Errno.NAMETOOLONG, "buffer shorter than the name");
          }
          GuestMemory.of(caller).write(a.i32(1), name, 0, name.length);
          return Errno.SUCCESS;
        });
  }

  private static String preopenName(FdTable fds, int fd) {
    return fds.get(fd)
        .preopenName()
        .orElseThrow(() -> Errno.fail(Errno.BADF, "fd " + fd + " is not a preopen"));
  }

  /** Returns a buffer for a read of {@code total} bytes. */
  private static byte[] buffer(long total) {
    // A read returns what is there; no need to allocate more than a generous chunk at once.
    return new byte[(int) Math.min(total, 16L << 20)];
  }

  /** Checks an offset or length given as a u64 fits a Java long. */
  private static long offset(long value) {
    if (value < 0) {
      throw Errno.fail(Errno.INVAL, "offset beyond 2^63");
    }
    return value;
  }

  /** Checks {@code fstflags}: a time cannot be both given and "now". */
  static int checkTimeFlags(int flags) {
    if ((flags & ~0xF) != 0
        || ((flags & Abi.FSTFLAGS_ATIM) != 0 && (flags & Abi.FSTFLAGS_ATIM_NOW) != 0)
        || ((flags & Abi.FSTFLAGS_MTIM) != 0 && (flags & Abi.FSTFLAGS_MTIM_NOW) != 0)) {
      throw Errno.fail(Errno.INVAL, "fstflags " + flags);
    }
    return flags;
  }
}

package dev.cortado.wasi.internal;

/**
 * {@code sock_accept}, {@code sock_recv}, {@code sock_send}, {@code sock_shutdown}: TCP on sockets
 * the host preopened (preview1 cannot open sockets itself).
 */
final class SockFunctions {
  private SockFunctions() {}

  static void define(Definer d, WasiContext ctx) {
    FdTable fds = ctx.fds;
    d.define(
        "sock_accept",
        "iii",
        (caller, a) -> {
          SocketDescriptor s = fds.get(a.i32(0), SocketDescriptor.class, Errno.NOTSOCK);
          s.require(Abi.RIGHT_SOCK_ACCEPT);
          int flags = a.i32(1);
          if ((flags & ~Abi.FDFLAGS_NONBLOCK) != 0) {
            throw Errno.fail(Errno.INVAL, "accept flags " + flags);
          }
          GuestMemory mem = GuestMemory.of(caller);
          mem.check(a.i32(2), 4);
          mem.setU32(a.i32(2), fds.insert(s.accept(flags)));
          return Errno.SUCCESS;
        });
    d.define(
        "sock_recv",
        "iiiiii",
        (caller, a) -> {
          SocketDescriptor s = fds.get(a.i32(0), SocketDescriptor.class, Errno.NOTSOCK);
          s.require(Abi.RIGHT_FD_READ);
          int flags = a.i32(3);
          if ((flags & ~(Abi.RIFLAGS_RECV_PEEK | Abi.RIFLAGS_RECV_WAITALL)) != 0) {
            throw Errno.fail(Errno.INVAL, "riflags " + flags);
          }
          GuestMemory mem = GuestMemory.of(caller);
          long total = mem.iovecTotal(a.i32(1), a.i32(2));
          byte[] buf = new byte[(int) Math.min(total, 16L << 20)];
          int n =
              s.receive(
                  buf,
                  0,
                  buf.length,
                  (flags & Abi.RIFLAGS_RECV_PEEK) != 0,
                  (flags & Abi.RIFLAGS_RECV_WAITALL) != 0);
          mem.scatter(a.i32(1), a.i32(2), buf, n);
          mem.setU32(a.i32(4), n);
          mem.setU16(a.i32(5), 0);
          return Errno.SUCCESS;
        });
    d.define(
        "sock_send",
        "iiiii",
        (caller, a) -> {
          SocketDescriptor s = fds.get(a.i32(0), SocketDescriptor.class, Errno.NOTSOCK);
          s.require(Abi.RIGHT_FD_WRITE);
          GuestMemory mem = GuestMemory.of(caller);
          byte[] data = mem.gather(a.i32(1), a.i32(2));
          mem.setU32(a.i32(4), s.write(data, 0, data.length));
          return Errno.SUCCESS;
        });
    d.define(
        "sock_shutdown",
        "ii",
        (caller, a) -> {
          SocketDescriptor s = fds.get(a.i32(0), SocketDescriptor.class, Errno.NOTSOCK);
          s.require(Abi.RIGHT_SOCK_SHUTDOWN);
          s.shutdown(a.i32(1));
          return Errno.SUCCESS;
        });
  }
}

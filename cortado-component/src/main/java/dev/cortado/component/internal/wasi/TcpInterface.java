package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.SocketInterfaces.address;
import static dev.cortado.component.internal.wasi.SocketInterfaces.define;
import static dev.cortado.component.internal.wasi.SocketInterfaces.defineUnit;

import dev.cortado.component.ComponentLinker;
import dev.cortado.component.ComponentValue;
import dev.cortado.component.PrimitiveType;
import dev.cortado.component.internal.wasi.SocketAddresses.Family;
import java.util.List;

/** {@code wasi:sockets/tcp} and {@code tcp-create-socket}: {@link TcpSocket}s as resources. */
final class TcpInterface {
  private TcpInterface() {}

  private static TcpSocket socket(List<ComponentValue> args) {
    return Cv.rep(args.get(0), TcpSocket.class);
  }

  /** A u64 argument as a positive long, values past Long.MAX_VALUE saturated. */
  private static long unsigned(ComponentValue v) {
    long x = Cv.integer(v);
    return x < 0 ? Long.MAX_VALUE : x;
  }

  private static long positive(ComponentValue v, String what) {
    long x = unsigned(v);
    if (x == 0) {
      throw SocketError.INVALID_ARGUMENT.fail(what + " of 0");
    }
    return x;
  }

  private static ComponentValue streams(Host h, TcpConnection c) {
    return Cv.tuple(Cv.resource(h.inputStream, c.input()), Cv.resource(h.outputStream, c.output()));
  }

  static void defineAll(ComponentLinker l, Host h) {
    define(
        l,
        "wasi:sockets/tcp-create-socket" + Host.VERSION,
        "create-tcp-socket",
        args ->
            Cv.ok(
                Cv.resource(
                    h.tcpSocket,
                    h.openSocket(
                        TcpSocket.create(
                            Family.of(args.get(0)), h.socketPolicy, h.ctx, h::closedSocket)))));

    String t = "wasi:sockets/tcp" + Host.VERSION;
    String m = "[method]tcp-socket.";
    l.defineResource(t, h.tcpSocket);
    defineUnit(
        l,
        t,
        m + "start-bind",
        args -> socket(args).startBind(address(args.get(2), socket(args).family())));
    defineUnit(l, t, m + "finish-bind", args -> socket(args).finishBind());
    defineUnit(
        l,
        t,
        m + "start-connect",
        args -> socket(args).startConnect(address(args.get(2), socket(args).family())));
    define(l, t, m + "finish-connect", args -> Cv.ok(streams(h, socket(args).finishConnect())));
    defineUnit(l, t, m + "start-listen", args -> socket(args).startListen());
    defineUnit(l, t, m + "finish-listen", args -> socket(args).finishListen());
    define(
        l,
        t,
        m + "accept",
        args -> {
          TcpSocket a = h.openSocket(socket(args).accept(h::closedSocket));
          TcpConnection c = a.connection();
          return Cv.ok(
              Cv.tuple(
                  Cv.resource(h.tcpSocket, a),
                  Cv.resource(h.inputStream, c.input()),
                  Cv.resource(h.outputStream, c.output())));
        });
    define(
        l,
        t,
        m + "local-address",
        args -> Cv.ok(SocketAddresses.value(socket(args).localAddress(), socket(args).family())));
    define(
        l,
        t,
        m + "remote-address",
        args -> Cv.ok(SocketAddresses.value(socket(args).remoteAddress(), socket(args).family())));
    l.defineFunction(t, m + "is-listening", args -> Cv.of(Cv.bool(socket(args).isListening())));
    l.defineFunction(t, m + "address-family", args -> Cv.of(socket(args).family().value()));
    defineUnit(
        l,
        t,
        m + "set-listen-backlog-size",
        args -> socket(args).setListenBacklogSize(unsigned(args.get(1))));
    defineOptions(l, t, m);
    l.defineFunction(
        t, m + "subscribe", args -> Cv.of(Cv.resource(h.pollable, socket(args).subscribe())));
    defineUnit(
        l,
        t,
        m + "shutdown",
        args -> socket(args).shutdown(((ComponentValue.EnumV) args.get(1)).index()));
  }

  private static void defineOptions(ComponentLinker l, String t, String m) {
    define(
        l, t, m + "keep-alive-enabled", args -> Cv.ok(Cv.bool(socket(args).options().keepAlive)));
    defineUnit(
        l,
        t,
        m + "set-keep-alive-enabled",
        args -> {
          socket(args).options().keepAlive = ((ComponentValue.Bool) args.get(1)).value();
          socket(args).applyOptions();
        });
    define(
        l,
        t,
        m + "keep-alive-idle-time",
        args -> Cv.ok(Cv.u64(socket(args).options().keepAliveIdleNanos)));
    defineUnit(
        l,
        t,
        m + "set-keep-alive-idle-time",
        args -> {
          long v = positive(args.get(1), "an idle time");
          socket(args).options().keepAliveIdleNanos = TcpOptions.rounded(v);
          socket(args).applyOptions();
        });
    define(
        l,
        t,
        m + "keep-alive-interval",
        args -> Cv.ok(Cv.u64(socket(args).options().keepAliveIntervalNanos)));
    defineUnit(
        l,
        t,
        m + "set-keep-alive-interval",
        args -> {
          long v = positive(args.get(1), "an interval");
          socket(args).options().keepAliveIntervalNanos = TcpOptions.rounded(v);
          socket(args).applyOptions();
        });
    define(
        l, t, m + "keep-alive-count", args -> Cv.ok(Cv.u32(socket(args).options().keepAliveCount)));
    defineUnit(
        l,
        t,
        m + "set-keep-alive-count",
        args -> {
          long v = positive(args.get(1), "a count");
          socket(args).options().keepAliveCount = (int) Math.min(v, Integer.MAX_VALUE);
          socket(args).applyOptions();
        });
    define(
        l,
        t,
        m + "hop-limit",
        args -> Cv.ok(new ComponentValue.Int(PrimitiveType.U8, socket(args).options().hopLimit)));
    defineUnit(
        l,
        t,
        m + "set-hop-limit",
        args -> socket(args).options().hopLimit = (int) positive(args.get(1), "a hop limit"));
    define(
        l, t, m + "receive-buffer-size", args -> Cv.ok(Cv.u64(socket(args).receiveBufferSize())));
    defineUnit(
        l,
        t,
        m + "set-receive-buffer-size",
        args -> {
          long v = positive(args.get(1), "a buffer size");
          socket(args).options().receiveBuffer = (int) Math.min(v, Integer.MAX_VALUE);
          socket(args).applyOptions();
        });
    define(l, t, m + "send-buffer-size", args -> Cv.ok(Cv.u64(socket(args).sendBufferSize())));
    defineUnit(
        l,
        t,
        m + "set-send-buffer-size",
        args -> {
          long v = positive(args.get(1), "a buffer size");
          socket(args).options().sendBuffer = (int) Math.min(v, Integer.MAX_VALUE);
          socket(args).applyOptions();
        });
  }
}

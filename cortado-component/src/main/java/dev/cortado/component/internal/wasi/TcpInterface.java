package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.SocketInterfaces.address;
import static dev.cortado.component.internal.wasi.SocketInterfaces.define;
import static dev.cortado.component.internal.wasi.SocketInterfaces.defineUnit;

import dev.cortado.component.ComponentValue;
import dev.cortado.component.PrimitiveType;
import dev.cortado.component.internal.wasi.SocketAddresses.Family;
import java.io.IOException;
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
    return Cv.tuple(
        Cv.resource(Host.INPUT_STREAM, c.input()), Cv.resource(Host.OUTPUT_STREAM, c.output()));
  }

  static void defineAll(HostLinker l) {
    define(
        l,
        "wasi:sockets/tcp-create-socket" + Host.VERSION,
        "create-tcp-socket",
        (h, args) ->
            Cv.ok(
                Cv.resource(
                    Host.TCP_SOCKET,
                    h.openSocket(
                        TcpSocket.create(
                            Family.of(args.get(0)), h.socketPolicy, h.ctx, h::closedSocket)))));

    String t = "wasi:sockets/tcp" + Host.VERSION;
    String m = "[method]tcp-socket.";
    l.defineResource(t, Host.TCP_SOCKET);
    defineUnit(
        l,
        t,
        m + "start-bind",
        (h, args) -> socket(args).startBind(address(args.get(2), socket(args).family())));
    defineUnit(l, t, m + "finish-bind", (h, args) -> socket(args).finishBind());
    defineUnit(
        l,
        t,
        m + "start-connect",
        (h, args) -> socket(args).startConnect(address(args.get(2), socket(args).family())));
    define(
        l, t, m + "finish-connect", (h, args) -> Cv.ok(streams(h, socket(args).finishConnect())));
    defineUnit(l, t, m + "start-listen", (h, args) -> socket(args).startListen());
    defineUnit(l, t, m + "finish-listen", (h, args) -> socket(args).finishListen());
    define(
        l,
        t,
        m + "accept",
        (h, args) -> {
          TcpSocket a = h.openSocket(socket(args).accept(h::closedSocket));
          TcpConnection c = a.connection();
          return Cv.ok(
              Cv.tuple(
                  Cv.resource(Host.TCP_SOCKET, a),
                  Cv.resource(Host.INPUT_STREAM, c.input()),
                  Cv.resource(Host.OUTPUT_STREAM, c.output())));
        });
    define(
        l,
        t,
        m + "local-address",
        (h, args) ->
            Cv.ok(SocketAddresses.value(socket(args).localAddress(), socket(args).family())));
    define(
        l,
        t,
        m + "remote-address",
        (h, args) ->
            Cv.ok(SocketAddresses.value(socket(args).remoteAddress(), socket(args).family())));
    l.defineFunction(
        t, m + "is-listening", (h, args) -> Cv.of(Cv.bool(socket(args).isListening())));
    l.defineFunction(t, m + "address-family", (h, args) -> Cv.of(socket(args).family().value()));
    defineUnit(
        l,
        t,
        m + "set-listen-backlog-size",
        (h, args) -> socket(args).setListenBacklogSize(unsigned(args.get(1))));
    defineOptions(l, t, m);
    l.defineFunction(
        t,
        m + "subscribe",
        (h, args) -> Cv.of(Cv.resource(Host.POLLABLE, socket(args).subscribe())));
    defineUnit(
        l,
        t,
        m + "shutdown",
        (h, args) -> socket(args).shutdown(((ComponentValue.EnumV) args.get(1)).index()));
  }

  /** Reads an option of a socket. */
  private interface Getter {
    ComponentValue get(TcpSocket s) throws IOException;
  }

  /** Sets an option, from a positive value, in a socket's options. */
  private interface Setter {
    void set(TcpOptions o, long value);
  }

  /**
   * Defines option {@code name} and {@code set-name}: a setting of 0 is {@code invalid-argument},
   * others apply to the socket's channel at once.
   */
  private static void option(
      HostLinker l, String t, String m, String name, Getter get, Setter set) {
    define(l, t, m + name, (h, args) -> Cv.ok(get.get(socket(args))));
    defineUnit(
        l,
        t,
        m + "set-" + name,
        (h, args) -> {
          TcpSocket s = socket(args);
          set.set(s.options(), positive(args.get(1), name));
          s.applyOptions();
        });
  }

  private static int clamped(long v) {
    return (int) Math.min(v, Integer.MAX_VALUE);
  }

  private static void defineOptions(HostLinker l, String t, String m) {
    define(
        l,
        t,
        m + "keep-alive-enabled",
        (h, args) -> Cv.ok(Cv.bool(socket(args).options().keepAlive)));
    defineUnit(
        l,
        t,
        m + "set-keep-alive-enabled",
        (h, args) -> {
          socket(args).options().keepAlive = ((ComponentValue.Bool) args.get(1)).value();
          socket(args).applyOptions();
        });
    option(
        l,
        t,
        m,
        "keep-alive-idle-time",
        s -> Cv.u64(s.options().keepAliveIdleNanos),
        (o, v) -> o.keepAliveIdleNanos = TcpOptions.rounded(v));
    option(
        l,
        t,
        m,
        "keep-alive-interval",
        s -> Cv.u64(s.options().keepAliveIntervalNanos),
        (o, v) -> o.keepAliveIntervalNanos = TcpOptions.rounded(v));
    option(
        l,
        t,
        m,
        "keep-alive-count",
        s -> Cv.u32(s.options().keepAliveCount),
        (o, v) -> o.keepAliveCount = clamped(v));
    option(
        l,
        t,
        m,
        "hop-limit",
        s -> new ComponentValue.Int(PrimitiveType.U8, s.options().hopLimit),
        (o, v) -> o.hopLimit = (int) Math.min(v, 255));
    option(
        l,
        t,
        m,
        "receive-buffer-size",
        s -> Cv.u64(s.receiveBufferSize()),
        (o, v) -> o.receiveBuffer = clamped(v));
    option(
        l,
        t,
        m,
        "send-buffer-size",
        s -> Cv.u64(s.sendBufferSize()),
        (o, v) -> o.sendBuffer = clamped(v));
  }
}

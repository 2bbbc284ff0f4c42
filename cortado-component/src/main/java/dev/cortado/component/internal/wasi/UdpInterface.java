package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.SocketInterfaces.address;
import static dev.cortado.component.internal.wasi.SocketInterfaces.define;
import static dev.cortado.component.internal.wasi.SocketInterfaces.defineUnit;

import dev.cortado.component.ComponentValue;
import dev.cortado.component.PrimitiveType;
import dev.cortado.component.internal.wasi.SocketAddresses.Family;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code wasi:sockets/udp} and {@code udp-create-socket}: {@link UdpSocket}s and their datagram
 * streams as resources.
 */
final class UdpInterface {
  private UdpInterface() {}

  private static UdpSocket socket(List<ComponentValue> args) {
    return Cv.rep(args.get(0), UdpSocket.class);
  }

  private static long positive(ComponentValue v, String what) {
    long x = Cv.integer(v);
    if (x == 0) {
      throw SocketError.INVALID_ARGUMENT.fail(what + " of 0");
    }
    return x < 0 ? Long.MAX_VALUE : x;
  }

  static void defineAll(HostLinker l) {
    define(
        l,
        "wasi:sockets/udp-create-socket" + Host.VERSION,
        "create-udp-socket",
        (h, args) ->
            Cv.ok(
                Cv.resource(
                    Host.UDP_SOCKET,
                    h.openSocket(
                        UdpSocket.create(
                            Family.of(args.get(0)), h.socketPolicy, h::closedSocket)))));

    String u = "wasi:sockets/udp" + Host.VERSION;
    String m = "[method]udp-socket.";
    l.defineResource(u, Host.UDP_SOCKET);
    l.defineResource(u, Host.INCOMING_DATAGRAM_STREAM);
    l.defineResource(u, Host.OUTGOING_DATAGRAM_STREAM);
    defineUnit(
        l,
        u,
        m + "start-bind",
        (h, args) -> socket(args).startBind(address(args.get(2), socket(args).family())));
    defineUnit(l, u, m + "finish-bind", (h, args) -> socket(args).finishBind());
    define(
        l,
        u,
        m + "stream",
        (h, args) -> {
          UdpSocket s = socket(args);
          Optional<ComponentValue> remote = ((ComponentValue.OptionV) args.get(1)).value();
          InetSocketAddress peer = remote.isPresent() ? address(remote.get(), s.family()) : null;
          int generation = s.stream(peer);
          return Cv.ok(
              Cv.tuple(
                  Cv.resource(
                      Host.INCOMING_DATAGRAM_STREAM, new DatagramStreams.Incoming(s, generation)),
                  Cv.resource(
                      Host.OUTGOING_DATAGRAM_STREAM, new DatagramStreams.Outgoing(s, generation))));
        });
    define(
        l,
        u,
        m + "local-address",
        (h, args) ->
            Cv.ok(SocketAddresses.value(socket(args).localAddress(), socket(args).family())));
    define(
        l,
        u,
        m + "remote-address",
        (h, args) ->
            Cv.ok(SocketAddresses.value(socket(args).remoteAddress(), socket(args).family())));
    l.defineFunction(u, m + "address-family", (h, args) -> Cv.of(socket(args).family().value()));
    define(
        l,
        u,
        m + "unicast-hop-limit",
        (h, args) -> Cv.ok(new ComponentValue.Int(PrimitiveType.U8, socket(args).hopLimit())));
    defineUnit(
        l,
        u,
        m + "set-unicast-hop-limit",
        (h, args) -> socket(args).setHopLimit((int) Cv.integer(args.get(1))));
    for (boolean receive : new boolean[] {true, false}) {
      String name = receive ? "receive-buffer-size" : "send-buffer-size";
      define(l, u, m + name, (h, args) -> Cv.ok(Cv.u64(socket(args).bufferSize(receive))));
      defineUnit(
          l,
          u,
          m + "set-" + name,
          (h, args) -> socket(args).setBufferSize(receive, positive(args.get(1), "a buffer size")));
    }
    l.defineFunction(
        u, m + "subscribe", (h, args) -> Cv.of(Cv.resource(Host.POLLABLE, Pollable.always())));
    defineStreams(l, u);
  }

  private static void defineStreams(HostLinker l, String u) {
    String in = "[method]incoming-datagram-stream.";
    define(
        l,
        u,
        in + "receive",
        (h, args) -> {
          DatagramStreams.Incoming s = Cv.rep(args.get(0), DatagramStreams.Incoming.class);
          long max = Cv.integer(args.get(1));
          List<ComponentValue> out = new ArrayList<>();
          for (UdpSocket.Datagram d :
              s.socket().receive(s.generation(), max < 0 ? Long.MAX_VALUE : max)) {
            out.add(
                Cv.record(
                    Cv.bytes(d.data(), d.data().length),
                    SocketAddresses.value(d.from(), s.socket().family())));
          }
          return Cv.ok(Cv.list(out));
        });
    l.defineFunction(
        u,
        in + "subscribe",
        (h, args) ->
            Cv.of(
                Cv.resource(
                    Host.POLLABLE,
                    Cv.rep(args.get(0), DatagramStreams.Incoming.class).socket().readable())));
    String out = "[method]outgoing-datagram-stream.";
    define(
        l,
        u,
        out + "check-send",
        (h, args) -> {
          DatagramStreams.Outgoing s = Cv.rep(args.get(0), DatagramStreams.Outgoing.class);
          s.permitted = s.socket.checkSend(s.generation);
          return Cv.ok(Cv.u64(s.permitted));
        });
    define(
        l,
        u,
        out + "send",
        (h, args) -> {
          DatagramStreams.Outgoing s = Cv.rep(args.get(0), DatagramStreams.Outgoing.class);
          List<ComponentValue> datagrams = ((ComponentValue.ListV) args.get(1)).elements();
          UdpSocket.requirePermitted(datagrams.size(), s.permitted);
          s.permitted -= datagrams.size();
          List<byte[]> data = new ArrayList<>();
          List<Optional<ComponentValue>> to = new ArrayList<>();
          for (ComponentValue d : datagrams) {
            List<ComponentValue> fields = ((ComponentValue.RecordV) d).fields();
            data.add(Cv.bytes(fields.get(0)));
            to.add(((ComponentValue.OptionV) fields.get(1)).value());
          }
          Family family = s.socket.family();
          return Cv.ok(
              Cv.u64(
                  s.socket.send(s.generation, data, i -> to.get(i).map(v -> address(v, family)))));
        });
    l.defineFunction(
        u,
        out + "subscribe",
        (h, args) ->
            Cv.of(
                Cv.resource(
                    Host.POLLABLE,
                    Cv.rep(args.get(0), DatagramStreams.Outgoing.class).socket.writable())));
  }
}

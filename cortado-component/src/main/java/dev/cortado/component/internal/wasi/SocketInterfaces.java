package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.Cv.of;

import dev.cortado.component.ComponentValue;
import dev.cortado.component.internal.wasi.SocketAddresses.Family;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * {@code wasi:sockets}: the network, name lookup, and the TCP and UDP sockets, granted address by
 * address by the configuration's {@link dev.cortado.wasi.SocketPolicy}. A function's failure is its
 * {@code error-code} result, never an exception to the host.
 */
final class SocketInterfaces {
  private SocketInterfaces() {}

  /** A socket function's body: its result, or a failure. */
  interface Body {
    ComponentValue run(Host h, List<ComponentValue> args) throws IOException;
  }

  /** A socket function's body with no result but success. */
  interface Action {
    void run(Host h, List<ComponentValue> args) throws IOException;
  }

  /** Defines {@code name}, whose failures become its {@code error-code} result. */
  static void define(HostLinker l, String iface, String name, Body body) {
    l.defineFunction(
        iface,
        name,
        (h, args) -> {
          try {
            return of(body.run(h, args));
          } catch (SocketError.Failure f) {
            return of(failed(f.code()));
          } catch (IOException e) {
            return of(failed(SocketError.of(e).code()));
          }
        });
  }

  /** Defines {@code name}, returning {@code ok} or its failure's {@code error-code}. */
  static void defineUnit(HostLinker l, String iface, String name, Action action) {
    define(
        l,
        iface,
        name,
        (h, args) -> {
          action.run(h, args);
          return Cv.ok();
        });
  }

  static ComponentValue failed(SocketError code) {
    return Cv.err(Cv.enumCase(code.ordinal()));
  }

  static void define(HostLinker l) {
    String network = "wasi:sockets/network" + Host.VERSION;
    l.defineResource(network, Host.NETWORK);
    l.defineFunction(
        "wasi:sockets/instance-network" + Host.VERSION,
        "instance-network",
        (h, args) -> of(Cv.resource(Host.NETWORK, h.socketPolicy)));

    String lookup = "wasi:sockets/ip-name-lookup" + Host.VERSION;
    l.defineResource(lookup, Host.RESOLVE_ADDRESS_STREAM);
    define(
        l,
        lookup,
        "resolve-addresses",
        (h, args) ->
            Cv.ok(
                Cv.resource(
                    Host.RESOLVE_ADDRESS_STREAM,
                    NameLookup.start(Cv.string(args.get(1)), h.socketPolicy))));
    define(
        l,
        lookup,
        "[method]resolve-address-stream.resolve-next-address",
        (h, args) ->
            Cv.ok(
                new ComponentValue.OptionV(
                    Cv.rep(args.get(0), NameLookup.class).next().map(SocketAddresses::address))));
    l.defineFunction(
        lookup,
        "[method]resolve-address-stream.subscribe",
        (h, args) ->
            of(Cv.resource(Host.POLLABLE, Cv.rep(args.get(0), NameLookup.class).subscribe())));

    TcpInterface.defineAll(l);
    UdpInterface.defineAll(l);
  }

  /** Reads an {@code ip-socket-address} argument for a socket of {@code family}. */
  static InetSocketAddress address(ComponentValue v, Family family) {
    return SocketAddresses.of(v, family);
  }
}

package dev.cortado.wasi;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Which network operations a component may perform through {@code wasi:sockets}: an allow-list,
 * empty by default. An operation the policy does not grant fails with {@code access-denied}.
 *
 * <p>Each grant is an address pattern {@code HOST:PORTS}: HOST is {@code *}, {@code localhost}
 * (127.0.0.0/8 and [::1]), an IPv4 address or block ({@code 127.0.0.1}, {@code 10.0.0.0/8}) or an
 * IPv6 address or block in brackets ({@code [::1]}, {@code [fd00::/8]}); PORTS is {@code *}, one
 * port or a range ({@code 1000-2000}). Examples: {@code 127.0.0.1:8080}, {@code 10.0.0.0/8:*},
 * {@code [::1]:1000-2000}, {@code *:443}.
 *
 * <p>Immutable: each {@code withX} returns a changed copy.
 *
 * @see <a href="https://github.com/WebAssembly/wasi-sockets">wasi:sockets</a>
 */
public final class SocketPolicy {
  private static final SocketPolicy NONE = new SocketPolicy(List.of(), List.of(), List.of(), false);

  private final List<AddressPattern> connect;
  private final List<AddressPattern> bind;
  private final List<AddressPattern> datagrams;
  private final boolean nameLookup;

  private SocketPolicy(
      List<AddressPattern> connect,
      List<AddressPattern> bind,
      List<AddressPattern> datagrams,
      boolean nameLookup) {
    this.connect = List.copyOf(connect);
    this.bind = List.copyOf(bind);
    this.datagrams = List.copyOf(datagrams);
    this.nameLookup = nameLookup;
  }

  /** Returns the policy that grants nothing: no connection, no binding, no datagram, no lookup. */
  public static SocketPolicy none() {
    return NONE;
  }

  private static List<AddressPattern> plus(List<AddressPattern> list, String pattern) {
    List<AddressPattern> out = new ArrayList<>(list);
    out.add(AddressPattern.parse(Objects.requireNonNull(pattern, "pattern")));
    return out;
  }

  /**
   * Returns a copy that also lets TCP sockets connect to the addresses {@code pattern} names.
   *
   * @throws IllegalArgumentException if {@code pattern} is not an address pattern
   */
  public SocketPolicy withConnect(String pattern) {
    return new SocketPolicy(plus(connect, pattern), bind, datagrams, nameLookup);
  }

  /**
   * Returns a copy that also lets TCP and UDP sockets bind to the local addresses {@code pattern}
   * names (a TCP server binds before it listens). Port 0 asks for an ephemeral port and matches
   * only a pattern whose ports include 0 ({@code *} does).
   *
   * @throws IllegalArgumentException if {@code pattern} is not an address pattern
   */
  public SocketPolicy withBind(String pattern) {
    return new SocketPolicy(connect, plus(bind, pattern), datagrams, nameLookup);
  }

  /**
   * Returns a copy that also lets UDP sockets send datagrams to the addresses {@code pattern}
   * names. Since WASI requires a UDP socket to be bound before it sends, a policy with any datagram
   * grant also lets UDP sockets bind to an ephemeral port (port 0) of any local address, as a POSIX
   * socket's implicit bind would.
   *
   * @throws IllegalArgumentException if {@code pattern} is not an address pattern
   */
  public SocketPolicy withDatagrams(String pattern) {
    return new SocketPolicy(connect, bind, plus(datagrams, pattern), nameLookup);
  }

  /**
   * Returns a copy that lets the component resolve host names ({@code ip-name-lookup}). A lookup
   * returns only the addresses some grant of this policy covers (with any port), so that names tell
   * the component nothing about addresses it could not use.
   */
  public SocketPolicy withNameLookup() {
    return new SocketPolicy(connect, bind, datagrams, true);
  }

  /** Whether a TCP socket may connect to {@code remote}. */
  public boolean allowsConnect(InetSocketAddress remote) {
    return any(connect, Objects.requireNonNull(remote, "remote"));
  }

  /** Whether a TCP socket may bind to {@code local}. */
  public boolean allowsBind(InetSocketAddress local) {
    return any(bind, Objects.requireNonNull(local, "local"));
  }

  /**
   * Whether a UDP socket may bind to {@code local}: a bind grant, or port 0 with any datagram
   * grant.
   */
  public boolean allowsDatagramBind(InetSocketAddress local) {
    return allowsBind(local) || (local.getPort() == 0 && !datagrams.isEmpty());
  }

  /** Whether a UDP socket may send datagrams to {@code remote}. */
  public boolean allowsDatagramsTo(InetSocketAddress remote) {
    return any(datagrams, Objects.requireNonNull(remote, "remote"));
  }

  /** Whether the component may resolve host names. */
  public boolean allowsNameLookup() {
    return nameLookup;
  }

  /**
   * Whether some grant covers {@code address} with some port: the addresses a name lookup may
   * return.
   */
  public boolean covers(InetAddress address) {
    Objects.requireNonNull(address, "address");
    return Stream.of(connect, bind, datagrams)
        .flatMap(List::stream)
        .anyMatch(p -> p.matches(address));
  }

  /** Whether this policy grants nothing at all. */
  public boolean isEmpty() {
    return connect.isEmpty() && bind.isEmpty() && datagrams.isEmpty() && !nameLookup;
  }

  /** Returns the connect grants, as written. */
  public List<String> connectGrants() {
    return connect.stream().map(AddressPattern::toString).toList();
  }

  /** Returns the bind grants, as written. */
  public List<String> bindGrants() {
    return bind.stream().map(AddressPattern::toString).toList();
  }

  /** Returns the datagram grants, as written. */
  public List<String> datagramGrants() {
    return datagrams.stream().map(AddressPattern::toString).toList();
  }

  private static boolean any(List<AddressPattern> list, InetSocketAddress a) {
    return a.getAddress() != null && list.stream().anyMatch(p -> p.matches(a));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SocketPolicy p
        && p.connect.equals(connect)
        && p.bind.equals(bind)
        && p.datagrams.equals(datagrams)
        && p.nameLookup == nameLookup;
  }

  @Override
  public int hashCode() {
    return Objects.hash(connect, bind, datagrams, nameLookup);
  }

  /** Returns the grants in words, for messages. */
  @Override
  public String toString() {
    return "SocketPolicy[connect="
        + connect
        + ", bind="
        + bind
        + ", datagrams="
        + datagrams
        + ", nameLookup="
        + nameLookup
        + "]";
  }
}

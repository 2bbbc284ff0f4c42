package dev.cortado.server.internal;

import dev.cortado.server.OutboundHost;
import dev.cortado.wasi.SocketPolicy;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What a component's {@code allowed_outbound_hosts} grant through {@code wasi:sockets}, as Spin
 * reads them: a {@code tcp://} entry lets TCP sockets connect, a {@code udp://} entry lets UDP
 * sockets send and receive, a {@code *://} entry both; {@code http://} and {@code https://} entries
 * are for outbound HTTP only. Sockets name addresses, so a host name is resolved once, when the
 * application starts, and its addresses granted; {@code localhost} and {@code *} are granted as
 * such. A name wildcard ({@code *.example.com}) names no addresses and is left out, with a note.
 * Name lookup ({@code ip-name-lookup}) is granted when some socket entry names a host by name or
 * {@code *}.
 */
final class SocketGrants {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private SocketGrants() {}

  /**
   * Returns the socket policy {@code hosts} grant, telling {@code notes} about each entry left out
   * and why.
   */
  static SocketPolicy of(List<OutboundHost> hosts, Consumer<String> notes) {
    SocketPolicy policy = SocketPolicy.none();
    boolean lookup = false;
    for (OutboundHost h : hosts) {
      boolean tcp = h.scheme().equals("tcp") || h.scheme().equals("*");
      boolean udp = h.scheme().equals("udp") || h.scheme().equals("*");
      if (!tcp && !udp) {
        continue;
      }
      String ports =
          h.fromPort() == 0 && h.toPort() == 65535
              ? "*"
              : h.fromPort() == h.toPort() ? "" + h.fromPort() : h.fromPort() + "-" + h.toPort();
      // As the manifest writes it: a range there excludes its upper bound.
      String entry =
          h.scheme()
              + "://"
              + h.host()
              + ":"
              + (ports.contains("-") ? h.fromPort() + ".." + (h.toPort() + 1) : ports);
      List<String> addresses;
      if (h.host().startsWith("*.")) {
        notes.accept(
            "allowed_outbound_hosts entry "
                + entry
                + " gives sockets nothing: a name wildcard names no addresses (list the hosts)");
        continue;
      } else if (h.host().equals("*") || h.host().equalsIgnoreCase("localhost")) {
        addresses = List.of(h.host().toLowerCase(java.util.Locale.ROOT));
        lookup |= h.host().equals("*");
      } else if (IPV4.matcher(h.host()).matches()) {
        addresses = List.of(h.host());
      } else {
        try {
          addresses =
              java.util.Arrays.stream(InetAddress.getAllByName(h.host()))
                  .map(
                      a ->
                          a instanceof Inet6Address
                              ? "[" + a.getHostAddress().replaceAll("%.*", "") + "]"
                              : a.getHostAddress())
                  .distinct()
                  .toList();
          lookup = true;
        } catch (UnknownHostException e) {
          notes.accept(
              "allowed_outbound_hosts entry "
                  + entry
                  + " gives sockets nothing: "
                  + h.host()
                  + " does not resolve now");
          continue;
        }
      }
      try {
        for (String address : addresses) {
          String pattern = address + ":" + ports;
          if (tcp) {
            policy = policy.withConnect(pattern);
          }
          if (udp) {
            policy = policy.withDatagrams(pattern);
          }
        }
      } catch (IllegalArgumentException e) {
        notes.accept(
            "allowed_outbound_hosts entry " + entry + " gives sockets nothing: " + e.getMessage());
      }
    }
    return lookup ? policy.withNameLookup() : policy;
  }
}

package dev.cortado.cli;

import dev.cortado.wasi.Preopen;
import dev.cortado.wasi.SocketPolicy;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options that give a program part of the host, shared by {@code run} and {@code serve}: {@code
 * --env NAME=VALUE} (or {@code NAME}, copying the host's), {@code --dir HOST[::GUEST]}, and the
 * network grants of {@code wasi:sockets} ({@code --allow-connect}, ...).
 */
final class HostOptions {
  private HostOptions() {}

  /**
   * Returns the variables {@code --env} options give, in order; a host variable unset is left out.
   */
  static Map<String, String> environment(List<String> env) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String e : env) {
      int eq = e.indexOf('=');
      String name = eq < 0 ? e : e.substring(0, eq);
      if (name.isEmpty()) {
        throw new UserException("--env needs NAME=VALUE or NAME, not \"" + e + "\"");
      }
      String value = eq < 0 ? System.getenv(name) : e.substring(eq + 1);
      if (value != null) {
        m.put(name, value);
      }
    }
    return m;
  }

  /**
   * Returns the address a {@code HOST:PORT} option names ({@code [v6]:PORT} too; an empty host is
   * every interface), or says what is wrong with it: no port, a port out of range, a host that does
   * not resolve.
   */
  static InetSocketAddress address(String option, String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new UserException(option + " needs HOST:PORT, not \"" + text + "\"");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new UserException(option + " " + text + ": the port must be a number from 0 to 65535");
    }
    InetSocketAddress a = new InetSocketAddress(host.isEmpty() ? "0.0.0.0" : host, port);
    if (a.isUnresolved()) {
      throw new UserException(option + " " + text + ": cannot resolve the host \"" + host + "\"");
    }
    return a;
  }

  /** Returns the preopen a {@code --dir HOST[::GUEST]} option gives. */
  static Preopen preopen(String spec, boolean readOnly) {
    int sep = spec.indexOf("::");
    String host = sep < 0 ? spec : spec.substring(0, sep);
    String guest = sep < 0 ? spec : spec.substring(sep + 2);
    Path path = Path.of(host);
    if (!Files.isDirectory(path)) {
      throw new UserException(
          "--dir "
              + spec
              + ": "
              + host
              + (Files.exists(path) ? " is not a directory" : " does not exist"));
    }
    if (guest.isEmpty()) {
      throw new UserException("--dir " + spec + ": the guest path is empty");
    }
    return new Preopen(path, guest, readOnly);
  }

  /**
   * Returns the {@code wasi:sockets} policy the {@code --allow-connect}, {@code --allow-bind},
   * {@code --allow-udp} and {@code --allow-dns} options grant.
   */
  static SocketPolicy socketPolicy(
      List<String> connect, List<String> bind, List<String> udp, boolean dns) {
    SocketPolicy p = SocketPolicy.none();
    for (String c : connect) {
      p = grant("--allow-connect", c, p::withConnect);
    }
    for (String b : bind) {
      p = grant("--allow-bind", b, p::withBind);
    }
    for (String u : udp) {
      p = grant("--allow-udp", u, p::withDatagrams);
    }
    return dns ? p.withNameLookup() : p;
  }

  private static SocketPolicy grant(
      String option, String pattern, java.util.function.Function<String, SocketPolicy> with) {
    try {
      return with.apply(pattern);
    } catch (IllegalArgumentException e) {
      throw new UserException(option + " " + pattern + ": " + e.getMessage());
    }
  }
}

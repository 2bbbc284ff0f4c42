package dev.cortado.server;

import java.util.Objects;

/**
 * One entry of {@code allowed_outbound_hosts}: {@code scheme://host:port}, where the scheme and
 * host may be {@code *}, the host may start with {@code *.}, and the port may be {@code *}, a
 * number or a range {@code 8000..8010} (upper bound excluded).
 *
 * @param scheme the scheme, or {@code *}
 * @param host the host name or address, {@code *}, or {@code *.domain}
 * @param fromPort the lowest port allowed
 * @param toPort the highest port allowed
 */
public record OutboundHost(String scheme, String host, int fromPort, int toPort) {
  /** Checks every part is present and the ports are in order. */
  public OutboundHost {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    if (fromPort < 0 || toPort > 65535 || fromPort > toPort) {
      throw new IllegalArgumentException("bad port range " + fromPort + ".." + toPort);
    }
  }

  /** Returns the port {@code scheme} goes to when none is written (80 for http, 443 for https). */
  public static java.util.OptionalInt defaultPort(String scheme) {
    return switch (scheme.toLowerCase(java.util.Locale.ROOT)) {
      case "http" -> java.util.OptionalInt.of(80);
      case "https" -> java.util.OptionalInt.of(443);
      default -> java.util.OptionalInt.empty();
    };
  }

  /**
   * Returns whether a request to {@code uri} is allowed by this entry; a URI without a port goes to
   * its scheme's default one (and without one of those, is not allowed).
   */
  public boolean allows(java.net.URI uri) {
    int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri.getScheme()).orElse(-1);
    return port >= 0 && uri.getHost() != null && allows(uri.getScheme(), uri.getHost(), port);
  }

  /** Returns whether a request to {@code scheme://host:port} is allowed by this entry. */
  public boolean allows(String scheme, String host, int port) {
    boolean schemeOk = this.scheme.equals("*") || this.scheme.equalsIgnoreCase(scheme);
    boolean hostOk =
        this.host.equals("*")
            || this.host.equalsIgnoreCase(host)
            || (this.host.startsWith("*.")
                && host.toLowerCase(java.util.Locale.ROOT)
                    .endsWith(this.host.substring(1).toLowerCase(java.util.Locale.ROOT)));
    return schemeOk && hostOk && port >= fromPort && port <= toPort;
  }
}

package dev.cortado.server.internal;

import dev.cortado.server.Component;
import dev.cortado.server.OutboundHost;
import dev.cortado.server.ServeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code allowed_outbound_hosts} entries: {@code scheme://host[:port|:*|:a..b]}. */
final class OutboundHosts {
  private static final Pattern ENTRY =
      Pattern.compile("([a-zA-Z*][a-zA-Z0-9+.-]*|\\*)://([^:/]+)(?::([^/]+))?/?");

  private OutboundHosts() {}

  /**
   * Returns the entry {@code text}.
   *
   * @throws IllegalArgumentException with a message saying what is wrong
   */
  /**
   * Returns every host {@code component} may reach: its entries, and its templated ones rendered
   * with the application's {@code variables}.
   *
   * @throws ServeException if a rendered entry is not an entry
   */
  static List<OutboundHost> of(Component component, Map<String, String> variables) {
    List<OutboundHost> hosts = new ArrayList<>(component.allowedOutboundHosts());
    for (String template : component.outboundHostTemplates()) {
      String entry = Templates.render(template, variables);
      try {
        hosts.add(parse(entry));
      } catch (IllegalArgumentException e) {
        throw new ServeException(
            "component \""
                + component.id()
                + "\": allowed_outbound_hosts entry \""
                + template
                + "\" is \""
                + entry
                + "\" with the application's variables: "
                + e.getMessage());
      }
    }
    return List.copyOf(hosts);
  }

  static OutboundHost parse(String text) {
    Matcher m = ENTRY.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" is not scheme://host[:port] (for example https://example.com,"
              + " http://localhost:8080, https://*.example.com:443, *://*:*)");
    }
    String scheme = m.group(1).toLowerCase(java.util.Locale.ROOT);
    String host = m.group(2);
    if (host.contains("*")
        && !host.equals("*")
        && !(host.startsWith("*.") && host.lastIndexOf('*') == 0)) {
      throw new IllegalArgumentException(
          "\"" + text + "\": a host may be '*' or start with '*.', with no other '*'");
    }
    String port = m.group(3);
    if (port == null) {
      int p =
          OutboundHost.defaultPort(scheme)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "\""
                              + text
                              + "\": scheme "
                              + scheme
                              + " has no default port: add :PORT or :*"));
      return new OutboundHost(scheme, host, p, p);
    }
    if (port.equals("*")) {
      return new OutboundHost(scheme, host, 0, 65535);
    }
    int range = port.indexOf("..");
    try {
      if (range >= 0) {
        int from = Integer.parseInt(port.substring(0, range));
        int to = Integer.parseInt(port.substring(range + 2)) - 1;
        if (from > to || to > 65535) {
          throw new IllegalArgumentException(
              "\"" + text + "\": the port range " + port + " is empty or beyond 65535");
        }
        return new OutboundHost(scheme, host, from, to);
      }
      int p = Integer.parseInt(port);
      if (p > 65535) {
        throw new IllegalArgumentException("\"" + text + "\": port " + p + " is beyond 65535");
      }
      return new OutboundHost(scheme, host, p, p);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "\"" + text + "\": the port must be a number, '*' or a range such as 8000..8010");
    }
  }
}

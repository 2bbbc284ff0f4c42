package dev.cortado.server.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The environment and arguments of a WAGI program for one request: the CGI 1.1 meta-variables of
 * RFC 3875 section 4.1, the request headers as {@code HTTP_*} (not {@code Authorization} or {@code
 * Connection}, section 4.1.18), and WAGI's and Spin's {@code X_*} additions.
 */
public final class CgiEnvironment {
  private CgiEnvironment() {}

  /** Returns the meta-variables for {@code request}, matched as {@code match}. */
  public static Map<String, String> of(IncomingRequest request, Router.Match match, String base) {
    Map<String, String> env = new LinkedHashMap<>();
    // Headers first, so that no header can replace a meta-variable of the server.
    for (String[] h : request.headers()) {
      String name = "HTTP_" + h[0].toUpperCase(Locale.ROOT).replace('-', '_');
      if (name.equals("HTTP_AUTHORIZATION") || name.equals("HTTP_CONNECTION")) {
        continue;
      }
      env.merge(name, h[1], (a, b) -> a + ", " + b);
    }
    String pathInfo = decode(match.pathInfo());
    String route = match.trigger().route().pattern();
    String componentRoute = route.endsWith("/...") ? route.substring(0, route.length() - 4) : route;
    env.put("AUTH_TYPE", "");
    env.put("CONTENT_LENGTH", Integer.toString(request.body().length));
    env.put("CONTENT_TYPE", header(request, "content-type"));
    env.put("GATEWAY_INTERFACE", "CGI/1.1");
    env.put("PATH_INFO", pathInfo);
    env.put("PATH_TRANSLATED", pathInfo);
    env.put("QUERY_STRING", request.query());
    env.put("REMOTE_ADDR", request.remoteAddress());
    env.put("REMOTE_HOST", request.remoteAddress());
    env.put("REMOTE_USER", "");
    env.put("REQUEST_METHOD", request.method());
    env.put("SCRIPT_NAME", scriptName(match));
    env.put("SERVER_NAME", request.host());
    env.put("SERVER_PORT", Integer.toString(request.port()));
    env.put("SERVER_PROTOCOL", request.protocol());
    env.put("SERVER_SOFTWARE", "WAGI/1");
    env.put("X_FULL_URL", fullUrl(request));
    env.put("X_MATCHED_ROUTE", match.matchedRoute());
    env.put("X_RAW_PATH_INFO", match.pathInfo());
    env.put("X_BASE_PATH", base);
    env.put("X_RAW_COMPONENT_ROUTE", route);
    env.put("X_COMPONENT_ROUTE", componentRoute.isEmpty() ? "/" : componentRoute);
    env.put("X_CLIENT_ADDR", request.remoteAddress());
    match
        .parameters()
        .forEach((k, v) -> env.put("X_PATH_MATCH_" + k.toUpperCase(Locale.ROOT), decode(v)));
    return env;
  }

  /**
   * Returns the program's arguments: the executor's {@code argv} with {@code ${SCRIPT_NAME}} the
   * request path and {@code ${ARGS}} the query string with {@code &} as a space, split at spaces.
   */
  public static List<String> argv(String template, IncomingRequest request) {
    String argv =
        template
            .replace("${SCRIPT_NAME}", request.rawPath())
            .replace("${ARGS}", request.query().replace('&', ' '));
    // As Spin's WAGI executor: no query leaves an empty last argument, kept for compatibility.
    return List.of(argv.split(" ", -1));
  }

  /** SCRIPT_NAME: the part of the path the route took, with the base path. */
  private static String scriptName(Router.Match match) {
    String m = match.matchedRoute();
    return m.endsWith("/...") ? m.substring(0, m.length() - 4) : m;
  }

  static String fullUrl(IncomingRequest r) {
    boolean defaultPort =
        (r.scheme().equals("http") && r.port() == 80)
            || (r.scheme().equals("https") && r.port() == 443);
    return r.scheme()
        + "://"
        + r.host()
        + (defaultPort ? "" : ":" + r.port())
        + r.rawPath()
        + (r.query().isEmpty() ? "" : "?" + r.query());
  }

  private static String header(IncomingRequest r, String name) {
    for (String[] h : r.headers()) {
      if (h[0].equalsIgnoreCase(name)) {
        return h[1];
      }
    }
    return "";
  }

  /** Returns a raw path (or part of one) percent-decoded; {@code +} stays {@code +}. */
  static String decode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}

package dev.cortado.server.internal;

import dev.cortado.server.HttpTrigger;
import dev.cortado.server.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the trigger for a request path: among the routes that match, an exact route beats a
 * wildcard one; then, segment by segment from the left, a literal beats a {@code :name}; between
 * wildcards the longer prefix wins. Private routes match nothing.
 */
public final class Router {
  private final String base;
  private final List<HttpTrigger> triggers;

  /**
   * A chosen trigger.
   *
   * @param trigger the trigger
   * @param matchedRoute the route with the base path, as written ({@code /base/hello/...})
   * @param pathInfo the raw (still percent-encoded) path after the route's prefix ({@code ""} for
   *     an exact route)
   * @param parameters the values of the route's {@code :name} segments, by name
   */
  public record Match(
      HttpTrigger trigger, String matchedRoute, String pathInfo, Map<String, String> parameters) {}

  /** Returns a router for {@code triggers} under the application's {@code base} path. */
  public Router(String base, List<HttpTrigger> triggers) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.triggers = List.copyOf(triggers);
  }

  /** Returns the trigger for the raw request path {@code path}, if any route takes it. */
  public Optional<Match> match(String path) {
    if (!base.isEmpty()) {
      if (!path.equals(base) && !path.startsWith(base + "/")) {
        return Optional.empty();
      }
      path = path.substring(base.length());
    }
    List<String> segments = segments(path);
    HttpTrigger best = null;
    for (HttpTrigger t : triggers) {
      Route r = t.route();
      if (!r.isPrivate() && matches(r, segments) && (best == null || better(r, best.route()))) {
        best = t;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    Route r = best.route();
    List<String> rs = r.segments();
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < rs.size(); i++) {
      if (rs.get(i).startsWith(":")) {
        params.put(rs.get(i).substring(1), segments.get(i));
      }
    }
    String pathInfo = "";
    if (r.isWildcard()) {
      pathInfo = skipSegments(path, rs.size());
    }
    return Optional.of(new Match(best, base + r.pattern(), pathInfo, params));
  }

  /** Returns the routes a person reaches, with the base path, in manifest order. */
  public List<String> publicRoutes() {
    List<String> out = new ArrayList<>();
    for (HttpTrigger t : triggers) {
      if (!t.route().isPrivate()) {
        out.add(base + t.route().pattern());
      }
    }
    return out;
  }

  private static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Returns what follows the first {@code n} segments of {@code path}, from its slash. */
  private static String skipSegments(String path, int n) {
    int i = 0;
    for (int k = 0; k < n; k++) {
      while (i < path.length() && path.charAt(i) == '/') {
        i++;
      }
      while (i < path.length() && path.charAt(i) != '/') {
        i++;
      }
    }
    return path.substring(i);
  }

  private static boolean matches(Route r, List<String> path) {
    List<String> rs = r.segments();
    if (r.isWildcard() ? path.size() < rs.size() : path.size() != rs.size()) {
      return false;
    }
    for (int i = 0; i < rs.size(); i++) {
      String s = rs.get(i);
      if (!s.startsWith(":") && !s.equals(path.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether {@code a} is more specific than {@code b} (both matching the same path). */
  static boolean better(Route a, Route b) {
    if (a.isWildcard() != b.isWildcard()) {
      return !a.isWildcard();
    }
    List<String> as = a.segments();
    List<String> bs = b.segments();
    for (int i = 0; i < Math.min(as.size(), bs.size()); i++) {
      boolean aLiteral = !as.get(i).startsWith(":");
      boolean bLiteral = !bs.get(i).startsWith(":");
      if (aLiteral != bLiteral) {
        return aLiteral;
      }
    }
    return as.size() > bs.size();
  }
}

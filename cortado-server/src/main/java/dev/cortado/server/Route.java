package dev.cortado.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trigger's {@code route}: an exact path ({@code /hello}), with {@code :name} segments that match
 * any one segment ({@code /users/:id}), ending in {@code /...} to match everything below ({@code
 * /static/...}; {@code /...} alone matches every path); or private ({@code {private = true}}),
 * reachable by no HTTP request.
 *
 * <p>When several routes match, an exact route beats a wildcard one; between them, the one whose
 * segments are more specific from the left (a literal beats a {@code :name}) and the longer one
 * wins.
 *
 * @param pattern the pattern as written ({@code ""} for a private route)
 * @param isPrivate whether the route is private
 */
public record Route(String pattern, boolean isPrivate) {
  /** Checks the pattern is present. */
  public Route {
    Objects.requireNonNull(pattern, "pattern");
  }

  /** Returns the private route. */
  public static Route privateRoute() {
    return new Route("", true);
  }

  /**
   * Returns the route {@code pattern}.
   *
   * @throws IllegalArgumentException if it does not start with {@code /}, has {@code ...} anywhere
   *     but as the last segment, an empty segment, or a {@code :} segment without a name
   */
  public static Route parse(String pattern) {
    segmentsOf(pattern);
    return new Route(pattern, false);
  }

  /** Returns whether the route ends in {@code /...}. */
  public boolean isWildcard() {
    return !isPrivate && (pattern.equals("/...") || pattern.endsWith("/..."));
  }

  /**
   * Returns the route's segments without the wildcard: {@code /users/:id/...} has {@code users} and
   * {@code :id}.
   */
  public List<String> segments() {
    return isPrivate ? List.of() : segmentsOf(pattern);
  }

  /** Returns the route without its trailing {@code /...} ({@code /} for {@code /...}). */
  public String prefix() {
    if (!isWildcard()) {
      return pattern;
    }
    String p = pattern.substring(0, pattern.length() - 4);
    return p.isEmpty() ? "/" : p;
  }

  private static List<String> segmentsOf(String pattern) {
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException("a route starts with '/': \"" + pattern + "\"");
    }
    String body = pattern;
    if (body.equals("/...") || body.endsWith("/...")) {
      body = body.substring(0, body.length() - 4);
    }
    if (body.endsWith("/")) {
      body = body.substring(0, body.length() - 1);
    }
    List<String> segments = new ArrayList<>();
    if (body.isEmpty()) {
      return segments;
    }
    for (String s : body.substring(1).split("/", -1)) {
      if (s.isEmpty()) {
        throw new IllegalArgumentException("a route has no empty segments: \"" + pattern + "\"");
      }
      if (s.contains("...")) {
        throw new IllegalArgumentException(
            "'...' may only end a route, as its last segment: \"" + pattern + "\"");
      }
      if (s.equals(":")) {
        throw new IllegalArgumentException(
            "a ':' segment needs a name, as in /users/:id: \"" + pattern + "\"");
      }
      segments.add(s);
    }
    return segments;
  }
}

package dev.cortado.oci.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge: a scheme ({@code bearer} or {@code basic}, lowercase) and
 * its parameters ({@code realm}, {@code service}, {@code scope}, {@code error}).
 *
 * @param scheme the lowercase scheme
 * @param params the parameters, names lowercase
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">token
 *     authentication</a>
 */
public record Challenge(String scheme, Map<String, String> params) {
  /** Returns the parameter {@code name}, if present. */
  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }

  /** Returns whether this is a Bearer (token) challenge. */
  public boolean isBearer() {
    return scheme.equals("bearer");
  }

  /** Returns the first Bearer or Basic challenge among {@code headers}, if any. */
  public static Optional<Challenge> first(List<String> headers) {
    for (String h : headers) {
      Optional<Challenge> c = parse(h);
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  /** Parses one header value; empty when its scheme is neither Bearer nor Basic. */
  public static Optional<Challenge> parse(String header) {
    String h = header.strip();
    int space = h.indexOf(' ');
    String scheme = (space < 0 ? h : h.substring(0, space)).toLowerCase(Locale.ROOT);
    if (!scheme.equals("bearer") && !scheme.equals("basic")) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    int i = space < 0 ? h.length() : space + 1;
    while (i < h.length()) {
      while (i < h.length() && (h.charAt(i) == ',' || h.charAt(i) == ' ')) {
        i++;
      }
      int eq = h.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = h.substring(i, eq).strip().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      i = eq + 1;
      if (i < h.length() && h.charAt(i) == '"') {
        for (i++; i < h.length() && h.charAt(i) != '"'; i++) {
          if (h.charAt(i) == '\\' && i + 1 < h.length()) {
            i++;
          }
          value.append(h.charAt(i));
        }
        i++;
      } else {
        for (; i < h.length() && h.charAt(i) != ','; i++) {
          value.append(h.charAt(i));
        }
      }
      params.put(name, value.toString().strip());
    }
    return Optional.of(new Challenge(scheme, Map.copyOf(params)));
  }
}

package dev.cortado.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A trigger's {@code static_response}: an answer served without running any component.
 *
 * @param status the status code (200 by default)
 * @param headers the response headers, in file order
 * @param body the body, if any
 */
public record StaticResponse(int status, Map<String, String> headers, Optional<String> body) {
  /** Checks every part is present and copies the headers. */
  public StaticResponse {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(body, "body");
  }
}

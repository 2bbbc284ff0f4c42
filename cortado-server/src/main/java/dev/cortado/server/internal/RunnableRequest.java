package dev.cortado.server.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The request as a runnable sees it through {@code request_get_field}: its meta fields (method,
 * URL, id, raw body), headers (names lower-cased), the route's parameters, the query's parameters,
 * and the state the step is given.
 *
 * @param method the method
 * @param url the full URL
 * @param id the request's id (a random UUID)
 * @param body the body
 * @param headers the headers, by lower-case name (the first value of each)
 * @param params the route's {@code :name} values, by name
 * @param query the query's parameters (the first value of each), by name
 * @param state the step's state, by key
 */
record RunnableRequest(
    String method,
    String url,
    String id,
    byte[] body,
    Map<String, String> headers,
    Map<String, String> params,
    Map<String, String> query,
    Map<String, byte[]> state) {
  /** Copies the maps. */
  RunnableRequest {
    headers = copy(headers);
    params = copy(params);
    query = copy(query);
    state = copy(state);
  }

  private static <V> Map<String, V> copy(Map<String, V> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /** Returns the same request with the state {@code state}. */
  RunnableRequest withState(Map<String, byte[]> state) {
    return new RunnableRequest(method, url, id, body, headers, params, query, state);
  }

  /** Returns the header {@code name}, found whatever its case. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}

package dev.cortado.oci.internal;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request to a registry, described so that it can be sent again: after a 401 with fresh
 * credentials, after a redirect, or after a transient failure.
 */
public final class Call {
  final String registry;
  final String method;
  final URI uri;
  final String what;
  final Map<String, String> headers = new LinkedHashMap<>();
  BodyPublisher body;
  List<String> scopes = List.of();
  boolean idempotent;
  boolean followRedirects;
  Set<Integer> allowed = Set.of();
  Duration timeout = Duration.ofMinutes(2);

  private Call(String registry, String method, URI uri, String what) {
    this.registry = registry;
    this.method = method;
    this.uri = uri;
    this.what = what;
    this.idempotent = method.equals("GET") || method.equals("HEAD");
  }

  /**
   * Starts a call.
   *
   * @param registry the registry as written in references (for credentials and messages)
   * @param method the HTTP method
   * @param uri the absolute URI
   * @param what what the call does, for error messages ("pull manifest acme/app:1")
   */
  public static Call of(String registry, String method, URI uri, String what) {
    return new Call(registry, method, uri, what);
  }

  /** Adds a request header. */
  public Call header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /**
   * Sets the body (a publisher that can be subscribed to again). The time allowed until the answer
   * grows with its length (the JDK's timeout covers sending the body), as for a link of 64 KiB/s.
   */
  public Call body(BodyPublisher publisher) {
    this.body = publisher;
    this.timeout =
        Duration.ofMinutes(2).plusSeconds(Math.max(0, publisher.contentLength()) / 65536);
    return this;
  }

  /** Sets the token scopes the call needs, e.g. {@code repository:acme/app:pull}. */
  public Call scopes(List<String> s) {
    this.scopes = List.copyOf(s);
    return this;
  }

  /** Marks the call as safe to repeat after a 5xx or a broken connection. */
  public Call idempotent() {
    this.idempotent = true;
    return this;
  }

  /** Follows redirects, sending credentials only to the original host. */
  public Call followRedirects() {
    this.followRedirects = true;
    return this;
  }

  /** Returns error statuses the caller handles itself instead of an exception. */
  public Call allow(Integer... statuses) {
    this.allowed = Set.of(statuses);
    return this;
  }
}

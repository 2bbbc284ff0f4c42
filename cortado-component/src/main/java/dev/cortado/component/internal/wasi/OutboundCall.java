package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.Cv.of;

import dev.cortado.component.ComponentLinker;
import dev.cortado.component.ComponentValue;
import dev.cortado.component.PrimitiveType;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code wasi:http/outgoing-handler.handle}: an outgoing request sent with the JDK's HTTP client,
 * if {@code allowed} grants its URL (else {@code HTTP-request-denied}). The request goes when the
 * component first asks for the response, so that a body written after {@code handle} is sent whole;
 * the response body is read as the component reads it.
 */
final class OutboundCall {
  private OutboundCall() {}

  /** Headers the client sets itself, which a guest's value would contradict. */
  private static final Set<String> CLIENT_HEADERS =
      Set.of("host", "connection", "content-length", "expect", "upgrade", "keep-alive");

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** {@code error-code} cases. */
  private static final int DNS_ERROR = 1;

  private static final int CONNECTION_REFUSED = 6;
  private static final int CONNECTION_TIMEOUT = 8;
  private static final int HTTP_REQUEST_URI_INVALID = 19;
  private static final int HTTP_RESPONSE_TIMEOUT = 33;

  /** A {@code future-incoming-response}: the call, made on first demand, and its outcome. */
  static final class Future {
    final HttpMessages.OutgoingRequest request;
    final Optional<HttpMessages.RequestOptions> options;
    final URI uri;
    ComponentValue outcome; // ok(own<incoming-response>) or err(error-code), once sent
    boolean taken;

    Future(
        HttpMessages.OutgoingRequest request,
        Optional<HttpMessages.RequestOptions> options,
        URI uri) {
      this.request = request;
      this.options = options;
      this.uri = uri;
    }

    ComponentValue outcome() {
      if (outcome == null) {
        outcome = send(this);
      }
      return outcome;
    }
  }

  private static ComponentValue error(int code) {
    return Cv.err(Cv.variant(code));
  }

  private static Optional<URI> uri(HttpMessages.OutgoingRequest r) {
    if (r.authority.isEmpty()) {
      return Optional.empty();
    }
    String scheme = r.scheme.orElse("https");
    String path = r.pathWithQuery.orElse("/");
    try {
      URI u =
          new URI(scheme + "://" + r.authority.get() + (path.startsWith("/") ? path : "/" + path));
      return u.getHost() == null ? Optional.empty() : Optional.of(u);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns the request's timeout for a {@code first-byte-timeout} of {@code nanos}, a u64: none
   * for one of 2^63 or more (292 years), which a long cannot hold.
   */
  static Optional<Duration> timeout(long nanos) {
    return nanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(Math.max(1, nanos)));
  }

  private static ComponentValue send(Future f) {
    HttpMessages.OutgoingRequest r = f.request;
    byte[] body = r.body == null ? new byte[0] : r.body.bytes.toByteArray();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(f.uri)
            .method(r.method, HttpRequest.BodyPublishers.ofByteArray(body));
    f.options.flatMap(o -> o.firstByte).flatMap(OutboundCall::timeout).ifPresent(b::timeout);
    for (Map.Entry<String, byte[]> h : r.headers.entries()) {
      if (!CLIENT_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        b.header(
            h.getKey(), new String(h.getValue(), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    HttpResponse<InputStream> resp;
    try {
      resp = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      return error(CONNECTION_TIMEOUT);
    } catch (HttpTimeoutException e) {
      return error(HTTP_RESPONSE_TIMEOUT);
    } catch (ConnectException e) {
      return e.getCause() instanceof UnresolvedAddressException
          ? Cv.err(Cv.variant(DNS_ERROR, Cv.record(Cv.none(), Cv.none())))
          : error(CONNECTION_REFUSED);
    } catch (IOException | IllegalArgumentException e) {
      return Cv.err(
          Cv.variant(
              HttpInterfaces.INTERNAL_ERROR,
              Cv.some(Cv.str(e.getMessage() == null ? e.toString() : e.getMessage()))));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Cv.err(Cv.variant(HttpInterfaces.INTERNAL_ERROR, Cv.some(Cv.str("interrupted"))));
    }
    HttpFields headers = new HttpFields(true);
    resp.headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(":")) {
                for (String v : values) {
                  headers.addTrusted(
                      name, v.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                }
              }
            });
    return Cv.ok(
        Cv.resource(
            HttpInterfaces.INCOMING_RESPONSE,
            new HttpMessages.IncomingResponse(resp.statusCode(), headers, resp.body())));
  }

  static void define(ComponentLinker l, String t, Predicate<URI> allowed) {
    l.defineFunction(
        "wasi:http/outgoing-handler" + HttpInterfaces.VERSION,
        "handle",
        args -> {
          HttpMessages.OutgoingRequest r = Cv.rep(args.get(0), HttpMessages.OutgoingRequest.class);
          Optional<HttpMessages.RequestOptions> options =
              ((ComponentValue.OptionV) args.get(1))
                  .value()
                  .map(v -> Cv.rep(v, HttpMessages.RequestOptions.class));
          Optional<URI> uri = uri(r);
          if (uri.isEmpty()) {
            return of(error(HTTP_REQUEST_URI_INVALID));
          }
          if (!allowed.test(uri.get())) {
            return of(error(HttpInterfaces.HTTP_REQUEST_DENIED));
          }
          return of(
              Cv.ok(
                  Cv.resource(
                      HttpInterfaces.FUTURE_INCOMING_RESPONSE, new Future(r, options, uri.get()))));
        });
    l.defineFunction(
        t,
        "[method]future-incoming-response.subscribe",
        args -> {
          Cv.rep(args.get(0), Future.class);
          return of(Cv.resource(Host.POLLABLE, Pollable.always()));
        });
    l.defineFunction(
        t,
        "[method]future-incoming-response.get",
        args -> {
          Future f = Cv.rep(args.get(0), Future.class);
          if (f.taken) {
            return of(Cv.some(Cv.err()));
          }
          f.taken = true;
          return of(Cv.some(Cv.ok(f.outcome())));
        });
    String m = "[method]incoming-response.";
    l.defineFunction(
        t,
        m + "status",
        args ->
            of(
                new ComponentValue.Int(
                    PrimitiveType.U16,
                    Cv.rep(args.get(0), HttpMessages.IncomingResponse.class).status)));
    l.defineFunction(
        t,
        m + "headers",
        args ->
            of(
                Cv.resource(
                    HttpInterfaces.FIELDS,
                    Cv.rep(args.get(0), HttpMessages.IncomingResponse.class).headers)));
    l.defineFunction(
        t,
        m + "consume",
        args -> {
          HttpMessages.IncomingResponse r =
              Cv.rep(args.get(0), HttpMessages.IncomingResponse.class);
          if (r.consumed) {
            return of(Cv.err());
          }
          r.consumed = true;
          return of(
              Cv.ok(
                  Cv.resource(
                      HttpInterfaces.INCOMING_BODY, new HttpMessages.IncomingBody(r.body))));
        });
  }
}

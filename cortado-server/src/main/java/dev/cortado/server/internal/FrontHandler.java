package dev.cortado.server.internal;

import dev.cortado.server.HttpTrigger;
import dev.cortado.server.ServerConfig;
import dev.cortado.server.ServerLog;
import dev.cortado.server.StaticResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP side: routes each request, answers Spin's {@code /.well-known/spin/} endpoints and
 * static responses at once, reads a WAGI request's body without blocking and runs the program on
 * the WebAssembly workers, then writes the response and one access log line; a {@code wasi:http}
 * component ({@link StreamingResponder}) runs at once on a worker, reading the body as it arrives
 * and writing its response as it makes it. Requests on the admin connector get the metrics.
 */
final class FrontHandler extends Handler.Abstract.NonBlocking {
  /**
   * Headers a program's answer may not set: the server frames the message and owns the connection.
   * A program's Transfer-Encoding would announce chunks the server does not write, and the client
   * would read the body as chunk sizes; its Content-Length is replaced by the body's.
   */
  private static final Set<String> CONNECTION_HEADERS =
      Set.of(
          "connection",
          "content-length",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");

  private static final String WELL_KNOWN = "/.well-known/spin/";

  private final ServedApplication app;
  private final ServerConfig config;
  private final ServerLog log;
  private final ExecutorService workers;
  private volatile Connector admin;

  FrontHandler(ServedApplication app, ServerConfig config, ExecutorService workers) {
    this.app = app;
    this.config = config;
    this.log = config.log();
    this.workers = workers;
  }

  /** Makes requests on {@code connector} get the metrics. */
  void setAdmin(Connector connector) {
    this.admin = connector;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    String path = request.getHttpURI().getPath();
    if (admin != null && request.getConnectionMetaData().getConnector() == admin) {
      boolean metrics = path.equals("/metrics");
      send(
          response,
          callback,
          metrics ? 200 : 404,
          metrics ? "text/plain; version=0.0.4" : "text/plain",
          metrics ? app.metrics().prometheus() : "not found: the admin port serves /metrics\n");
      return true;
    }
    app.metrics().started();
    Exchange x = new Exchange(request.getMethod(), path, start, response, callback);
    if (path.startsWith(WELL_KNOWN)) {
      wellKnown(path.substring(WELL_KNOWN.length()), x);
      return true;
    }
    Optional<Router.Match> match = app.router().match(path);
    if (match.isEmpty()) {
      plain(x, "-", 404, "not found\n");
      return true;
    }
    HttpTrigger trigger = match.get().trigger();
    if (trigger.staticResponse().isPresent()) {
      StaticResponse s = trigger.staticResponse().get();
      List<String[]> headers = new ArrayList<>();
      s.headers().forEach((k, v) -> headers.add(new String[] {k, v}));
      finish(x, "static", s.status(), null, bytes(s.body().orElse("")), headers);
      return true;
    }
    Responder component = app.executor(trigger);
    if (component instanceof StreamingResponder streaming) {
      try {
        workers.execute(() -> stream(request, x, streaming, match.get()));
      } catch (RejectedExecutionException e) {
        plain(x, component.id(), 503, "server busy: try again\n");
      }
      return true;
    }
    if (request.getLength() > config.maxRequestBody()) {
      plain(x, component.id(), 413, "request body too large\n");
      return true;
    }
    Content.Source.asByteArrayAsync(request, (int) config.maxRequestBody())
        .whenComplete(
            (body, failure) -> {
              if (failure != null) {
                plain(x, component.id(), 413, "request body too large or unreadable\n");
                return;
              }
              try {
                workers.execute(() -> run(request, x, component, match.get(), body));
              } catch (RejectedExecutionException e) {
                plain(x, component.id(), 503, "server busy: try again\n");
              }
            });
    return true;
  }

  private void run(
      Request request, Exchange x, Responder component, Router.Match match, byte[] body) {
    Outcome outcome;
    try {
      outcome =
          component.run(
              incoming(request, body), match, app.manifest().application().basePath(), log);
    } catch (RuntimeException | StackOverflowError e) {
      outcome = new Outcome.Failed("internal", e.toString());
    }
    answer(x, component, outcome);
  }

  /** Writes a whole answer, or a 500 for a failure. */
  private void answer(Exchange x, Responder component, Outcome outcome) {
    switch (outcome) {
      case Outcome.Answered a ->
          finish(
              x,
              component.id(),
              a.response().status(),
              null,
              a.response().body(),
              a.response().headers());
      case Outcome.Streamed s -> throw new IllegalStateException("a whole answer was expected");
      case Outcome.Failed f -> {
        logFailure(x, component, f);
        plain(
            x,
            component.id(),
            500,
            "500 Internal Server Error: the component failed; see the server log\n");
      }
    }
  }

  private void logFailure(Exchange x, Responder component, Outcome.Failed f) {
    app.metrics().failed(component.id(), f.kind());
    log.error(
        "component \""
            + component.id()
            + "\" failed ("
            + f.kind()
            + ") on "
            + x.method
            + " "
            + x.path
            + ": "
            + f.detail());
  }

  /**
   * Runs a streaming component: the request body read as it arrives, the response sent as it is
   * made. A failure before the response started is a 500; after, the response is cut off.
   */
  private void stream(Request request, Exchange x, StreamingResponder component, Router.Match m) {
    StreamedResponse channel =
        new StreamedResponse(
            x.response,
            x.callback,
            acceptsTrailers(request),
            (status, bytes, whole) -> accessLog(x, component.id(), status, bytes));
    Outcome outcome;
    try {
      outcome =
          component.stream(
              incoming(request, new byte[0]),
              Content.Source.asInputStream(request),
              () -> pairs(request.getTrailers()),
              m,
              app.manifest().application().basePath(),
              log,
              channel);
    } catch (RuntimeException | StackOverflowError e) {
      outcome = new Outcome.Failed("internal", e.toString());
    }
    switch (outcome) {
      case Outcome.Streamed s -> channel.ended();
      case Outcome.Failed f when channel.started() -> {
        logFailure(x, component, f);
        channel.ended(); // whole if it had finished its response before failing, else cut off
      }
      default -> answer(x, component, outcome);
    }
  }

  /** Trailers go only to clients that take them: HTTP/2, or {@code TE: trailers}. */
  private static boolean acceptsTrailers(Request request) {
    String te = request.getHeaders().get(HttpHeader.TE);
    return request.getConnectionMetaData().getHttpVersion()
            == org.eclipse.jetty.http.HttpVersion.HTTP_2
        || (te != null && te.toLowerCase(java.util.Locale.ROOT).contains("trailers"));
  }

  private static List<String[]> pairs(org.eclipse.jetty.http.HttpFields fields) {
    List<String[]> out = new ArrayList<>();
    if (fields != null) {
      for (HttpField f : fields) {
        out.add(new String[] {f.getName(), f.getValue()});
      }
    }
    return out;
  }

  private IncomingRequest incoming(Request request, byte[] body) {
    List<String[]> headers = new ArrayList<>();
    for (HttpField f : request.getHeaders()) {
      headers.add(new String[] {f.getName(), f.getValue()});
    }
    String query = request.getHttpURI().getQuery();
    return new IncomingRequest(
        request.getMethod(),
        request.getConnectionMetaData().isSecure() ? "https" : "http",
        request.getConnectionMetaData().getProtocol(),
        Request.getServerName(request),
        Request.getServerPort(request),
        request.getHttpURI().getPath(),
        query == null ? "" : query,
        headers,
        Request.getRemoteAddr(request),
        body);
  }

  private void wellKnown(String what, Exchange x) {
    switch (what) {
      case "health" -> plain(x, "-", 200, "OK");
      case "info" -> {
        var a = app.manifest().application();
        String json =
            "{\"name\":"
                + Json.string(a.name())
                + ",\"version\":"
                + Json.string(a.version().orElse(""))
                + ",\"server\":\"cortado 0.1.0-SNAPSHOT\",\"routes\":"
                + Json.strings(app.router().publicRoutes())
                + "}";
        finish(x, "-", 200, "application/json", bytes(json), List.of());
      }
      default -> plain(x, "-", 404, "not found\n");
    }
  }

  /** One request being answered: what the access log line needs, and where the answer goes. */
  private record Exchange(
      String method, String path, long start, Response response, Callback callback) {}

  private void plain(Exchange x, String component, int status, String text) {
    finish(x, component, status, "text/plain", bytes(text), List.of());
  }

  private void finish(
      Exchange x,
      String component,
      int status,
      String contentType,
      byte[] body,
      List<String[]> headers) {
    Response response = x.response;
    response.setStatus(status);
    for (String[] h : headers) {
      if (!CONNECTION_HEADERS.contains(h[0].toLowerCase(Locale.ROOT))) {
        response.getHeaders().add(h[0], h[1]);
      }
    }
    if (contentType != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    accessLog(x, component, status, body.length);
    response.write(true, ByteBuffer.wrap(body), x.callback);
  }

  /** Counts the request in the metrics and writes its access log line. */
  private void accessLog(Exchange x, String component, int status, long bytes) {
    long nanos = System.nanoTime() - x.start;
    app.metrics().finished(component, status, nanos);
    log.info(
        x.method
            + " "
            + x.path
            + " "
            + status
            + " "
            + bytes
            + " "
            + millis(nanos)
            + " "
            + component);
  }

  /** Returns {@code nanos} as milliseconds with three decimals ("1.234ms"), without a formatter. */
  static String millis(long nanos) {
    long micros = Math.max(0, (nanos + 500) / 1000);
    long fraction = micros % 1000;
    return micros / 1000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction + "ms";
  }

  private static void send(
      Response response, Callback callback, int status, String type, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    byte[] b = bytes(body);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, b.length);
    response.write(true, ByteBuffer.wrap(b), callback);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

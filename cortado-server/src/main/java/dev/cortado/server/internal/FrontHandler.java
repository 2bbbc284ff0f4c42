package dev.cortado.server.internal;

import dev.cortado.server.HttpTrigger;
import dev.cortado.server.ServerConfig;
import dev.cortado.server.ServerLog;
import dev.cortado.server.StaticResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * the WebAssembly workers, then writes the response and one access log line. Requests on the admin
 * connector get the metrics.
 */
final class FrontHandler extends Handler.Abstract.NonBlocking {
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
    switch (outcome) {
      case Outcome.Answered a ->
          finish(
              x,
              component.id(),
              a.response().status(),
              null,
              a.response().body(),
              a.response().headers());
      case Outcome.Failed f -> {
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
        plain(
            x,
            component.id(),
            500,
            "500 Internal Server Error: the component failed; see the server log\n");
      }
    }
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
      response.getHeaders().add(h[0], h[1]);
    }
    if (contentType != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    long nanos = System.nanoTime() - x.start;
    app.metrics().finished(component, status, nanos);
    log.info(
        x.method
            + " "
            + x.path
            + " "
            + status
            + " "
            + body.length
            + " "
            + String.format(java.util.Locale.ROOT, "%.3fms", nanos / 1e6)
            + " "
            + component);
    response.write(true, ByteBuffer.wrap(body), x.callback);
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

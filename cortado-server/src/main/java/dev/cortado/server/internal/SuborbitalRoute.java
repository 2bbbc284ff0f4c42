package dev.cortado.server.internal;

import dev.cortado.oci.SuborbitalDirective;
import dev.cortado.server.ServerLog;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Directive's request handlers for one resource, chosen by method (another method gets 405 with
 * {@code Allow}); each request runs its handler's steps ({@link HandlerRun}) with the request body
 * as every runnable's input.
 */
final class SuborbitalRoute implements Responder {
  private final SuborbitalApplication app;
  private final String resource;
  private final Map<String, SuborbitalDirective.Handler> byMethod;
  private final Optional<String> restParameter;

  /**
   * Answers {@code resource} with {@code byMethod}; {@code restParameter} names the parameter
   * holding the rest of the path, for a resource ending in {@code *name}.
   */
  SuborbitalRoute(
      SuborbitalApplication app,
      String resource,
      Map<String, SuborbitalDirective.Handler> byMethod,
      Optional<String> restParameter) {
    this.app = app;
    this.resource = resource;
    this.byMethod = Collections.unmodifiableMap(new LinkedHashMap<>(byMethod));
    this.restParameter = restParameter;
  }

  @Override
  public String id() {
    return resource;
  }

  @Override
  public String description() {
    return String.join(", ", byMethod.keySet())
        + " (suborbital"
        + restParameter.map(p -> ", the rest of the path as " + p).orElse("")
        + ")";
  }

  @Override
  public Outcome run(IncomingRequest request, Router.Match match, String basePath, ServerLog log) {
    SuborbitalDirective.Handler handler = byMethod.get(request.method().toUpperCase(Locale.ROOT));
    if (handler == null) {
      return new Outcome.Answered(
          new CgiResponse(
              405,
              List.of(
                  new String[] {"Allow", String.join(", ", byMethod.keySet())},
                  new String[] {"Content-Type", "text/plain"}),
              ("405 Method Not Allowed: " + resource + " answers " + byMethod.keySet() + "\n")
                  .getBytes(StandardCharsets.UTF_8)));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String[] h : request.headers()) {
      headers.putIfAbsent(h[0].toLowerCase(Locale.ROOT), h[1]);
    }
    String query = request.query().isEmpty() ? "" : "?" + request.query();
    Map<String, String> params = new LinkedHashMap<>();
    match.parameters().forEach((k, v) -> params.put(k, CgiEnvironment.decode(v)));
    restParameter.ifPresent(name -> params.put(name, CgiEnvironment.decode(match.pathInfo())));
    RunnableRequest r =
        new RunnableRequest(
            request.method(),
            request.scheme()
                + "://"
                + request.host()
                + ":"
                + request.port()
                + request.rawPath()
                + query,
            UUID.randomUUID().toString(),
            request.body(),
            headers,
            params,
            queryParameters(request.query()),
            Map.of());
    StepContext context =
        new StepContext(
            app.engine(),
            app.config(),
            app.cache(),
            app.staticFiles(),
            Collections.synchronizedMap(new LinkedHashMap<>()),
            log,
            app.metrics());
    return new HandlerRun(app, handler, r, context).run();
  }

  private static Map<String, String> queryParameters(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.putIfAbsent(
            URLDecoder.decode(k, StandardCharsets.UTF_8),
            URLDecoder.decode(v, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        out.putIfAbsent(k, v);
      }
    }
    return out;
  }

  @Override
  public void close() {
    app.close();
  }
}

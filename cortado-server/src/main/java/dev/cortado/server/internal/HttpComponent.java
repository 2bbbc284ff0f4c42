package dev.cortado.server.internal;

import dev.cortado.component.CompiledComponent;
import dev.cortado.component.ComponentInstance;
import dev.cortado.component.ComponentLinkException;
import dev.cortado.component.ComponentLinker;
import dev.cortado.component.WasiHttp;
import dev.cortado.component.WasiKeyValue;
import dev.cortado.component.WasiPreview2;
import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.InstantiationException;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.UncaughtException;
import dev.cortado.server.Component;
import dev.cortado.server.ServeException;
import dev.cortado.server.ServerConfig;
import dev.cortado.server.ServerLog;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasi.WasiExitException;
import dev.cortado.wasi.WasiOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@code wasi:http} component served by Spin's executor: compiled and its files staged once; per
 * request a fresh store and instance, the request handed to its {@code incoming-handler} with
 * Spin's added headers, both bodies streamed (the request's read as it arrives, the response sent
 * as the component writes it, trailers both ways) and key-value stores opened by label. Its {@code
 * allowed_outbound_hosts} govern outbound HTTP and, through {@link SocketGrants}, {@code
 * wasi:sockets}.
 */
final class HttpComponent implements StreamingResponder {
  private final Component component;
  private final CompiledComponent compiled;
  private final ServerConfig config;
  private final FileStaging files;
  private final WasiConfig base;
  private final Metrics metrics;
  private final List<dev.cortado.server.OutboundHost> outboundHosts;
  // Everything the server gives the component, defined once: each function finds the request's
  // WASI world through the store it is called from.
  private final ComponentLinker linker;

  HttpComponent(
      Component component,
      CompiledComponent compiled,
      ServerConfig config,
      Map<String, String> variables,
      Path folder,
      Metrics metrics,
      Function<String, Optional<WasiKeyValue.Store>> stores) {
    this.component = component;
    this.compiled = compiled;
    this.config = config;
    this.metrics = metrics;
    this.outboundHosts = OutboundHosts.of(component, variables);
    this.linker =
        WasiKeyValue.addTo(
            WasiHttp.addTo(WasiPreview2.define(ComponentLinker.create()), this::allowed), stores);
    this.files = FileStaging.of(component, folder);
    this.base =
        GuestSetup.preopened(files, config)
            .withEnv(GuestSetup.environment(component, config, variables))
            .withSocketPolicy(
                SocketGrants.of(
                    outboundHosts, note -> config.log().info("[" + component.id() + "] " + note)));
    try {
      checkLinks();
    } catch (RuntimeException e) {
      files.close();
      throw e;
    }
  }

  /**
   * Instantiates the component once, so that an import the server does not give (or a start that
   * traps) stops serving before it starts, rather than failing every request.
   *
   * @throws ServeException if it cannot be instantiated
   */
  private void checkLinks() {
    Store store = GuestSetup.store(compiled.engine(), config);
    try (WasiPreview2 wasi = WasiPreview2.create(base)) {
      wasi.enter(store);
      linker.instantiate(store, compiled);
    } catch (ComponentLinkException | dev.cortado.runtime.UnlinkableException e) {
      throw new ServeException(
          "component \"" + component.id() + "\" cannot be served: " + e.getMessage());
    } catch (Trap | UncaughtException | InstantiationException | WasiExitException e) {
      throw new ServeException(
          "component \"" + component.id() + "\" fails to instantiate: " + e.getMessage());
    } finally {
      GuestSetup.finish(store);
    }
  }

  @Override
  public String id() {
    return component.id();
  }

  @Override
  public String description() {
    return component.id() + " (wasi:http)";
  }

  @Override
  public Outcome stream(
      IncomingRequest request,
      java.io.InputStream body,
      Supplier<List<String[]>> trailers,
      Router.Match match,
      String basePath,
      ServerLog log,
      Channel channel) {
    long start = System.nanoTime();
    Store store = GuestSetup.store(compiled.engine(), config);
    Outputs.Lines stdout =
        new Outputs.Lines("standard output", line -> log.info("[" + component.id() + "] " + line));
    Outputs.Lines stderr =
        new Outputs.Lines("standard error", line -> log.error("[" + component.id() + "] " + line));
    WasiConfig c = base.withStdout(WasiOutput.to(stdout)).withStderr(WasiOutput.to(stderr));
    try (WasiPreview2 wasi = WasiPreview2.create(c)) {
      wasi.enter(store);
      ComponentInstance instance = linker.instantiate(store, compiled);
      metrics.instantiated(System.nanoTime() - start);
      WasiHttp.handle(instance, toWasi(request, body, trailers, match, basePath), sink(channel));
      return new Outcome.Streamed();
    } catch (Trap
        | UncaughtException
        | WasiExitException
        | ExecutionInterruptedException
        | InstantiationException
        | OutOfMemoryError e) {
      return Outcome.failed(e);
    } catch (IllegalStateException e) {
      return new Outcome.Failed("output", e.getMessage());
    } catch (java.io.UncheckedIOException e) {
      return new Outcome.Failed(
          "client", "writing the response failed: " + e.getCause().getMessage());
    } finally {
      GuestSetup.finish(store);
      stdout.close();
      stderr.close();
    }
  }

  /** The component's response, passed on to {@code channel}. */
  private static WasiHttp.ResponseSink sink(Channel channel) {
    return new WasiHttp.ResponseSink() {
      @Override
      public java.io.OutputStream start(int status, List<WasiHttp.Header> headers) {
        // wasi:http's set-status-code takes 100 to 999.
        if (!CgiResponse.isFinal(status)) {
          throw new IllegalStateException(
              "the component answered with status " + status + ", not a final HTTP status");
        }
        return channel.start(status, pairs(headers));
      }

      @Override
      public void finish(List<WasiHttp.Header> trailers) throws java.io.IOException {
        channel.finish(pairs(trailers));
      }
    };
  }

  private static List<String[]> pairs(List<WasiHttp.Header> headers) {
    List<String[]> out = new ArrayList<>();
    for (WasiHttp.Header h : headers) {
      out.add(new String[] {h.name(), new String(h.value(), StandardCharsets.ISO_8859_1)});
    }
    return out;
  }

  /** The request as the component sees it: Spin's headers added to the client's. */
  private static WasiHttp.Request toWasi(
      IncomingRequest request,
      java.io.InputStream body,
      Supplier<List<String[]>> trailers,
      Router.Match match,
      String basePath) {
    String pathWithQuery =
        request.rawPath() + (request.query().isEmpty() ? "" : "?" + request.query());
    String authority = request.host() + ":" + request.port();
    List<WasiHttp.Header> headers = new ArrayList<>();
    for (String[] h : request.headers()) {
      headers.add(header(h[0], h[1]));
    }
    String route = match.trigger().route().pattern();
    String componentRoute = route.endsWith("/...") ? route.substring(0, route.length() - 4) : route;
    headers.add(header("spin-full-url", CgiEnvironment.fullUrl(request)));
    headers.add(header("spin-path-info", CgiEnvironment.decode(match.pathInfo())));
    headers.add(header("spin-matched-route", match.matchedRoute()));
    headers.add(header("spin-component-route", componentRoute));
    headers.add(header("spin-raw-component-route", route));
    headers.add(header("spin-base-path", basePath));
    headers.add(header("spin-client-addr", request.remoteAddress()));
    match
        .parameters()
        .forEach(
            (k, v) ->
                headers.add(
                    header(
                        "spin-path-match-" + k.toLowerCase(java.util.Locale.ROOT),
                        CgiEnvironment.decode(v))));
    return new WasiHttp.Request(
        request.method(),
        pathWithQuery,
        request.scheme(),
        authority,
        headers,
        body,
        () -> {
          List<WasiHttp.Header> out = new ArrayList<>();
          for (String[] t : trailers.get()) {
            out.add(header(t[0], t[1]));
          }
          return out;
        });
  }

  private static WasiHttp.Header header(String name, String value) {
    return new WasiHttp.Header(
        name.toLowerCase(java.util.Locale.ROOT), value.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Returns whether the component's {@code allowed_outbound_hosts} let it send a request to {@code
   * uri}.
   */
  private boolean allowed(java.net.URI uri) {
    return outboundHosts.stream().anyMatch(h -> h.allows(uri));
  }

  @Override
  public void close() {
    files.close();
  }
}

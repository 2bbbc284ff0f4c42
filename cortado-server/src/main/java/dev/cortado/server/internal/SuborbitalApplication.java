package dev.cortado.server.internal;

import dev.cortado.oci.SuborbitalBundle;
import dev.cortado.oci.SuborbitalDirective;
import dev.cortado.runtime.Engine;
import dev.cortado.server.Executor;
import dev.cortado.server.HttpTrigger;
import dev.cortado.server.Manifest;
import dev.cortado.server.Route;
import dev.cortado.server.ServeException;
import dev.cortado.server.ServerConfig;
import dev.cortado.wasm.Bytes;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Suborbital bundle prepared to serve: the runnables its request handlers call compiled and
 * checked once, one trigger per resource, the cache the runnables share, and the threads that run a
 * group's runnables at the same time. Handlers of other types than {@code request} are refused.
 */
final class SuborbitalApplication implements AutoCloseable {
  /** Group runnables run compiled WebAssembly too: room for deep recursion, as the workers have. */
  private static final long STACK = 64L << 20;

  private final SuborbitalBundle bundle;
  private final ServerConfig config;
  private final Engine engine;
  private final Map<String, RunnableModule> runnables = new LinkedHashMap<>();
  private final RunnableCache cache = new RunnableCache();
  private final Metrics metrics;
  private final ExecutorService groupWorkers;
  private Manifest manifest;
  private final Map<HttpTrigger, Responder> routes = new IdentityHashMap<>();

  private SuborbitalApplication(SuborbitalBundle bundle, ServerConfig config, Metrics metrics) {
    this.bundle = bundle;
    this.config = config;
    this.metrics = metrics;
    this.engine = Engine.create(config.engineConfig());
    AtomicInteger n = new AtomicInteger();
    this.groupWorkers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(null, r, "cortado-runnable-" + n.incrementAndGet(), STACK);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Prepares {@code bundle}.
   *
   * @throws ServeException if a handler is not a request handler, a resource is not a route, two
   *     handlers take the same method and resource, or a runnable cannot be served
   */
  static SuborbitalApplication prepare(
      SuborbitalBundle bundle, ServerConfig config, Metrics metrics) {
    SuborbitalApplication app = new SuborbitalApplication(bundle, config, metrics);
    try {
      app.build();
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
    return app;
  }

  private void build() {
    SuborbitalDirective d = bundle.directive();
    String what = "Suborbital bundle " + bundle.file();
    if (d.handlers().isEmpty()) {
      throw new ServeException(what + ": its Directive has no handlers to serve");
    }
    Map<String, Map<String, SuborbitalDirective.Handler>> byResource = new LinkedHashMap<>();
    for (SuborbitalDirective.Handler h : d.handlers()) {
      if (!h.type().equals("request")) {
        throw new ServeException(
            what
                + ": the handler for "
                + h.resource()
                + " has type "
                + h.type()
                + "; Cortado serves only type: request handlers");
      }
      Map<String, SuborbitalDirective.Handler> methods =
          byResource.computeIfAbsent(h.resource(), k -> new LinkedHashMap<>());
      if (methods.put(h.method(), h) != null) {
        throw new ServeException(
            what + ": two handlers take " + h.method() + " " + h.resource() + "; one answers");
      }
      for (SuborbitalDirective.Step s : h.steps()) {
        List<SuborbitalDirective.Fn> fns =
            s instanceof SuborbitalDirective.Group g
                ? g.fns()
                : List.of((SuborbitalDirective.Fn) s);
        for (SuborbitalDirective.Fn f : fns) {
          runnables.computeIfAbsent(
              f.fn(),
              name ->
                  RunnableModule.load(
                      engine, name, bundle.runnable(name).orElseThrow(), bundle.file().toString()));
        }
      }
    }
    List<HttpTrigger> triggers = new ArrayList<>();
    byResource.forEach(
        (resource, methods) -> {
          int star = resource.lastIndexOf("/*");
          Optional<String> rest =
              star >= 0 ? Optional.of(resource.substring(star + 2)) : Optional.empty();
          Route route;
          try {
            if (rest.isPresent() && (rest.get().isEmpty() || rest.get().contains("/"))) {
              throw new IllegalArgumentException(
                  "a *name segment (the rest of the path) must be the last and be named");
            }
            route = Route.parse(star >= 0 ? resource.substring(0, star) + "/..." : resource);
          } catch (IllegalArgumentException e) {
            throw new ServeException(what + ": resource " + resource + ": " + e.getMessage(), e);
          }
          HttpTrigger t =
              new HttpTrigger(
                  route, Optional.of(resource), new Executor.Suborbital(), Optional.empty());
          triggers.add(t);
          routes.put(t, new SuborbitalRoute(this, resource, methods, rest));
        });
    manifest =
        new Manifest(
            bundle.file(),
            new Manifest.Application(
                d.identifier(), Optional.of(d.appVersion()), Optional.empty(), "/"),
            List.of(),
            triggers,
            Map.of());
  }

  /** Returns the application as a manifest: its name, version and one trigger per resource. */
  Manifest manifest() {
    return manifest;
  }

  /** Returns what answers each trigger. */
  Map<HttpTrigger, Responder> routes() {
    return routes;
  }

  RunnableModule runnable(String name) {
    return runnables.get(name);
  }

  Engine engine() {
    return engine;
  }

  ServerConfig config() {
    return config;
  }

  RunnableCache cache() {
    return cache;
  }

  Map<String, Bytes> staticFiles() {
    return bundle.staticFiles();
  }

  Metrics metrics() {
    return metrics;
  }

  ExecutorService groupWorkers() {
    return groupWorkers;
  }

  @Override
  public void close() {
    groupWorkers.shutdownNow();
  }
}

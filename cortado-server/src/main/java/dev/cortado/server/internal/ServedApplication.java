package dev.cortado.server.internal;

import dev.cortado.component.CompiledComponent;
import dev.cortado.oci.SuborbitalBundle;
import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Module;
import dev.cortado.server.Component;
import dev.cortado.server.Executor;
import dev.cortado.server.HttpTrigger;
import dev.cortado.server.Manifest;
import dev.cortado.server.ServeException;
import dev.cortado.server.ServerConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application made ready to answer requests: for a manifest, variables resolved, every
 * component's module compiled once and its files staged, every trigger's executor prepared; for a
 * Suborbital bundle, every runnable compiled and every handler prepared. Building it checks
 * everything a request would otherwise find wrong, so that serving starts only when the application
 * can run.
 */
public final class ServedApplication implements AutoCloseable {
  private final Manifest manifest;
  private final Router router;
  private final Map<HttpTrigger, Responder> executors = new IdentityHashMap<>();
  private final Metrics metrics;
  private final KeyValueStores keyValue;

  /**
   * Prepares {@code manifest} to be served with {@code config}.
   *
   * @throws ServeException (or its {@link dev.cortado.server.ManifestException}) if it cannot be
   */
  public ServedApplication(Manifest manifest, ServerConfig config, Metrics metrics) {
    this.manifest = manifest;
    this.metrics = metrics;
    this.router = new Router(manifest.application().basePath(), manifest.triggers());
    Map<String, String> variables = VariableValues.resolve(manifest, config.variableSource());
    this.keyValue = new KeyValueStores(manifest, config);
    Engine engine = Engine.create(config.engineConfig());
    Map<String, Module> modules = new HashMap<>();
    Map<String, CompiledComponent> components = new HashMap<>();
    try {
      for (HttpTrigger t : manifest.triggers()) {
        if (t.component().isEmpty()) {
          continue;
        }
        Component c = manifest.components().get(t.component().get());
        if (t.executor() instanceof Executor.Wagi wagi) {
          Module module = modules.computeIfAbsent(c.id(), id -> ModuleLoader.load(engine, c));
          executors.put(
              t,
              new WagiComponent(
                  c, wagi, engine, module, config, variables, manifest.folder(), metrics));
        } else {
          CompiledComponent compiled =
              components.computeIfAbsent(c.id(), id -> ModuleLoader.loadComponent(engine, c));
          executors.put(
              t,
              new HttpComponent(
                  c, compiled, config, variables, manifest.folder(), metrics, keyValue.of(c)));
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Prepares the request handlers of Suborbital {@code bundle}: each runnable compiled once and
   * checked against the host API, one trigger per resource, its handlers chosen by method.
   *
   * @throws ServeException if a runnable cannot be served
   */
  public ServedApplication(SuborbitalBundle bundle, ServerConfig config, Metrics metrics) {
    this.metrics = metrics;
    this.keyValue = new KeyValueStores();
    SuborbitalApplication app = SuborbitalApplication.prepare(bundle, config, metrics);
    this.manifest = app.manifest();
    this.router = new Router("/", manifest.triggers());
    executors.putAll(app.routes());
  }

  /** Returns the manifest. */
  public Manifest manifest() {
    return manifest;
  }

  /** Returns the router. */
  Router router() {
    return router;
  }

  /** Returns what answers {@code trigger} (one with a component). */
  Responder executor(HttpTrigger trigger) {
    return executors.get(trigger);
  }

  /** Returns the metrics. */
  Metrics metrics() {
    return metrics;
  }

  /** Returns each public route with what answers it, in manifest order. */
  public Map<String, String> routes() {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> routes = new ArrayList<>(router.publicRoutes());
    int i = 0;
    for (HttpTrigger t : manifest.triggers()) {
      if (t.route().isPrivate()) {
        continue;
      }
      out.put(
          routes.get(i++),
          t.component()
              .map(c -> executors.get(t).description())
              .orElseGet(() -> "static response " + t.staticResponse().orElseThrow().status()));
    }
    return out;
  }

  @Override
  public void close() {
    executors.values().forEach(Responder::close);
    keyValue.close();
  }
}

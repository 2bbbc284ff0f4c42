package dev.cortado.server;

import dev.cortado.oci.SuborbitalBundle;
import dev.cortado.server.internal.Serving;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A running {@code cortado serve}: an application ({@link Manifest}) or a Suborbital bundle
 * answering HTTP requests, a fresh WebAssembly instance per request.
 *
 * <pre>{@code
 * try (WasmServer server = WasmServer.start(Manifest.read(Path.of("spin.toml")),
 *     ServerConfig.defaults().withTimeout(Duration.ofSeconds(5)))) {
 *   System.out.println("serving on " + server.uri());
 *   server.join();
 * }
 * }</pre>
 */
public final class WasmServer implements AutoCloseable {
  private final Serving serving;

  private WasmServer(Serving serving) {
    this.serving = serving;
  }

  /**
   * Prepares {@code manifest} (variables resolved, modules compiled, files staged) and starts
   * listening as {@code config} says.
   *
   * @throws ManifestException if a variable is required and has no value
   * @throws ServeException if a module cannot be served or the address cannot be bound
   */
  public static WasmServer start(Manifest manifest, ServerConfig config) {
    return new WasmServer(Serving.start(manifest, config));
  }

  /**
   * Prepares the request handlers of Suborbital {@code bundle} (each runnable compiled once and
   * checked against the host API Cortado provides) and starts listening as {@code config} says.
   *
   * @throws ServeException if a handler or runnable cannot be served or the address cannot be bound
   */
  public static WasmServer start(SuborbitalBundle bundle, ServerConfig config) {
    return new WasmServer(Serving.start(bundle, config));
  }

  /** Returns the URL of the server's root, with the port it listens on. */
  public URI uri() {
    return serving.uri();
  }

  /** Returns the URL of the admin port's root ({@code /metrics} is under it), if there is one. */
  public Optional<URI> adminUri() {
    return serving.adminUri();
  }

  /** Returns each route a request can take, with the base path, and what answers it. */
  public Map<String, String> routes() {
    return serving.application().routes();
  }

  /** Returns how many instances have been created for requests so far. */
  public long instantiations() {
    return serving.metrics().instantiations();
  }

  /** Returns the mean time to create a fresh instance for a request, so far. */
  public Duration meanInstantiationTime() {
    return Duration.ofNanos(serving.metrics().meanInstantiationNanos());
  }

  /** Returns the metrics in Prometheus' text format (what the admin port's /metrics serves). */
  public String metrics() {
    return serving.metrics().prometheus();
  }

  /** Waits until the server has stopped. */
  public void join() throws InterruptedException {
    serving.join();
  }

  /**
   * Stops: no new connections, in-flight requests drained up to the configured drain timeout
   * ({@link ServerConfig#withDrainTimeout(Duration)}), staged files removed.
   */
  @Override
  public void close() {
    serving.stop();
  }
}

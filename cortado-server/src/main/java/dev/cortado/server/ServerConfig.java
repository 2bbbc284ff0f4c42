package dev.cortado.server;

import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.StoreConfig;
import dev.cortado.wasi.Preopen;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a {@link WasmServer} listens and runs requests. Immutable: each {@code withX} returns a
 * changed copy.
 *
 * <p>The defaults: listen on 127.0.0.1:3000 over plain HTTP (HTTP/1.1 and cleartext HTTP/2), the
 * default engine and store limits, no per-request timeout or fuel, at most {@link
 * #defaultMaxConcurrency()} requests running WebAssembly at once, request bodies up to 64 MiB,
 * application variables from the process environment, drain in-flight requests for up to 10 seconds
 * when stopping, log through {@link ServerLog#systemLogger()}.
 */
public final class ServerConfig {
  private InetSocketAddress listen = new InetSocketAddress("127.0.0.1", 3000);
  private Optional<Tls> tls = Optional.empty();
  private EngineConfig engine = EngineConfig.defaults();
  private StoreConfig store = StoreConfig.defaults();
  private Optional<Duration> timeout = Optional.empty();
  private OptionalLong fuel = OptionalLong.empty();
  private int maxConcurrency = defaultMaxConcurrency();
  private long maxRequestBody = 64L << 20;
  private Map<String, String> environment = Map.of();
  private List<Preopen> preopens = List.of();
  private Map<String, String> variableSource = System.getenv();
  private Optional<InetSocketAddress> adminListen = Optional.empty();
  private Duration drainTimeout = Duration.ofSeconds(10);
  private ServerLog log = ServerLog.systemLogger();
  private Optional<Path> stateDir = Optional.empty();

  /**
   * A certificate chain and its private key, both PEM files.
   *
   * @param certificateChain the certificates, server first
   * @param privateKey the key (PKCS#8 {@code PRIVATE KEY} or PKCS#1 {@code RSA PRIVATE KEY})
   */
  public record Tls(Path certificateChain, Path privateKey) {
    /** Checks both files are named. */
    public Tls {
      Objects.requireNonNull(certificateChain, "certificateChain");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  private ServerConfig() {}

  private ServerConfig copy() {
    ServerConfig c = new ServerConfig();
    c.listen = listen;
    c.tls = tls;
    c.engine = engine;
    c.store = store;
    c.timeout = timeout;
    c.fuel = fuel;
    c.maxConcurrency = maxConcurrency;
    c.maxRequestBody = maxRequestBody;
    c.environment = environment;
    c.preopens = preopens;
    c.variableSource = variableSource;
    c.adminListen = adminListen;
    c.drainTimeout = drainTimeout;
    c.log = log;
    c.stateDir = stateDir;
    return c;
  }

  /** Returns the defaults. */
  public static ServerConfig defaults() {
    return new ServerConfig();
  }

  /**
   * Returns the number of processors, at least 2: WAGI programs compute rather than wait, and more
   * workers than cores only add latency (on 2 cores, 4 workers had a p99 four times 2 workers').
   */
  public static int defaultMaxConcurrency() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  /** Returns a copy listening on {@code address} (port 0: any free port). */
  public ServerConfig withListen(InetSocketAddress address) {
    ServerConfig c = copy();
    c.listen = Objects.requireNonNull(address, "address");
    return c;
  }

  /** Returns a copy serving HTTPS (HTTP/1.1 and HTTP/2 by ALPN) with {@code tls}. */
  public ServerConfig withTls(Tls tls) {
    ServerConfig c = copy();
    c.tls = Optional.of(tls);
    return c;
  }

  /** Returns a copy compiling modules with {@code engine}. */
  public ServerConfig withEngineConfig(EngineConfig engine) {
    ServerConfig c = copy();
    c.engine = Objects.requireNonNull(engine, "engine");
    return c;
  }

  /** Returns a copy giving each request's store the limits of {@code store}. */
  public ServerConfig withStoreConfig(StoreConfig store) {
    ServerConfig c = copy();
    c.store = Objects.requireNonNull(store, "store");
    return c;
  }

  /** Returns a copy stopping each request's WebAssembly after {@code timeout}. */
  public ServerConfig withTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive: " + timeout);
    }
    ServerConfig c = copy();
    c.timeout = Optional.of(timeout);
    return c;
  }

  /** Returns a copy giving each request {@code fuel} (about that many instructions). */
  public ServerConfig withFuel(long fuel) {
    if (fuel < 0) {
      throw new IllegalArgumentException("fuel must not be negative: " + fuel);
    }
    ServerConfig c = copy();
    c.fuel = OptionalLong.of(fuel);
    return c;
  }

  /**
   * Returns a copy running at most {@code n} requests' WebAssembly at once; more wait in a queue
   * (of 4096 requests, or 64 per slot if more), beyond which the server answers 503.
   */
  public ServerConfig withMaxConcurrency(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("the concurrency must be at least 1: " + n);
    }
    ServerConfig c = copy();
    c.maxConcurrency = n;
    return c;
  }

  /**
   * Returns a copy keeping the application's state (its key-value stores, {@code
   * key-value/LABEL.kv}) in {@code dir} instead of {@code .cortado} in the manifest's folder.
   */
  public ServerConfig withStateDir(Path dir) {
    ServerConfig c = copy();
    c.stateDir = Optional.of(dir.toAbsolutePath());
    return c;
  }

  /** Returns where the application's state is kept, if not in the manifest's folder. */
  public Optional<Path> stateDir() {
    return stateDir;
  }

  /**
   * Returns a copy refusing request bodies above {@code bytes} with 413, for the executors that
   * read a body whole (WAGI, Suborbital); a {@code wasi:http} component streams its body and reads
   * as much as it wants.
   */
  public ServerConfig withMaxRequestBody(long bytes) {
    if (bytes < 0 || bytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("the body limit must be between 0 and 2 GiB: " + bytes);
    }
    ServerConfig c = copy();
    c.maxRequestBody = bytes;
    return c;
  }

  /** Returns a copy adding {@code name=value} to every component's environment. */
  public ServerConfig withEnv(String name, String value) {
    ServerConfig c = copy();
    Map<String, String> m = new LinkedHashMap<>(environment);
    m.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    c.environment = java.util.Collections.unmodifiableMap(m);
    return c;
  }

  /** Returns a copy giving every component {@code preopen} as well as its own files. */
  public ServerConfig withPreopen(Preopen preopen) {
    ServerConfig c = copy();
    List<Preopen> l = new ArrayList<>(preopens);
    l.add(Objects.requireNonNull(preopen, "preopen"));
    c.preopens = List.copyOf(l);
    return c;
  }

  /**
   * Returns a copy reading application variables' {@code SPIN_VARIABLE_<NAME>} values from {@code
   * environment} instead of the process environment.
   */
  public ServerConfig withVariableSource(Map<String, String> environment) {
    ServerConfig c = copy();
    c.variableSource = Map.copyOf(environment);
    return c;
  }

  /** Returns a copy serving Prometheus metrics on {@code address} ({@code /metrics}). */
  public ServerConfig withAdminListen(InetSocketAddress address) {
    ServerConfig c = copy();
    c.adminListen = Optional.of(address);
    return c;
  }

  /** Returns a copy waiting up to {@code drain} for in-flight requests when stopping. */
  public ServerConfig withDrainTimeout(Duration drain) {
    ServerConfig c = copy();
    c.drainTimeout = Objects.requireNonNull(drain, "drain");
    return c;
  }

  /** Returns a copy logging to {@code log}. */
  public ServerConfig withLog(ServerLog log) {
    ServerConfig c = copy();
    c.log = Objects.requireNonNull(log, "log");
    return c;
  }

  /** Returns the address to listen on. */
  public InetSocketAddress listen() {
    return listen;
  }

  /** Returns the TLS files, if the server speaks HTTPS. */
  public Optional<Tls> tls() {
    return tls;
  }

  /** Returns the engine configuration. */
  public EngineConfig engineConfig() {
    return engine;
  }

  /** Returns the limits of each request's store. */
  public StoreConfig storeConfig() {
    return store;
  }

  /** Returns the per-request timeout, if any. */
  public Optional<Duration> timeout() {
    return timeout;
  }

  /** Returns the per-request fuel, if counted. */
  public OptionalLong fuel() {
    return fuel;
  }

  /** Returns how many requests run WebAssembly at once at most. */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /** Returns the largest request body accepted. */
  public long maxRequestBody() {
    return maxRequestBody;
  }

  /** Returns the environment added to every component's. */
  public Map<String, String> environment() {
    return environment;
  }

  /** Returns the directories every component gets. */
  public List<Preopen> preopens() {
    return preopens;
  }

  /** Returns where {@code SPIN_VARIABLE_*} values are read from. */
  public Map<String, String> variableSource() {
    return variableSource;
  }

  /** Returns the metrics address, if any. */
  public Optional<InetSocketAddress> adminListen() {
    return adminListen;
  }

  /** Returns how long stopping waits for in-flight requests. */
  public Duration drainTimeout() {
    return drainTimeout;
  }

  /** Returns the log. */
  public ServerLog log() {
    return log;
  }
}

package dev.cortado.cli;

import dev.cortado.runtime.StoreConfig;
import dev.cortado.server.ServerConfig;
import dev.cortado.server.ServerLog;
import dev.cortado.server.WasmServer;
import dev.cortado.wasm.MemoryType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cortado serve}: an HTTP server for a Spin application ({@code spin.toml}, version 2) or a
 * single WASI preview1 module served through WAGI on every path; a fresh instance per request. Runs
 * until SIGINT or SIGTERM, then drains in-flight requests.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    description = {
      "Serve a Spin application (spin.toml, manifest version 2), a WASI preview1 module, a"
          + " bindle's WAGI routes or a Suborbital bundle's request handlers over HTTP, a fresh"
          + " instance per request.",
      "A wasi:http component (the wasi:http/proxy world) is served on every path, a fresh"
          + " instance per request; a WASI preview1 module through WAGI (CGI 1.1).",
      "Stops on Ctrl+C or SIGTERM, waiting for requests in flight (--drain-timeout)."
    },
    sortOptions = false)
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "APP",
      description =
          "spin.toml, a folder holding one, a .wasm/.wat module or component, a registry"
              + " reference to one (registry/repo:tag, as cortado push made it), a standalone"
              + " bindle folder (holding invoice.toml) or bindle:NAME/VERSION (default:"
              + " ./spin.toml)")
  String app;

  @Option(
      names = "--insecure",
      description = "Pull APP from a registry over plain HTTP (loopback registries always are).")
  boolean insecure;

  @Option(
      names = "--bindle-server",
      paramLabel = "URL",
      description =
          "The bindle server to fetch bindle:NAME/VERSION from, as http://localhost:8080/v1"
              + " (default: $BINDLE_URL).")
  String bindleServer;

  @Option(
      names = "--bindle-path",
      paramLabel = "FOLDER",
      description =
          "Find bindle:NAME/VERSION as a standalone bindle under FOLDER (in the folder named by"
              + " the SHA-256 of NAME/VERSION, as bindle's standalone writer names it).")
  Path bindlePath;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      description = "Where to listen (default: 127.0.0.1:3000; port 0 picks a free one).")
  String listen = "127.0.0.1:3000";

  @Option(
      names = "--tls-cert",
      paramLabel = "PEM",
      description = "Serve HTTPS with this certificate chain.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "The private key of --tls-cert.")
  Path tlsKey;

  @Mixin EngineOption engineOption = new EngineOption();

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description =
          "Stop a request's WebAssembly after this long (500ms, 10s, ...): it gets a 500.")
  String timeout;

  @Option(
      names = "--max-memory",
      paramLabel = "SIZE",
      description = "Limit each request's memories to SIZE (64MiB, 1GiB, ...).")
  String maxMemory;

  @Option(
      names = "--fuel",
      paramLabel = "N",
      description = "Stop a request after about N instructions.")
  Long fuel;

  @Option(
      names = "--max-concurrency",
      paramLabel = "N",
      description =
          "Run at most N requests' WebAssembly at once; more wait (default: one per core, at least 2).")
  Integer maxConcurrency;

  @Option(
      names = "--env",
      paramLabel = "NAME=VALUE",
      description =
          "Add an environment variable for every component (NAME alone copies the host's).")
  List<String> env = new ArrayList<>();

  @Option(
      names = "--dir",
      paramLabel = "HOST[::GUEST]",
      description = "Give every component a host directory, as GUEST (default: the same path).")
  List<String> dirs = new ArrayList<>();

  @Option(
      names = "--admin-listen",
      paramLabel = "HOST:PORT",
      description = "Serve Prometheus metrics on http://HOST:PORT/metrics.")
  String adminListen;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Keep the application's key-value stores in DIR (default: .cortado beside spin.toml;"
              + " for a REF, $XDG_DATA_HOME/cortado/state/REGISTRY/REPOSITORY).")
  java.nio.file.Path stateDir;

  @Option(
      names = "--drain-timeout",
      paramLabel = "DURATION",
      description = "On stop, wait this long at most for requests in flight (default: 10s).")
  String drainTimeout = "10s";

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ServeSource source =
        ServeSource.of(
            app, Optional.ofNullable(bindleServer), Optional.ofNullable(bindlePath), insecure);

    ServerConfig config = config(out, err);
    WasmServer server = source.start(config);
    Thread hook = new Thread(server::close, "cortado-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    announce(source, server, out);
    server.join();
    return 0;
  }

  private void announce(ServeSource source, WasmServer server, PrintWriter out) {
    String base = server.uri().toString();
    String root = base.substring(0, base.length() - 1);
    out.println("Serving " + source.name() + " (" + source.description() + ") on " + server.uri());
    Map<String, String> routes = server.routes();
    int width = routes.keySet().stream().mapToInt(String::length).max().orElse(0);
    routes.forEach(
        (route, what) -> out.println("  " + route + " ".repeat(width - route.length() + 2) + what));
    String first = routes.keySet().stream().findFirst().orElse("/");
    String open = first.replace("/...", "/").replaceAll("/:[^/]+", "/x");
    out.println("Open " + root + (open.startsWith("/") ? open : "/" + open));
    server.adminUri().ifPresent(a -> out.println("Metrics on " + a.resolve("/metrics")));
    out.println("Stop with Ctrl+C.");
    out.flush();
  }

  private ServerConfig config(PrintWriter out, PrintWriter err) {
    ServerConfig c =
        ServerConfig.defaults()
            .withListen(HostOptions.address("--listen", listen))
            .withEngineConfig(engineOption.create().config())
            .withDrainTimeout(Quantities.duration(drainTimeout))
            .withLog(log(out, err));
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new UserException("--tls-cert and --tls-key go together: give both");
    }
    if (tlsCert != null) {
      c = c.withTls(new ServerConfig.Tls(tlsCert, tlsKey));
    }
    if (timeout != null) {
      c = c.withTimeout(Quantities.timeout(timeout));
    }
    if (fuel != null) {
      c = c.withFuel(Quantities.fuel(fuel));
    }
    if (maxConcurrency != null) {
      if (maxConcurrency < 1) {
        throw new UserException("--max-concurrency must be at least 1");
      }
      c = c.withMaxConcurrency(maxConcurrency);
    }
    if (maxMemory != null) {
      long pages = Quantities.bytes(maxMemory) / MemoryType.PAGE_SIZE;
      int most = StoreConfig.defaults().maxMemoryPages();
      if (pages < 1 || pages > most) {
        throw new UserException(
            "--max-memory must be between 64KiB and "
                + (long) most * MemoryType.PAGE_SIZE / (1 << 20)
                + "MiB, not "
                + maxMemory);
      }
      c = c.withStoreConfig(StoreConfig.defaults().withMaxMemoryPages((int) pages));
    }
    for (Map.Entry<String, String> e : HostOptions.environment(env).entrySet()) {
      c = c.withEnv(e.getKey(), e.getValue());
    }
    for (String d : dirs) {
      c = c.withPreopen(HostOptions.preopen(d, false));
    }
    if (adminListen != null) {
      c = c.withAdminListen(HostOptions.address("--admin-listen", adminListen));
    }
    if (stateDir != null) {
      c = c.withStateDir(stateDir);
    }
    return c;
  }

  /**
   * Access log lines on standard output, written in batches (flushed a few times a second: one
   * write per request would cost more than some requests); failures and components' standard error
   * on standard error, at once.
   */
  private static ServerLog log(PrintWriter out, PrintWriter err) {
    Thread flusher =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(200);
                } catch (InterruptedException e) {
                  return;
                }
                synchronized (out) {
                  out.flush();
                }
              }
            },
            "cortado-serve-log");
    flusher.setDaemon(true);
    flusher.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  synchronized (out) {
                    out.flush();
                  }
                },
                "cortado-serve-log-flush"));
    return new ServerLog() {
      @Override
      public void info(String line) {
        synchronized (out) {
          out.print(line);
          out.print('\n');
        }
      }

      @Override
      public void error(String line) {
        synchronized (err) {
          err.println(line);
          err.flush();
        }
      }
    };
  }
}

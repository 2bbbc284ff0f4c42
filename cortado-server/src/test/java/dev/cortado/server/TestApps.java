package dev.cortado.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the server tests share: the committed WAGI programs, a log that keeps lines, requests. */
final class TestApps {
  private TestApps() {}

  /** Returns the committed WAGI program {@code name}.wasm (built by src/test/programs/build.sh). */
  static Path wasm(String name) {
    try {
      return Path.of(TestApps.class.getResource("/wagi/" + name + ".wasm").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns the committed wasi:http component {@code name}.wasm (built from C by
   * src/test/programs/build-components.sh).
   */
  static Path component(String name) {
    try {
      return Path.of(TestApps.class.getResource("/components/" + name + ".wasm").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code method} of {@code path} with {@code body} to {@code server}. */
  static HttpResponse<String> send(WasmServer server, String method, String path, String body) {
    return send(
        HttpRequest.newBuilder(server.uri().resolve(path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Copies WAGI programs into {@code dir} and writes {@code toml} there as spin.toml. */
  static Path manifest(Path dir, String toml, String... programs) {
    try {
      for (String p : programs) {
        Files.copy(wasm(p), dir.resolve(p + ".wasm"));
      }
      return Files.writeString(dir.resolve("spin.toml"), toml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The defaults for tests: any free loopback port, this log. */
  static ServerConfig config(KeptLog log) {
    return ServerConfig.defaults().withListen(new InetSocketAddress("127.0.0.1", 0)).withLog(log);
  }

  /** A log that keeps its lines for assertions. */
  static final class KeptLog implements ServerLog {
    final List<String> info = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();

    @Override
    public void info(String line) {
      info.add(line);
    }

    @Override
    public void error(String line) {
      errors.add(line);
    }
  }

  static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Sends a GET of {@code path} to {@code server}. */
  static HttpResponse<String> get(WasmServer server, String path) {
    return send(HttpRequest.newBuilder(server.uri().resolve(path)).GET().build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static URI uri(WasmServer server, String path) {
    return server.uri().resolve(path);
  }
}

package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cortado serve COMPONENT.wasm}: a {@code wasi:http} component (JavaScript, built by
 * componentize-js) answers real HTTP requests, a fresh instance for each.
 */
class HttpComponentServingTest {
  /** cortado-component's JavaScript test component (see its build-js.sh). */
  static final Path JS =
      Path.of("../cortado-component/src/test/resources/components/js/hello.wasm");

  @Test
  void aJavaScriptComponentServesEveryPath() {
    TestApps.KeptLog log = new TestApps.KeptLog();
    try (WasmServer server = WasmServer.start(Manifest.forModule(JS), TestApps.config(log))) {
      assertEquals(java.util.Map.of("/...", "hello (wasi:http)"), server.routes());
      HttpResponse<String> r = TestApps.get(server, "/a/b?x=1");
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("hello from js: GET /a/b?x=1 body=", r.body());
      assertEquals("js", r.headers().firstValue("x-served-by").orElseThrow());
      HttpResponse<String> posted =
          TestApps.send(
              HttpRequest.newBuilder(TestApps.uri(server, "/p"))
                  .POST(HttpRequest.BodyPublishers.ofString("a body"))
                  .build());
      assertEquals("hello from js: POST /p body=a body", posted.body());
      assertEquals(404, TestApps.get(server, "/missing").statusCode());
      assertEquals(3, server.instantiations(), "a fresh instance per request");
      assertTrue(
          log.info.stream().anyMatch(l -> l.startsWith("GET /a/b 200 ") && l.endsWith(" hello")),
          log.info.toString());
    }
  }

  /**
   * Serves the JS component from {@code dir} with {@code allowed} and asks it to fetch {@code url}.
   */
  private static HttpResponse<String> fetchThrough(Path dir, String allowed, String url)
      throws Exception {
    Path app = dir.resolve("app.wasm");
    if (!Files.exists(app)) {
      Files.copy(JS, app);
    }
    Path manifest =
        Files.writeString(
            dir.resolve("spin.toml"),
            """
            spin_manifest_version = 2
            [application]
            name = "outbound"
            [[trigger.http]]
            route = "/..."
            component = "app"
            [component.app]
            source = "app.wasm"
            %s
            """
                .formatted(allowed));
    try (WasmServer server =
        WasmServer.start(Manifest.read(manifest), TestApps.config(new TestApps.KeptLog()))) {
      return TestApps.get(
          server,
          "/fetch?url=" + java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void outboundRequestsGoOnlyToTheAllowedHosts(@TempDir Path dir) throws Exception {
    HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    peer.createContext(
        "/",
        x -> {
          byte[] answer = "from the peer".getBytes(java.nio.charset.StandardCharsets.UTF_8);
          x.sendResponseHeaders(200, answer.length);
          x.getResponseBody().write(answer);
          x.close();
        });
    peer.start();
    try {
      int port = peer.getAddress().getPort();
      String url = "http://127.0.0.1:" + port + "/x";
      HttpResponse<String> open =
          fetchThrough(dir, "allowed_outbound_hosts = [\"http://127.0.0.1:" + port + "\"]", url);
      assertEquals("fetched 200: from the peer", open.body());
      HttpResponse<String> closed = fetchThrough(dir, "", url);
      assertEquals(502, closed.statusCode(), closed.body());
      HttpResponse<String> otherPort =
          fetchThrough(dir, "allowed_outbound_hosts = [\"http://127.0.0.1:1\"]", url);
      assertEquals(502, otherPort.statusCode(), otherPort.body());
      String templated =
          "allowed_outbound_hosts = [\"http://127.0.0.1:{{ peer_port }}\"]\n[variables]\n";
      HttpResponse<String> byVariable =
          fetchThrough(dir, templated + "peer_port = { default = \"" + port + "\" }", url);
      assertEquals("fetched 200: from the peer", byVariable.body(), "a templated entry, rendered");
      ServeException bad =
          assertThrows(
              ServeException.class,
              () -> fetchThrough(dir, templated + "peer_port = { default = \"x/y\" }", url));
      assertTrue(
          bad.getMessage()
              .contains("\"http://127.0.0.1:{{ peer_port }}\" is \"http://127.0.0.1:x/y\""),
          bad.getMessage());
    } finally {
      peer.stop(0);
    }
  }
}

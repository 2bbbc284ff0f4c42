package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}

package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code cortado serve MODULE.wasm}: one WASI preview1 module through WAGI on every path. */
class ModuleServingTest {
  @Test
  void servesAPreview1ModuleOnEveryPath() {
    TestApps.KeptLog log = new TestApps.KeptLog();
    try (WasmServer server =
        WasmServer.start(Manifest.forModule(TestApps.wasm("hello")), TestApps.config(log))) {
      for (String path : new String[] {"/", "/a", "/a/b/c?x=1"}) {
        HttpResponse<String> r = TestApps.get(server, path);
        assertEquals(200, r.statusCode(), path);
        assertEquals("Hello, world!\n", r.body());
        assertEquals(
            "text/plain",
            r.headers().firstValue("content-type").orElseThrow(),
            r.headers().map().toString());
      }
      assertEquals(3, server.instantiations(), "a fresh instance per request");
      assertEquals(java.util.Map.of("/...", "hello (wagi)"), server.routes());
      assertTrue(
          log.info.stream()
              .anyMatch(l -> l.startsWith("GET /a/b/c 200 14 ") && l.endsWith(" hello")),
          log.info.toString());
    }
  }
}

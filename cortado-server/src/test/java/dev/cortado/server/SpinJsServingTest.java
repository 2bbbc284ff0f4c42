package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JavaScript application built with Spin's own tooling ({@code j2w} from
 * {@code @spinframework/build-tools} 1.0.7; programs/spin-js, rebuilt by its build.sh) served from
 * a spin.toml: the fetch event answers, reads its body, and counts visits in Spin's key-value store
 * through {@code fermyon:spin/key-value}, a store its manifest does not list being refused.
 */
class SpinJsServingTest {
  @Test
  void aJ2wApplicationAnswersAndUsesItsKeyValueStore(@TempDir Path dir) throws IOException {
    Files.copy(TestApps.component("spin-js"), dir.resolve("app.wasm"));
    Path manifest =
        Files.writeString(
            dir.resolve("spin.toml"),
            """
            spin_manifest_version = 2
            [application]
            name = "spin-js"
            [[trigger.http]]
            route = "/..."
            component = "app"
            [component.app]
            source = "app.wasm"
            key_value_stores = ["default"]
            """);
    TestApps.KeptLog log = new TestApps.KeptLog();
    try (WasmServer server = WasmServer.start(Manifest.read(manifest), TestApps.config(log))) {
      HttpResponse<String> hello = TestApps.get(server, "/hello?a=1");
      assertEquals(200, hello.statusCode(), hello.body());
      assertEquals("hello from j2w: GET /hello?a=1\n", hello.body());
      assertEquals("j2w", hello.headers().firstValue("x-built-by").orElseThrow());
      assertEquals("a body", TestApps.send(server, "POST", "/echo", "a body").body());
      assertEquals("visits: 1\n", TestApps.get(server, "/count/default").body());
      assertEquals("visits: 2\n", TestApps.get(server, "/count/default").body());
      HttpResponse<String> denied = TestApps.get(server, "/count/secret");
      assertEquals(403, denied.statusCode());
      assertEquals("cannot open secret: access-denied\n", denied.body());
      assertEquals(404, TestApps.get(server, "/missing").statusCode());
    }
    try (WasmServer server = WasmServer.start(Manifest.read(manifest), TestApps.config(log))) {
      assertEquals(
          "visits: 3\n", TestApps.get(server, "/count/default").body(), "the store outlived it");
    }
  }
}

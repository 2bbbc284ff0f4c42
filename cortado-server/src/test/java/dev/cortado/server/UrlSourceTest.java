package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cortado.oci.Digest;
import dev.cortado.oci.LocalStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code source = { url = "http(s)://...", digest = "sha256:..." }}, as Spin manifests name
 * published components: downloaded once when serving starts, checked against the digest, kept in
 * the content store (CORTADO_CACHE_DIR, the build's own here) and read from there afterwards.
 */
class UrlSourceTest {
  @TempDir Path dir;
  private HttpServer origin;
  private final AtomicInteger downloads = new AtomicInteger();
  private byte[] wasm;

  @BeforeEach
  void serveTheComponent() throws IOException {
    wasm = Files.readAllBytes(TestApps.component("http"));
    origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    origin.createContext(
        "/releases/app.wasm",
        x -> {
          downloads.incrementAndGet();
          x.sendResponseHeaders(200, wasm.length);
          x.getResponseBody().write(wasm);
          x.close();
        });
    origin.createContext(
        "/missing.wasm",
        x -> {
          x.sendResponseHeaders(404, -1);
          x.close();
        });
    origin.start();
  }

  @AfterEach
  void stop() {
    origin.stop(0);
  }

  private Path manifest(String path, String digest) throws IOException {
    return Files.writeString(
        dir.resolve("spin.toml"),
        """
        spin_manifest_version = 2
        [application]
        name = "from-url"
        [[trigger.http]]
        route = "/..."
        component = "app"
        [component.app]
        source = { url = "http://127.0.0.1:%d%s", digest = "%s" }
        """
            .formatted(origin.getAddress().getPort(), path, digest));
  }

  private static void forget(Digest d) throws IOException {
    Files.deleteIfExists(LocalStore.defaultStore().path(d));
  }

  @Test
  void aComponentIsDownloadedOnceCheckedAndKept() throws IOException {
    Digest d = Digest.sha256(wasm);
    forget(d);
    Path m = manifest("/releases/app.wasm", d.toString());
    for (int start = 0; start < 2; start++) {
      try (WasmServer server =
          WasmServer.start(Manifest.read(m), TestApps.config(new TestApps.KeptLog()))) {
        assertEquals("hello from C: GET /x\n", TestApps.get(server, "/x").body());
      }
    }
    assertEquals(1, downloads.get(), "the second start reads the store");
    assertTrue(LocalStore.defaultStore().contains(d));
  }

  @Test
  void aDownloadOfAnotherDigestIsRefusedAndNotKept() throws IOException {
    Digest wrong = Digest.sha256("something else".getBytes());
    forget(wrong);
    ServeException e =
        assertThrows(
            ServeException.class,
            () ->
                WasmServer.start(
                    Manifest.read(manifest("/releases/app.wasm", wrong.toString())),
                    TestApps.config(new TestApps.KeptLog())));
    assertTrue(e.getMessage().contains("not the manifest's digest " + wrong), e.getMessage());
    assertTrue(!LocalStore.defaultStore().contains(wrong));
  }

  @Test
  void aFailedDownloadSaysWhatTheServerAnswered() throws IOException {
    Digest d = Digest.sha256("never served".getBytes());
    forget(d);
    ServeException e =
        assertThrows(
            ServeException.class,
            () ->
                WasmServer.start(
                    Manifest.read(manifest("/missing.wasm", d.toString())),
                    TestApps.config(new TestApps.KeptLog())));
    assertTrue(e.getMessage().contains("answered HTTP 404"), e.getMessage());
  }
}

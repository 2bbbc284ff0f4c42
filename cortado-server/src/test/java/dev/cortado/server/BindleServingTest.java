package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.Bindle;
import dev.cortado.oci.Bindles;
import dev.cortado.oci.LocalStore;
import dev.cortado.oci.testing.BindleServerDouble;
import dev.cortado.oci.testing.BindleWriter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bindle fetched from a bindle server double and served as WAGI serves one, end to end: routes,
 * argv, and asset parcels mounted as files for the module that requires their group.
 */
class BindleServingTest {
  @TempDir static Path temp;
  static BindleServerDouble bindles;
  static WasmServer server;
  static final TestApps.KeptLog LOG = new TestApps.KeptLog();
  static final byte[] README = "read me\n".getBytes(StandardCharsets.UTF_8);
  static final Map<String, String> ASSET = Map.of("file", "true");

  static BindleWriter bindle() throws IOException {
    return new BindleWriter("example.com/app", "1.2.3")
        .group("assets")
        .parcel(
            "hello.wasm",
            "application/wasm",
            Files.readAllBytes(TestApps.wasm("hello")),
            Map.of("route", "/"),
            List.of(),
            List.of())
        .parcel(
            "env.wasm",
            "application/wasm",
            Files.readAllBytes(TestApps.wasm("env")),
            Map.of("route", "/env/...", "argv", "${SCRIPT_NAME} ${ARGS} from-invoice"),
            List.of(),
            List.of())
        .parcel(
            "files.wasm",
            "application/wasm",
            Files.readAllBytes(TestApps.wasm("files")),
            Map.of("route", "/files/..."),
            List.of(),
            List.of("assets"))
        .parcel("docs/readme.txt", "text/plain", README, ASSET, List.of("assets"), List.of())
        .parcel(
            "secret.txt",
            "text/plain",
            "not an asset\n".getBytes(StandardCharsets.UTF_8),
            Map.of(),
            List.of("assets"),
            List.of());
  }

  @BeforeAll
  static void start() throws IOException {
    bindles = BindleServerDouble.start(temp.resolve("bindle-server"));
    BindleWriter b = bindle();
    bindles.publish(b);
    Bindle fetched = Bindles.fetch(bindles.url(), b.id(), LocalStore.open(temp.resolve("store")));
    server = WasmServer.start(Manifest.forBindle(fetched), TestApps.config(LOG));
  }

  @AfterAll
  static void stop() {
    server.close();
    bindles.close();
  }

  @Test
  void servesEachRoutedParcelOnItsRoute() {
    assertEquals(List.of("/", "/env/...", "/files/..."), List.copyOf(server.routes().keySet()));
    HttpResponse<String> hello = TestApps.get(server, "/");
    assertEquals(200, hello.statusCode());
    assertEquals("Hello, world!\n", hello.body());
  }

  @Test
  void passesTheInvoicesArgv() {
    List<String> lines = TestApps.get(server, "/env/x?a=1&b=2").body().lines().toList();
    assertTrue(lines.contains("arg[0]=/env/x"), lines.toString());
    assertTrue(lines.contains("arg[1]=a=1"), lines.toString());
    assertTrue(lines.contains("arg[2]=b=2"), lines.toString());
    assertTrue(lines.contains("arg[3]=from-invoice"), lines.toString());
  }

  @Test
  void mountsRequiredAssetParcelsAsReadOnlyFiles() {
    HttpResponse<String> r = TestApps.get(server, "/files/docs/readme.txt");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("read me\n", r.body());
    assertEquals("no", r.headers().firstValue("x-write").orElseThrow());
    assertEquals(
        404,
        TestApps.get(server, "/files/secret.txt").statusCode(),
        "a group member not marked feature.wagi.file is no asset");
  }

  @Test
  void aModuleSeesNoAssetsOfGroupsItDoesNotRequire() throws IOException {
    Path dir = temp.resolve("standalone");
    new BindleWriter("solo", "1")
        .group("assets")
        .parcel(
            "files.wasm",
            "application/wasm",
            Files.readAllBytes(TestApps.wasm("files")),
            Map.of("route", "/..."),
            List.of(),
            List.of())
        .parcel("docs/readme.txt", "text/plain", README, ASSET, List.of("assets"), List.of())
        .writeStandalone(dir);
    Bindle b = Bindles.readStandalone(dir, LocalStore.open(temp.resolve("store")));
    try (WasmServer s = WasmServer.start(Manifest.forBindle(b), TestApps.config(LOG))) {
      assertEquals(404, TestApps.get(s, "/docs/readme.txt").statusCode());
    }
  }

  @Test
  void aBindleWithoutWagiRoutesIsRefused() {
    Path dir = temp.resolve("no-routes");
    new BindleWriter("plain", "1")
        .parcel("a.txt", "text/plain", new byte[] {'a'}, Map.of(), List.of(), List.of())
        .writeStandalone(dir);
    Bindle b = Bindles.readStandalone(dir, LocalStore.open(temp.resolve("store")));
    ServeException e = assertThrows(ServeException.class, () -> Manifest.forBindle(b));
    assertTrue(e.getMessage().contains("has no parcel with a WAGI route"), e.getMessage());
  }
}

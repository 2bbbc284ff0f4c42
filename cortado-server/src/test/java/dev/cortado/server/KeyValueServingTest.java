package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code key_value_stores}: a C component (components/http.c) uses Spin's key-value interface and
 * wasi:keyvalue's store, atomics and batch over real HTTP; the stores outlive the server, and a
 * component opens only the labels its manifest lists.
 */
class KeyValueServingTest {
  private static Path app(Path dir, String stores) throws IOException {
    Files.copy(TestApps.component("http"), dir.resolve("http.wasm"));
    Files.copy(TestApps.component("http"), dir.resolve("other.wasm"));
    return Files.writeString(
        dir.resolve("spin.toml"),
        """
        spin_manifest_version = 2
        [application]
        name = "kv"
        [[trigger.http]]
        route = "/..."
        component = "http"
        [[trigger.http]]
        route = "/other/..."
        component = "other"
        [component.http]
        source = "http.wasm"
        key_value_stores = [%s]
        [component.other]
        source = "other.wasm"
        key_value_stores = ["default"]
        """
            .formatted(stores));
  }

  private static WasmServer serve(Path manifest) {
    return WasmServer.start(Manifest.read(manifest), TestApps.config(new TestApps.KeptLog()));
  }

  private static String ok(HttpResponse<String> r) {
    assertTrue(r.statusCode() / 100 == 2, r.statusCode() + " " + r.body());
    return r.body();
  }

  @Test
  void spinsKeyValueInterfaceStoresAndTheStoresOutliveTheServer(@TempDir Path dir)
      throws IOException {
    Path manifest = app(dir, "\"default\", \"counters\"");
    try (WasmServer server = serve(manifest)) {
      assertEquals("stored\n", ok(TestApps.send(server, "PUT", "/kv/spin/default/greeting", "hi")));
      assertEquals("hi", ok(TestApps.get(server, "/kv/spin/default/greeting")));
      assertEquals(404, TestApps.get(server, "/kv/spin/default/missing").statusCode());
      ok(TestApps.send(server, "PUT", "/kv/spin/default/doomed", "x"));
      assertEquals("deleted\n", ok(TestApps.send(server, "DELETE", "/kv/spin/default/doomed", "")));
      assertEquals("gone\n", ok(TestApps.send(server, "DELETE", "/kv/spin/default/doomed", "")));
      assertEquals("greeting\n", ok(TestApps.get(server, "/kv/spin/default")));
      assertEquals("", ok(TestApps.get(server, "/kv/spin/counters")), "stores are separate");
    }
    assertTrue(Files.exists(dir.resolve(".cortado/key-value/default.kv")));
    try (WasmServer server = serve(manifest)) {
      assertEquals("hi", ok(TestApps.get(server, "/kv/spin/default/greeting")), "after a restart");
      assertEquals(
          "hi", ok(TestApps.get(server, "/other/kv/wasi/default/greeting")), "one store per label");
    }
  }

  @Test
  void wasiKeyValueStoreAtomicsAndBatch(@TempDir Path dir) throws IOException {
    try (WasmServer server = serve(app(dir, "\"default\""))) {
      ok(TestApps.send(server, "PUT", "/kv/wasi/default/a", "1"));
      assertEquals("1", ok(TestApps.get(server, "/kv/spin/default/a")), "the same store");
      assertEquals("5\n", ok(TestApps.send(server, "POST", "/kv/wasi/default/n?add=5", "")));
      assertEquals("-2\n", ok(TestApps.send(server, "POST", "/kv/wasi/default/n?add=-7", "")));
      HttpResponse<String> notCounter =
          TestApps.send(server, "POST", "/kv/wasi/default/a?add=1", "");
      assertEquals(500, notCounter.statusCode());
      assertTrue(notCounter.body().contains("is not a counter"), notCounter.body());
      assertEquals(
          "swapped\n", ok(TestApps.send(server, "PUT", "/kv/cas/default/a?expect=1", "2")));
      assertEquals(
          409, TestApps.send(server, "PUT", "/kv/cas/default/a?expect=1", "3").statusCode());
      assertEquals("2", ok(TestApps.get(server, "/kv/wasi/default/a")));
      assertEquals(
          "x=1\ny=two\n", ok(TestApps.send(server, "POST", "/kv/batch/default", "x=1\ny=two\n")));
      for (int i = 0; i < 1200; i++) {
        ok(TestApps.send(server, "PUT", "/kv/wasi/default/k" + (10000 + i), ""));
      }
      String keys = ok(TestApps.get(server, "/kv/wasi/default"));
      assertEquals(1204, keys.lines().count(), "list-keys pages past 1,000 keys");
    }
  }

  @Test
  void aComponentOpensOnlyTheStoresItsManifestLists(@TempDir Path dir) throws IOException {
    try (WasmServer server = serve(app(dir, "\"default\""))) {
      HttpResponse<String> spin = TestApps.get(server, "/kv/spin/secret/k");
      assertEquals(403, spin.statusCode());
      assertEquals("open: access-denied\n", spin.body());
      assertEquals(403, TestApps.get(server, "/kv/wasi/secret/k").statusCode());
    }
  }

  @Test
  void aStoreInUseByAnotherServerIsAClearStartError(@TempDir Path dir) throws IOException {
    Path manifest = app(dir, "\"default\"");
    try (WasmServer first = serve(manifest)) {
      ServeException e = assertThrows(ServeException.class, () -> serve(manifest));
      assertTrue(e.getMessage().contains("key-value store \"default\""), e.getMessage());
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }
  }

  @Test
  void theStateFolderCanBeChosen(@TempDir Path dir) throws IOException {
    Path state = dir.resolve("state");
    try (WasmServer server =
        WasmServer.start(
            Manifest.read(app(dir, "\"default\"")),
            TestApps.config(new TestApps.KeptLog()).withStateDir(state))) {
      ok(TestApps.send(server, "PUT", "/kv/spin/default/k", "v"));
    }
    assertTrue(Files.exists(state.resolve("key-value/default.kv")));
    assertTrue(Files.notExists(dir.resolve(".cortado")));
  }
}

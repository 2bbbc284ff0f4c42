package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.oci.LockedApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest locked for {@code cortado push} ({@link Manifest#lock}) and served back from the
 * locked app ({@link Manifest#fromLockedApp}) keeps what the server reads late: templated outbound
 * hosts and key-value store labels.
 */
class ManifestLockTest {
  @Test
  void templatedHostsAndStoresSurviveTheLockedApp(@TempDir Path dir) throws IOException {
    Files.copy(TestApps.component("http"), dir.resolve("http.wasm"));
    Path file =
        Files.writeString(
            dir.resolve("spin.toml"),
            """
            spin_manifest_version = 2
            [application]
            name = "locked"
            [variables]
            api = { default = "api.example.com" }
            [[trigger.http]]
            route = "/..."
            component = "app"
            [component.app]
            source = "http.wasm"
            allowed_outbound_hosts = ["https://example.com", "https://{{ api }}"]
            key_value_stores = ["default"]
            """);
    LockedApp locked = Manifest.read(file).lock();
    LockedApp.Component c = locked.component("app").orElseThrow();
    assertEquals(List.of("https://example.com:443", "https://{{ api }}"), c.allowedOutboundHosts());
    assertEquals(List.of("default"), c.keyValueStores());
    Component back =
        Manifest.fromLockedApp(locked, dir.resolve("locked.json")).components().get("app");
    assertEquals(1, back.allowedOutboundHosts().size());
    assertEquals(List.of("https://{{ api }}"), back.outboundHostTemplates());
    assertEquals(List.of("default"), back.keyValueStores());
  }
}

package dev.cortado.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasmImageTest {
  private static final byte[] MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};
  private static final ObjectMapper JSON = new ObjectMapper();

  private static void untar(Path tar, Path into) throws Exception {
    Files.createDirectories(into);
    Process p = new ProcessBuilder("tar", "-xf", tar.toString(), "-C", into.toString()).start();
    p.waitFor(30, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes()));
  }

  private static JsonNode blob(Path layout, String digest) throws Exception {
    return JSON.readTree(layout.resolve("blobs/sha256/" + digest.substring(7)).toFile());
  }

  @Test
  void theLayoutHoldsAnIndexAManifestAConfigAndTheModulesLayer(@TempDir Path dir) throws Exception {
    WasmImage image = WasmImage.of(MODULE, "/app/m.wasm", List.of("-v"), List.of("A=1"));
    Path tar = dir.resolve("image.tar");
    image.writeLayout(tar, "example.test/app:1");
    Path layout = dir.resolve("layout");
    untar(tar, layout);
    assertEquals(
        "1.0.0",
        JSON.readTree(layout.resolve("oci-layout").toFile()).get("imageLayoutVersion").asText());
    JsonNode top = JSON.readTree(layout.resolve("index.json").toFile()).get("manifests").get(0);
    assertEquals(image.digest().toString(), top.get("digest").asText());
    assertEquals(
        "example.test/app:1",
        top.get("annotations").get("org.opencontainers.image.ref.name").asText());
    JsonNode index = blob(layout, top.get("digest").asText());
    assertEquals("compat", index.get("annotations").get(WasmImage.VARIANT).asText());
    assertEquals(3, index.get("manifests").size());
    assertEquals("linux", index.get("manifests").get(0).get("platform").get("os").asText());
    JsonNode manifest = blob(layout, index.get("manifests").get(0).get("digest").asText());
    assertEquals(
        image.manifestDigest().toString(), index.get("manifests").get(1).get("digest").asText());
    assertEquals("compat", manifest.get("annotations").get(WasmImage.VARIANT).asText());
    JsonNode config = blob(layout, manifest.get("config").get("digest").asText()).get("config");
    assertEquals("/app/m.wasm", config.get("Entrypoint").get(0).asText());
    assertEquals("-v", config.get("Cmd").get(0).asText());
    assertEquals("A=1", config.get("Env").get(0).asText());
    String layer = manifest.get("layers").get(0).get("digest").asText();
    Path layerTar = dir.resolve("layer.tar");
    try (GZIPInputStream in =
        new GZIPInputStream(
            new ByteArrayInputStream(
                Files.readAllBytes(layout.resolve("blobs/sha256/" + layer.substring(7)))))) {
      Files.write(layerTar, in.readAllBytes());
    }
    untar(layerTar, dir.resolve("rootfs"));
    assertArrayEquals(MODULE, Files.readAllBytes(dir.resolve("rootfs/app/m.wasm")));
  }

  @Test
  void theSameModuleAndOptionsGiveTheSameDigests() {
    WasmImage a = WasmImage.of(MODULE, "/m.wasm", List.of(), List.of());
    assertEquals(a.digest(), WasmImage.of(MODULE, "/m.wasm", List.of(), List.of()).digest());
    assertNotEquals(a.digest(), WasmImage.of(MODULE, "/n.wasm", List.of(), List.of()).digest());
  }

  @Test
  void aRelativeEntrypointOrABadEnvironmentEntryIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> WasmImage.of(MODULE, "m.wasm", List.of(), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> WasmImage.of(MODULE, "/m.wasm", List.of(), List.of("NOVALUE")));
  }
}

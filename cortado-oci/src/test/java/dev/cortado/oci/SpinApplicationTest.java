package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cortado.oci.OciException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spin applications in Spin's OCI layout: {@link Oci#pushApplication}, {@link Oci#pullArtifact}.
 */
class SpinApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Oci oci(String store) {
    return Oci.create(
        RegistryClient.builder().retries(1, Duration.ofMillis(10), Duration.ofSeconds(1)).build(),
        LocalStore.open(dir.resolve(store)));
  }

  private LockedApp app() throws IOException {
    return demoApp(dir.resolve("app"));
  }

  /**
   * Two components sharing one module and one large file, a third with a module of its own; a small
   * file inlined. Their files are written into {@code folder}.
   */
  static LockedApp demoApp(Path folder) throws IOException {
    Files.createDirectories(folder);
    LockedApp.Content wasm =
        LockedApp.Content.of(Files.write(folder.resolve("shared.wasm"), TestModules.core("a")));
    LockedApp.Content other =
        LockedApp.Content.of(Files.write(folder.resolve("other.wasm"), TestModules.core("b", 300)));
    LockedApp.Content big =
        LockedApp.Content.of(Files.write(folder.resolve("big.txt"), "x".repeat(500).getBytes()));
    LockedApp.Content tiny =
        LockedApp.Content.of(Files.write(folder.resolve("tiny.txt"), "tiny\n".getBytes()));
    return new LockedApp(
        "demo",
        Optional.of("1.0"),
        Optional.of("a demo"),
        List.of("Ada"),
        Optional.of("file:///home/ada/demo/spin.toml"),
        "/",
        List.of(
            new LockedApp.Variable("greeting", Optional.of("hi"), false, Optional.empty()),
            new LockedApp.Variable("token", Optional.empty(), true, Optional.of("a token"))),
        List.of(
            new LockedApp.Trigger(
                "a-http-trigger", "http", "{\"route\":\"/a\",\"component\":\"a\"}"),
            new LockedApp.Trigger(
                "b-http-trigger", "http", "{\"route\":\"/b\",\"component\":\"b\"}")),
        List.of(
            new LockedApp.Component(
                "a",
                Optional.of("first"),
                wasm,
                Map.of("MODE", "x"),
                Map.of("greeting", "{{ greeting }}"),
                List.of("https://example.com:443"),
                List.of(
                    new LockedApp.File("static/big.txt", big),
                    new LockedApp.File("static/tiny.txt", tiny)),
                List.of("default", "cache")),
            new LockedApp.Component(
                "b",
                Optional.empty(),
                wasm,
                Map.of(),
                Map.of(),
                List.of(),
                List.of(new LockedApp.File("copy/big.txt", big)),
                List.of()),
            new LockedApp.Component(
                "c",
                Optional.empty(),
                other,
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                List.of())));
  }

  private static JsonNode manifestOf(RegistryClient client, Reference ref) throws Exception {
    return JSON.readTree(client.fetchManifest(ref).bytes());
  }

  @Test
  void roundTripsAnApplicationThroughTheRegistry() throws Exception {
    LockedApp app = app();
    try (RegistryDouble registry = new RegistryDouble()) {
      Reference ref = registry.ref("acme/demo:1");
      SpinApplication pushed = oci("pusher").pushApplication(app, ref, Map.of(), Progress.none());
      PulledArtifact pulled = oci("puller").pullArtifact(ref, Progress.none());

      SpinApplication spin = assertInstanceOf(SpinApplication.class, pulled);
      assertEquals(pushed.manifest(), spin.manifest());
      LockedApp back = spin.app();
      assertEquals("demo", back.name());
      assertEquals(Optional.of("1.0"), back.version());
      assertEquals(List.of("Ada"), back.authors());
      assertEquals(Optional.empty(), back.origin(), "the pusher's paths stay home, as with Spin");
      assertEquals(app.variables(), back.variables());
      assertEquals(app.triggers().get(0).id(), back.triggers().get(0).id());
      assertEquals(
          JSON.readTree(app.triggers().get(1).configJson()),
          JSON.readTree(back.triggers().get(1).configJson()));
      LockedApp.Component a = back.component("a").orElseThrow();
      assertEquals(Map.of("MODE", "x"), a.environment());
      assertEquals(Map.of("greeting", "{{ greeting }}"), a.config());
      assertEquals(List.of("https://example.com:443"), a.allowedOutboundHosts());
      assertEquals(List.of("default", "cache"), a.keyValueStores());
      assertEquals(Optional.of("first"), a.description());
      assertArrayEquals(TestModules.core("a"), Files.readAllBytes(a.source().file()));
      assertTrue(a.source().file().startsWith(dir.resolve("puller")), "from the store");
      assertEquals(List.of("static/big.txt", "static/tiny.txt"), paths(a));
      assertEquals("x".repeat(500), Files.readString(a.files().get(0).content().file()));
      assertEquals("tiny\n", Files.readString(a.files().get(1).content().file()));
      assertEquals(List.of("copy/big.txt"), paths(back.component("b").orElseThrow()));
      assertEquals(3, spin.fileCount());
    }
  }

  private static List<String> paths(LockedApp.Component c) {
    return c.files().stream().map(LockedApp.File::path).toList();
  }

  @Test
  void writesSpinsLayoutWithEachBlobOnce() throws Exception {
    LockedApp app = app();
    try (RegistryDouble registry = new RegistryDouble()) {
      Reference ref = registry.ref("acme/demo:1");
      oci("pusher").pushApplication(app, ref, Map.of("title", "given"), Progress.none());
      JsonNode manifest = manifestOf(oci("x").client(), ref);
      assertEquals(MediaTypes.OCI_IMAGE_CONFIG, manifest.at("/config/mediaType").asText());
      List<String> types = new ArrayList<>();
      List<String> digests = new ArrayList<>();
      manifest
          .path("layers")
          .forEach(
              l -> {
                types.add(l.path("mediaType").asText());
                digests.add(l.path("digest").asText());
              });
      // In Spin's order, component by component: a's module and large file (b's are the same
      // blobs), c's module; the tiny file inlined; the locked app last.
      assertEquals(
          List.of(
              MediaTypes.SPIN_WASM_LAYER,
              MediaTypes.SPIN_DATA_LAYER,
              MediaTypes.SPIN_WASM_LAYER,
              MediaTypes.SPIN_APPLICATION),
          types);
      assertEquals(digests.size(), digests.stream().distinct().count(), digests.toString());
      assertEquals("given", manifest.at("/annotations/org.opencontainers.image.title").asText());
      assertEquals("1.0", manifest.at("/annotations/org.opencontainers.image.version").asText());

      Reference configRef = ref;
      byte[] config = blob(registry, configRef, manifest.at("/config/digest").asText());
      assertEquals(
          digests.get(3),
          JSON.readTree(config).at("/config/Labels/com.fermyon.spin.lockedAppDigest").asText());
      JsonNode locked = JSON.readTree(blob(registry, ref, digests.get(3)));
      assertEquals(0, locked.path("spin_lock_version").asInt());
      assertFalse(locked.path("metadata").has("origin"));
      assertEquals("application/wasm", locked.at("/components/0/source/content_type").asText());
      assertEquals(digests.get(0), locked.at("/components/0/source/digest").asText());
      assertEquals("static/tiny.txt", locked.at("/components/0/files/1/path").asText());
      assertEquals("dGlueQo=", locked.at("/components/0/files/1/inline").asText());
      assertEquals(
          "https://example.com:443",
          locked.at("/components/0/metadata/allowed_outbound_hosts/0").asText());
      assertTrue(locked.at("/variables/token").has("description"));
      assertFalse(locked.at("/variables/token").has("default"), "required: no default");
    }
  }

  private byte[] blob(RegistryDouble registry, Reference ref, String digest) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    oci("x").client().fetchBlob(ref, Digest.parse(digest), -1, out, Progress.none());
    return out.toByteArray();
  }

  @Test
  void refusesALayerThatDoesNotMatchItsDigest() throws Exception {
    try (RegistryDouble registry = new RegistryDouble()) {
      Reference ref = registry.ref("acme/demo:1");
      SpinApplication pushed = oci("pusher").pushApplication(app(), ref, Map.of(), Progress.none());
      Digest big = pushed.app().component("a").orElseThrow().files().get(0).content().digest();
      registry.corrupt.add(big.toString());
      Oci puller = oci("puller");
      OciException e =
          assertThrows(OciException.class, () -> puller.pullArtifact(ref, Progress.none()));
      assertEquals(Kind.DIGEST_MISMATCH, e.kind(), e.getMessage());
      assertTrue(e.getMessage().contains(big.toString()), e.getMessage());
      assertFalse(puller.store().contains(big), "nothing kept under the digest");
    }
  }

  @Test
  void aModuleReferenceIsStillOneModule() throws Exception {
    try (RegistryDouble registry = new RegistryDouble()) {
      Reference module = registry.ref("acme/module:1");
      oci("pusher").push(TestModules.core("m"), module, Map.of(), Progress.none());
      assertInstanceOf(StoredImage.class, oci("puller").pullArtifact(module, Progress.none()));

      Reference app = registry.ref("acme/demo:1");
      oci("pusher").pushApplication(app(), app, Map.of(), Progress.none());
      OciException e =
          assertThrows(OciException.class, () -> oci("runner").pull(app, Progress.none()));
      assertEquals(Kind.NOT_WASM, e.kind());
      assertTrue(e.getMessage().contains("is a Spin application"), e.getMessage());
    }
  }

  @Test
  void resolvesAPulledApplicationFromTheStoreWithoutTheRegistry() throws Exception {
    Reference pinned;
    Oci runner = oci("runner");
    try (RegistryDouble registry = new RegistryDouble()) {
      Reference ref = registry.ref("acme/demo:1");
      SpinApplication pushed = oci("pusher").pushApplication(app(), ref, Map.of(), Progress.none());
      pinned = ref.atDigest(pushed.manifest());
      runner.resolveArtifact(pinned);
    }
    SpinApplication again = assertInstanceOf(SpinApplication.class, runner.resolveArtifact(pinned));
    assertEquals(3, again.app().components().size());
    assertEquals(
        "tiny\n",
        Files.readString(again.app().component("a").orElseThrow().files().get(1).content().file()));
  }

  /** Pushes {@code locked} as a locked app layer beside {@code layers}; returns the reference. */
  private Reference pushRaw(RegistryDouble registry, String locked, byte[]... layers) {
    Reference ref = registry.ref("acme/raw:1");
    RegistryClient client = oci("x").client();
    StringBuilder list = new StringBuilder();
    for (byte[] layer : layers) {
      Digest d = Digest.sha256(layer);
      client.pushBlob(ref, d, layer, List.of(), Progress.none());
      list.append(descriptor(MediaTypes.SPIN_WASM_LAYER, d, layer.length)).append(',');
    }
    byte[] lockedBytes = locked.getBytes(StandardCharsets.UTF_8);
    Digest lockedDigest = Digest.sha256(lockedBytes);
    client.pushBlob(ref, lockedDigest, lockedBytes, List.of(), Progress.none());
    byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
    client.pushBlob(ref, Digest.sha256(config), config, List.of(), Progress.none());
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MediaTypes.OCI_MANIFEST
            + "\",\"config\":"
            + descriptor(MediaTypes.OCI_IMAGE_CONFIG, Digest.sha256(config), config.length)
            + ",\"layers\":["
            + list
            + descriptor(MediaTypes.SPIN_APPLICATION, lockedDigest, lockedBytes.length)
            + "]}";
    client.pushManifest(ref, MediaTypes.OCI_MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
    return ref;
  }

  private static String descriptor(String type, Digest d, long size) {
    return "{\"mediaType\":\"" + type + "\",\"digest\":\"" + d + "\",\"size\":" + size + "}";
  }

  private static String lockedWith(String wasmDigest, String filesJson) {
    return "{\"spin_lock_version\":1,\"metadata\":{\"name\":\"raw\"},\"triggers\":[],"
        + "\"components\":[{\"id\":\"c\",\"source\":{\"content_type\":\"application/wasm\","
        + "\"digest\":\""
        + wasmDigest
        + "\"},\"files\":"
        + filesJson
        + "}]}";
  }

  private OciException pullFails(Reference ref) {
    return assertThrows(OciException.class, () -> oci("puller").pullArtifact(ref, Progress.none()));
  }

  @Test
  void refusesFilePathsThatLeaveTheApplication() throws Exception {
    byte[] wasm = TestModules.core("w");
    String d = Digest.sha256(wasm).toString();
    for (String path : List.of("../x", "/etc/passwd", "a/../../b", "a//b", "./a", "a\\\\..\\\\b")) {
      try (RegistryDouble registry = new RegistryDouble()) {
        String files = "[{\"path\":\"" + path + "\",\"inline\":\"eA==\"}]";
        OciException e = pullFails(pushRaw(registry, lockedWith(d, files), wasm));
        assertEquals(Kind.UNSAFE_ARCHIVE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("leaves the application's folder"), e.getMessage());
        assertTrue(e.getMessage().contains("components[0].files[0]"), e.getMessage());
      }
    }
    LockedApp.Content c = new LockedApp.Content(Digest.sha256(wasm), 1, dir);
    assertThrows(OciException.class, () -> new LockedApp.File("../escape", c));
  }

  @Test
  void refusesHostileLockedAppsInOneLine() throws Exception {
    byte[] wasm = TestModules.core("w");
    String d = Digest.sha256(wasm).toString();
    String missing = Digest.sha256(new byte[] {1}).toString();
    Map<String, String> cases =
        Map.of(
            "{not json",
            "is not valid JSON",
            "{\"spin_lock_version\":7,\"triggers\":[],\"components\":[]}",
            "spin_lock_version: unknown version 7",
            "{\"triggers\":[],\"components\":[]}",
            "spin_lock_version: missing",
            lockedWith(missing, "[]"),
            "is in none of its layers",
            lockedWith(d, "[{\"path\":\"a\",\"inline\":\"eA==\",\"digest\":\"" + d + "\"}]"),
            "does not match its digest",
            lockedWith(d, "[{\"path\":\"a\"}]"),
            "components[0].files[0].digest: missing",
            "{\"spin_lock_version\":1,\"triggers\":[],\"components\":[],"
                + "\"host_requirements\":{\"local_service_chaining\":\"required\"}}",
            "host_requirements.local_service_chaining");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      try (RegistryDouble registry = new RegistryDouble()) {
        OciException e = pullFails(pushRaw(registry, c.getKey(), wasm));
        assertTrue(e.getMessage().contains(c.getValue()), c.getKey() + " → " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
      }
    }
  }

  @Test
  void readsSpinsEarlierLayoutWhoseConfigIsTheLockedApp() throws Exception {
    byte[] wasm = TestModules.core("old");
    Digest d = Digest.sha256(wasm);
    byte[] locked = lockedWith(d.toString(), "[]").getBytes(StandardCharsets.UTF_8);
    try (RegistryDouble registry = new RegistryDouble()) {
      Reference ref = registry.ref("acme/old:1");
      RegistryClient client = oci("x").client();
      client.pushBlob(ref, d, wasm, List.of(), Progress.none());
      client.pushBlob(ref, Digest.sha256(locked), locked, List.of(), Progress.none());
      String manifest =
          "{\"schemaVersion\":2,\"config\":"
              + descriptor(MediaTypes.SPIN_APPLICATION, Digest.sha256(locked), locked.length)
              + ",\"layers\":["
              + descriptor(MediaTypes.SPIN_WASM_LAYER, d, wasm.length)
              + "]}";
      client.pushManifest(ref, MediaTypes.OCI_MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
      SpinApplication app =
          assertInstanceOf(SpinApplication.class, oci("puller").pullArtifact(ref, Progress.none()));
      assertEquals("raw", app.app().name());
      assertArrayEquals(wasm, Files.readAllBytes(app.app().components().get(0).source().file()));
    }
  }
}

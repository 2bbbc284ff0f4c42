package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cortado.oci.testing.RealRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push and pull against the real distribution registry without authentication. */
class OpenRegistryTest {
  @TempDir static Path registryDir;
  @TempDir Path dir;

  private static RealRegistry registry;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    registry = RealRegistry.open(registryDir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (registry != null) {
      registry.close();
    }
  }

  private Oci oci(String store) {
    return oci(store, RegistryClient.builder().build());
  }

  private Oci oci(String store, RegistryClient client) {
    return Oci.create(client, LocalStore.open(dir.resolve(store)));
  }

  private static byte[] moduleBytes(StoredImage image) throws Exception {
    return Files.readAllBytes(image.path());
  }

  @Test
  void pushThenPullRoundTripsAModuleInTheCncfLayout() throws Exception {
    byte[] module = TestModules.core("roundtrip");
    Reference ref = registry.ref("acme/hello:1.0");
    PushResult pushed =
        oci("pusher")
            .push(
                module,
                ref,
                Map.of("title", "hello", "org.opencontainers.image.authors", "Ada"),
                Progress.none());
    assertEquals(Digest.sha256(module), pushed.module());
    assertEquals("wasip1", pushed.os());
    assertEquals(BlobOutcome.UPLOADED, pushed.moduleOutcome());

    StoredImage pulled = oci("puller").pull(ref, Progress.none());
    assertArrayEquals(module, moduleBytes(pulled));
    assertEquals(pushed.manifest(), pulled.manifest());

    RegistryClient client = RegistryClient.builder().build();
    RawManifest raw = client.fetchManifest(ref);
    assertEquals(MediaTypes.OCI_MANIFEST, raw.mediaType());
    JsonNode manifest = JSON.readTree(raw.bytes());
    assertEquals(2, manifest.path("schemaVersion").asInt());
    assertEquals(MediaTypes.WASM_CONFIG_V0, manifest.path("config").path("mediaType").asText());
    assertEquals(1, manifest.path("layers").size());
    assertEquals("application/wasm", manifest.path("layers").get(0).path("mediaType").asText());
    assertEquals(
        "hello", manifest.path("annotations").path("org.opencontainers.image.title").asText());

    Digest configDigest = Digest.parse(manifest.path("config").path("digest").asText());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    client.fetchBlob(ref, configDigest, -1, out, Progress.none());
    JsonNode config = JSON.readTree(out.toByteArray());
    assertEquals("wasm", config.path("architecture").asText());
    assertEquals("wasip1", config.path("os").asText());
    assertEquals("Ada", config.path("author").asText());
    assertEquals(
        List.of(pushed.module().toString()), List.of(config.path("layerDigests").get(0).asText()));
    assertTrue(config.path("component").isNull());
    assertTrue(
        config.path("created").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), config.toString());
    assertEquals(pulled.created(), config.path("created").asText());
  }

  @Test
  void componentsArePushedAsWasip2WithTheirImportsAndExports() throws Exception {
    byte[] component = TestModules.component("wasi:cli/environment@0.2.0", "wasi:cli/run@0.2.0");
    Reference ref = registry.ref("acme/component:0.1");
    PushResult pushed = oci("s").push(component, ref, Map.of(), Progress.none());
    assertEquals("wasip2", pushed.os());
    RegistryClient client = RegistryClient.builder().build();
    JsonNode manifest = JSON.readTree(client.fetchManifest(ref).bytes());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    client.fetchBlob(
        ref,
        Digest.parse(manifest.path("config").path("digest").asText()),
        -1,
        out,
        Progress.none());
    JsonNode config = JSON.readTree(out.toByteArray());
    assertEquals("wasip2", config.path("os").asText());
    assertEquals(
        "wasi:cli/environment@0.2.0", config.path("component").path("imports").get(0).asText());
    assertEquals("wasi:cli/run@0.2.0", config.path("component").path("exports").get(0).asText());
  }

  @Test
  void mountsAModuleFromAnotherRepositoryAndSkipsWhatExists() throws Exception {
    byte[] module = TestModules.core("mount");
    Oci oci = oci("s");
    oci.push(module, registry.ref("team/source:1"), Map.of(), Progress.none());
    PushResult second = oci.push(module, registry.ref("team/target:1"), Map.of(), Progress.none());
    assertEquals(BlobOutcome.MOUNTED, second.moduleOutcome());
    PushResult third = oci.push(module, registry.ref("team/target:2"), Map.of(), Progress.none());
    assertEquals(BlobOutcome.EXISTED, third.moduleOutcome());
    assertArrayEquals(
        module, moduleBytes(oci("p").pull(registry.ref("team/target:1"), Progress.none())));
  }

  @Test
  void uploadsLargeBlobsInChunks() throws Exception {
    byte[] module = TestModules.core("big", 5 * 1024 * 1024 + 123);
    Reference ref = registry.ref("acme/big:1");
    RegistryClient chunky = RegistryClient.builder().chunkSize(1024 * 1024).build();
    long[] reports = {0};
    PushResult pushed =
        oci("s", chunky).push(module, ref, Map.of(), (what, done, total) -> reports[0]++);
    assertEquals(BlobOutcome.UPLOADED_IN_CHUNKS, pushed.moduleOutcome());
    assertEquals(6, reports[0], "one progress report per chunk");
    assertArrayEquals(module, moduleBytes(oci("p").pull(ref, Progress.none())));
  }

  @Test
  void pullsByDigestAndFailsForAnUnknownDigestOrTag() throws Exception {
    byte[] module = TestModules.core("bydigest");
    PushResult pushed =
        oci("s").push(module, registry.ref("acme/pinned:1"), Map.of(), Progress.none());
    Reference pinned = Reference.parse(registry.host() + "/acme/pinned@" + pushed.manifest());
    Oci puller = oci("p");
    StoredImage image = puller.pull(pinned, Progress.none());
    assertArrayEquals(module, moduleBytes(image));
    assertEquals(image.path(), puller.resolve(pinned.toString()));

    Reference unknown =
        Reference.parse(registry.host() + "/acme/pinned@" + Digest.sha256(new byte[1]));
    OciException e = assertThrows(OciException.class, () -> puller.pull(unknown, Progress.none()));
    assertEquals(OciException.Kind.NOT_FOUND, e.kind(), e.getMessage());
    OciException tag =
        assertThrows(
            OciException.class,
            () -> puller.pull(registry.ref("acme/pinned:nope"), Progress.none()));
    assertEquals(OciException.Kind.NOT_FOUND, tag.kind(), tag.getMessage());
    assertTrue(tag.getMessage().contains("MANIFEST_UNKNOWN"), tag.getMessage());
  }

  @Test
  void resolvesAnIndexByPlatformThenByArtifactType() throws Exception {
    byte[] core = TestModules.core("index-core");
    byte[] component = TestModules.component("a:b/c", "d:e/f");
    Oci oci = oci("s");
    PushResult p1 = oci.push(core, registry.ref("acme/multi:core"), Map.of(), Progress.none());
    PushResult p2 =
        oci.push(component, registry.ref("acme/multi:component"), Map.of(), Progress.none());
    RegistryClient client = RegistryClient.builder().build();
    long s1 = client.fetchManifest(registry.ref("acme/multi:core")).bytes().length;
    long s2 = client.fetchManifest(registry.ref("acme/multi:component")).bytes().length;
    String both =
        """
        {"schemaVersion":2,"mediaType":"%s","manifests":[
        {"mediaType":"%s","digest":"%s","size":%d,"platform":{"architecture":"wasm","os":"wasip2"}},
        {"mediaType":"%s","digest":"%s","size":%d,"platform":{"architecture":"wasm","os":"wasip1"}}]}"""
            .formatted(
                MediaTypes.OCI_INDEX,
                MediaTypes.OCI_MANIFEST,
                p2.manifest(),
                s2,
                MediaTypes.OCI_MANIFEST,
                p1.manifest(),
                s1);
    client.pushManifest(
        registry.ref("acme/multi:both"),
        MediaTypes.OCI_INDEX,
        both.getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(
        core, moduleBytes(oci("p1").pull(registry.ref("acme/multi:both"), Progress.none())));

    String byType =
        """
        {"schemaVersion":2,"mediaType":"%s","manifests":[
        {"mediaType":"%s","digest":"%s","size":%d,"artifactType":"%s"}]}"""
            .formatted(
                MediaTypes.OCI_INDEX,
                MediaTypes.OCI_MANIFEST,
                p2.manifest(),
                s2,
                MediaTypes.WASM_CONFIG_V0);
    client.pushManifest(
        registry.ref("acme/multi:typed"),
        MediaTypes.OCI_INDEX,
        byType.getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(
        component, moduleBytes(oci("p2").pull(registry.ref("acme/multi:typed"), Progress.none())));
  }

  @Test
  void pullsEveryLegacyLayout() throws Exception {
    String host = registry.host();
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    byte[] imageConfig =
        "{\"architecture\":\"wasm\",\"os\":\"wasip2\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
            .getBytes(StandardCharsets.UTF_8);
    record Layout(
        String tag, String manifestType, String configType, byte[] config, String layerType) {}
    List<Layout> layouts =
        List.of(
            new Layout(
                "wasm-to-oci",
                MediaTypes.OCI_MANIFEST,
                MediaTypes.WASM_CONFIG_V1,
                empty,
                "application/vnd.wasm.content.layer.v1+wasm"),
            new Layout(
                "docker-v2",
                MediaTypes.DOCKER_MANIFEST,
                "application/vnd.docker.container.image.v1+json",
                imageConfig,
                "application/vnd.wasm.content.layer.v1+wasm"),
            new Layout(
                "wasmcloud-old",
                MediaTypes.OCI_MANIFEST,
                "application/vnd.oci.image.config.v1+json",
                imageConfig,
                "application/vnd.module.wasm.content.layer.v1+wasm"),
            new Layout(
                "runwasi",
                MediaTypes.OCI_MANIFEST,
                "application/vnd.oci.image.config.v1+json",
                imageConfig,
                "application/vnd.bytecodealliance.wasm.component.layer.v0+wasm"));
    for (Layout l : layouts) {
      byte[] module = TestModules.core("legacy-" + l.tag());
      RawRegistryHttp.blob(host, "legacy/app", l.config());
      RawRegistryHttp.blob(host, "legacy/app", module);
      RawRegistryHttp.manifest(
          host,
          "legacy/app",
          l.tag(),
          l.manifestType(),
          RawRegistryHttp.manifestJson(
              l.manifestType(), l.configType(), l.config(), l.layerType(), module));
      StoredImage image =
          oci("p-" + l.tag()).pull(registry.ref("legacy/app:" + l.tag()), Progress.none());
      assertArrayEquals(module, moduleBytes(image), l.tag());
    }
  }

  @Test
  void aContainerImageIsRejectedNamingItsMediaTypes() throws Exception {
    String host = registry.host();
    byte[] config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
    byte[] layer = "not a tarball".getBytes(StandardCharsets.UTF_8);
    RawRegistryHttp.blob(host, "images/nginx", config);
    RawRegistryHttp.blob(host, "images/nginx", layer);
    String type = "application/vnd.oci.image.layer.v1.tar+gzip";
    RawRegistryHttp.manifest(
        host,
        "images/nginx",
        "latest",
        MediaTypes.OCI_MANIFEST,
        RawRegistryHttp.manifestJson(
            MediaTypes.OCI_MANIFEST,
            "application/vnd.oci.image.config.v1+json",
            config,
            type,
            layer));
    Oci puller = oci("p");
    OciException e =
        assertThrows(
            OciException.class, () -> puller.pull(registry.ref("images/nginx"), Progress.none()));
    assertEquals(OciException.Kind.NOT_WASM, e.kind());
    assertTrue(e.getMessage().contains(type), e.getMessage());
    assertTrue(puller.store().images().isEmpty());
  }

  @Test
  void listsTags() throws Exception {
    Oci oci = oci("s");
    for (String tag : List.of("1.0", "1.1", "2.0")) {
      oci.push(
          TestModules.core("tags" + tag),
          registry.ref("acme/tagged:" + tag),
          Map.of(),
          Progress.none());
    }
    assertEquals(
        List.of("1.0", "1.1", "2.0"),
        RegistryClient.builder().build().listTags(registry.ref("acme/tagged")).stream()
            .sorted()
            .toList());
  }
}

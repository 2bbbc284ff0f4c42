package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults a real registry will not produce on demand, injected by {@link RegistryDouble}. */
class FaultInjectionTest {
  @TempDir Path dir;
  private RegistryDouble registry;

  @BeforeEach
  void start() throws Exception {
    registry = new RegistryDouble();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private Oci oci(String store, int chunkSize) {
    return Oci.create(
        RegistryClient.builder()
            .retries(4, Duration.ofMillis(10), Duration.ofSeconds(5))
            .chunkSize(chunkSize)
            .build(),
        LocalStore.open(dir.resolve(store)));
  }

  private Oci oci(String store) {
    return oci(store, RegistryClient.DEFAULT_CHUNK_SIZE);
  }

  private PushResult pushed(String repoTag, byte[] module) {
    return oci("pusher").push(module, registry.ref(repoTag), Map.of(), Progress.none());
  }

  private OciException pullFails(Oci oci, String repoTag) {
    return assertThrows(OciException.class, () -> oci.pull(registry.ref(repoTag), Progress.none()));
  }

  @Test
  void aCorruptedBlobIsRejectedAndNothingIsStoredUnderItsDigest() throws Exception {
    PushResult p = pushed("acme/app:1", TestModules.core("corrupt", 4096));
    registry.corrupt.add(p.module().toString());
    Oci puller = oci("p");
    OciException e = pullFails(puller, "acme/app:1");
    assertEquals(OciException.Kind.DIGEST_MISMATCH, e.kind(), e.getMessage());
    assertFalse(puller.store().contains(p.module()));
    assertTrue(puller.store().images().isEmpty());
    StoreAssertions.assertIntact(puller.store());
  }

  @Test
  void aTruncatedTransferFailsAndLeavesNoHalfFile() throws Exception {
    PushResult p = pushed("acme/app:1", TestModules.core("truncate", 200_000));
    registry.truncate.add(p.module().toString());
    Oci puller = oci("p");
    OciException e = pullFails(puller, "acme/app:1");
    assertEquals(OciException.Kind.NETWORK, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains("broke after"), e.getMessage());
    assertTrue(e.getMessage().contains("closed the connection mid-transfer"), e.getMessage());
    assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    assertFalse(puller.store().contains(p.module()));
    StoreAssertions.assertIntact(puller.store());
    registry.truncate.clear();
    assertEquals(p.module(), puller.pull(registry.ref("acme/app:1"), Progress.none()).module());
  }

  @Test
  void serverErrorsOnReadsAreRetried() throws Exception {
    byte[] module = TestModules.core("retry");
    pushed("acme/app:1", module);
    registry.fail("GET /v2/acme/app/manifests/1", 500, 2);
    registry.fail("GET /v2/acme/app/blobs/.*", 503, 1);
    int before = registry.log.size();
    StoredImage image = oci("p").pull(registry.ref("acme/app:1"), Progress.none());
    assertArrayEquals(module, Files.readAllBytes(image.path()));
    assertEquals(
        3,
        registry.log.subList(before, registry.log.size()).stream()
            .filter(l -> l.startsWith("GET /v2/acme/app/manifests/1"))
            .count());
  }

  @Test
  void tooManyRequestsWaitsAsRetryAfterSays() throws Exception {
    byte[] module = TestModules.core("429");
    pushed("acme/app:1", module);
    registry.fail("GET /v2/acme/app/manifests/1", 429, "1", null);
    long start = System.nanoTime();
    StoredImage image = oci("p").pull(registry.ref("acme/app:1"), Progress.none());
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    assertTrue(millis >= 950, "waited " + millis + " ms");
    assertArrayEquals(module, Files.readAllBytes(image.path()));
  }

  @Test
  void persistentServerErrorsFailWithAClearMessage() throws Exception {
    pushed("acme/app:1", TestModules.core("down"));
    registry.fail("GET /v2/acme/app/manifests/1", 503, 10);
    Oci puller = oci("p");
    OciException e = pullFails(puller, "acme/app:1");
    assertEquals(OciException.Kind.REGISTRY_ERROR, e.kind());
    assertTrue(e.getMessage().contains("try again later"), e.getMessage());
    assertEquals(4, registry.count("GET /v2/acme/app/manifests/1"));
    StoreAssertions.assertIntact(puller.store());
  }

  @Test
  void aServerErrorDuringAnUploadRestartsTheUpload() {
    registry.fail("PUT /v2/acme/app/blobs/uploads/.*", 500, 1);
    byte[] module = TestModules.core("restart");
    PushResult p = pushed("acme/app:1", module);
    assertEquals(BlobOutcome.UPLOADED, p.moduleOutcome());
    assertEquals(
        3, registry.count("POST /v2/acme/app/blobs/uploads/"), "module twice, config once");
  }

  @Test
  void aTokenThatExpiresMidPushIsRenewedAndTheChunkSentAgain() throws Exception {
    registry.bearer = true;
    registry.expireTokensOnFirstPatch = true;
    byte[] module = TestModules.core("expiry", 300_000);
    PushResult p =
        oci("s", 100_000).push(module, registry.ref("acme/app:1"), Map.of(), Progress.none());
    assertEquals(BlobOutcome.UPLOADED_IN_CHUNKS, p.moduleOutcome());
    assertEquals(2, registry.tokensIssued);
    assertEquals(5, registry.count("PATCH "), "4 chunks, the first sent twice");
    assertEquals(0, registry.chunkRejections);
    StoredImage image = oci("p").pull(registry.ref("acme/app:1"), Progress.none());
    assertArrayEquals(module, Files.readAllBytes(image.path()));
  }

  @Test
  void chunksAlwaysContinueAtTheNewestLocation() throws Exception {
    byte[] module = TestModules.core("chunks", 1_000_000);
    long[] last = {0};
    PushResult p =
        oci("s", 256 * 1024)
            .push(module, registry.ref("acme/app:1"), Map.of(), (w, done, total) -> last[0] = done);
    assertEquals(BlobOutcome.UPLOADED_IN_CHUNKS, p.moduleOutcome());
    assertEquals(4, registry.count("PATCH "));
    assertEquals(0, registry.chunkRejections);
    assertEquals(module.length, last[0]);
  }

  @Test
  void aRegistryRefusingChunksGetsOneMonolithicUpload() throws Exception {
    registry.refuseChunks = true;
    byte[] module = TestModules.core("nochunks", 300_000);
    PushResult p =
        oci("s", 100_000).push(module, registry.ref("acme/app:1"), Map.of(), Progress.none());
    assertEquals(BlobOutcome.UPLOADED, p.moduleOutcome());
    assertEquals(1, registry.count("PATCH "));
    StoredImage image = oci("p").pull(registry.ref("acme/app:1"), Progress.none());
    assertArrayEquals(module, Files.readAllBytes(image.path()));
  }

  @Test
  void aTokenRealmThatIsNoHttpAddressIsARegistryError() {
    registry.bearer = true;
    for (String realm :
        List.of("not a url", "/token", "ftp://example.com/t", "file:///etc/x", "")) {
      registry.realm = realm;
      OciException e = pullFails(oci("p"), "acme/app:1");
      assertEquals(OciException.Kind.REGISTRY_ERROR, e.kind(), realm + ": " + e.getMessage());
      assertTrue(e.getMessage().contains("token"), e.getMessage());
    }
  }

  @Test
  void aRedirectOrUploadLocationThatIsNoHttpAddressIsARegistryError() {
    pushed("acme/app:1", TestModules.core("locations"));
    List<String> locations = List.of("http://[broken", "file:///etc/passwd", "ftp://x/y", "^^");
    for (int i = 0; i < locations.size(); i++) {
      String location = locations.get(i);
      registry.answer("GET /v2/acme/app/blobs/.*", 307, Map.of("Location", location));
      OciException pull = pullFails(oci("p"), "acme/app:1");
      assertEquals(OciException.Kind.REGISTRY_ERROR, pull.kind(), pull.getMessage());
      assertTrue(pull.getMessage().contains(location), pull.getMessage());
      registry.answer("POST /v2/acme/app/blobs/uploads/", 202, Map.of("Location", location));
      byte[] module = TestModules.core("locations" + i);
      OciException push =
          assertThrows(
              OciException.class,
              () -> oci("s").push(module, registry.ref("acme/app:2"), Map.of(), Progress.none()));
      assertEquals(OciException.Kind.REGISTRY_ERROR, push.kind(), push.getMessage());
      assertTrue(push.getMessage().contains(location), push.getMessage());
    }
  }

  @Test
  void aBlobRedirectedToAnotherHostGetsNoAuthorization() throws Exception {
    registry.bearer = true;
    byte[] module = TestModules.core("redirect");
    pushed("acme/app:1", module);
    registry.redirectBlobs = true;
    StoredImage image = oci("p").pull(registry.ref("acme/app:1"), Progress.none());
    assertArrayEquals(module, Files.readAllBytes(image.path()));
    assertTrue(registry.log.stream().anyMatch(l -> l.matches("GET /v2/acme/app/blobs/.* Bearer")));
    assertFalse(registry.cdnAuthorizations.isEmpty());
    for (String a : registry.cdnAuthorizations) {
      assertEquals("-", a, "Authorization must not follow a redirect to another host");
    }
  }

  @Test
  void aManifestWhoseBytesDoNotMatchTheDigestIsRejected() {
    PushResult p = pushed("acme/app:1", TestModules.core("mdigest"));
    registry.wrongManifestBytes.put(
        p.manifest().toString(), "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8));
    Oci puller = oci("p");
    OciException e = pullFails(puller, "acme/app@" + p.manifest());
    assertEquals(OciException.Kind.DIGEST_MISMATCH, e.kind(), e.getMessage());
  }

  @Test
  void errorCodesBecomeKindsWithAdvice() {
    registry.fail(
        "GET /v2/acme/gone/manifests/1",
        404,
        null,
        "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known\"}]}");
    registry.fail(
        "GET /v2/acme/secret/manifests/1",
        403,
        null,
        "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access is denied\"}]}");
    registry.fail("GET /v2/acme/plain/manifests/1", 404, null, null);
    Oci puller = oci("p");
    OciException gone = pullFails(puller, "acme/gone:1");
    assertEquals(OciException.Kind.NAME_UNKNOWN, gone.kind());
    assertTrue(gone.getMessage().contains("repository does not exist"), gone.getMessage());
    OciException denied = pullFails(puller, "acme/secret:1");
    assertEquals(OciException.Kind.DENIED, denied.kind());
    assertTrue(denied.getMessage().contains("access denied"), denied.getMessage());
    assertEquals(OciException.Kind.NOT_FOUND, pullFails(puller, "acme/plain:1").kind());
  }
}

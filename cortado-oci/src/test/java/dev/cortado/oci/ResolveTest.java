package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Oci#resolve}: what {@code cortado run REF} calls. */
class ResolveTest {
  @TempDir Path dir;

  private Oci oci(String store) {
    return Oci.create(
        RegistryClient.builder().retries(2, Duration.ofMillis(10), Duration.ofSeconds(1)).build(),
        LocalStore.open(dir.resolve(store)));
  }

  @Test
  void digestsComeFromTheStoreAndTagsAreResolvedAgain() throws Exception {
    Oci runner = oci("runner");
    Reference tag;
    PushResult first;
    byte[] v2 = TestModules.core("v2");
    try (RegistryDouble registry = new RegistryDouble()) {
      tag = registry.ref("acme/app:latest");
      first = oci("pusher").push(TestModules.core("v1"), tag, Map.of(), Progress.none());
      Path p1 = runner.resolve(tag.toString());
      assertEquals(first.module(), Digest.sha256(Files.readAllBytes(p1)));

      oci("pusher").push(v2, tag, Map.of(), Progress.none());
      assertArrayEquals(v2, Files.readAllBytes(runner.resolve(tag.toString())), "the tag moved");

      long manifestGets = registry.count("GET /v2/acme/app/manifests/");
      Reference pinned = tag.atDigest(first.manifest());
      runner.resolve(pinned.toString());
      runner.resolve(pinned.toString());
      assertEquals(manifestGets + 1, registry.count("GET /v2/acme/app/manifests/"), "pulled once");
    }
    // The registry is gone: digests and tags pulled before still resolve.
    assertEquals(
        first.module(),
        Digest.sha256(Files.readAllBytes(runner.resolve(tag.atDigest(first.manifest())))));
    assertArrayEquals(v2, Files.readAllBytes(runner.resolve(tag)));
    OciException never =
        assertThrows(OciException.class, () -> oci("fresh").resolve(tag.toString()));
    assertEquals(OciException.Kind.NETWORK, never.kind(), never.getMessage());
    assertTrue(never.getMessage().contains("connection refused"), never.getMessage());
  }
}

package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** References parsed as Docker parses them. */
class ReferenceTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // input, registry, repository, tag, digest?, canonical
    "hello, docker.io, library/hello, latest, , docker.io/library/hello:latest",
    "acme/app:1.0, docker.io, acme/app, 1.0, , docker.io/acme/app:1.0",
    "docker.io/hello, docker.io, library/hello, latest, , docker.io/library/hello:latest",
    "index.docker.io/acme/app, docker.io, acme/app, latest, , docker.io/acme/app:latest",
    "ghcr.io/acme/tools/app:v2, ghcr.io, acme/tools/app, v2, , ghcr.io/acme/tools/app:v2",
    "localhost/app, localhost, app, latest, , localhost/app:latest",
    "localhost:5000/a/b:x_Y.z-1, localhost:5000, a/b, x_Y.z-1, , localhost:5000/a/b:x_Y.z-1",
    "127.0.0.1:5000/app:1, 127.0.0.1:5000, app, 1, , 127.0.0.1:5000/app:1",
    "reg.io/a.b/c__d/e-f--g:t, reg.io, a.b/c__d/e-f--g, t, , reg.io/a.b/c__d/e-f--g:t",
  })
  void parsesLikeDocker(
      String input,
      String registry,
      String repository,
      String tag,
      String digest,
      String canonical) {
    Reference r = Reference.parse(input);
    assertEquals(registry, r.registry());
    assertEquals(repository, r.repository());
    assertEquals(tag, r.tag().orElse(null));
    assertEquals(canonical, r.toString());
  }

  @Test
  void digestsPinAReferenceAndKeepTheTagForDisplay() {
    String hex = "a".repeat(64);
    Reference byDigest = Reference.parse("ghcr.io/acme/app@sha256:" + hex);
    assertTrue(byDigest.tag().isEmpty());
    assertEquals("sha256:" + hex, byDigest.manifestReference());
    Reference both = Reference.parse("ghcr.io/acme/app:1@sha256:" + hex);
    assertEquals("1", both.tag().orElseThrow());
    assertEquals("sha256:" + hex, both.manifestReference());
    assertEquals("ghcr.io/acme/app:1@sha256:" + hex, both.toString());
  }

  @Test
  void dockerHubIsReachedAtItsApiHostAndLoopbackOverHttp() {
    assertEquals("registry-1.docker.io", Reference.parse("hello").endpoint());
    assertTrue(Reference.parse("localhost:5000/a").isLoopback());
    assertTrue(Reference.parse("127.0.0.1/a").isLoopback());
    assertTrue(!Reference.parse("ghcr.io/a").isLoopback());
    RegistryClient client = RegistryClient.builder().build();
    assertEquals("https", client.baseUri(Reference.parse("ghcr.io/a")).getScheme());
    assertEquals("http", client.baseUri(Reference.parse("localhost:5000/a")).getScheme());
    assertEquals(
        "http",
        RegistryClient.builder()
            .insecure(true)
            .build()
            .baseUri(Reference.parse("reg.lan/a"))
            .getScheme());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | it is empty",
        "Acme/App | must be lowercase",
        "acme//app | must be lowercase",
        "acme/app_ | must be lowercase",
        "acme/app:-bad | tag '-bad' must match",
        "acme/app:" + "| tag '' must match",
        "acme/app@sha256:abc | invalid digest",
        "acme/app@md5:" + "0123456789abcdef0123456789abcdef | invalid digest",
      })
  void rejectsInvalidReferencesSayingWhy(String input, String reason) {
    OciException e = assertThrows(OciException.class, () -> Reference.parse(input));
    assertEquals(OciException.Kind.INVALID_REFERENCE, e.kind());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void rejectsTagsLongerThan128() {
    assertThrows(OciException.class, () -> Reference.parse("a:" + "t".repeat(129)));
    assertEquals("t".repeat(128), Reference.parse("a:" + "t".repeat(128)).tag().orElseThrow());
  }

  @Test
  void tellsReferencesFromFileArguments() {
    assertTrue(Oci.isReference("ghcr.io/acme/app:1"));
    assertTrue(Oci.isReference("localhost:5000/app"));
    assertTrue(Oci.isReference("acme/app@sha256:" + "b".repeat(64)));
    assertTrue(!Oci.isReference("hello.wasm"));
    assertTrue(!Oci.isReference("dir/prog"), "no registry written: a file path");
    assertTrue(!Oci.isReference("pom.xml"), "an existing file");
  }
}

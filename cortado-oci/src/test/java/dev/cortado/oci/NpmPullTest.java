package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.testing.NpmRegistryDouble;
import dev.cortado.oci.testing.TarGz;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
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

/** {@link Npm} against a registry double on loopback, with the store in a temporary folder. */
class NpmPullTest {
  private static final String PACKAGE_JSON = "{\"name\":\"x\",\"version\":\"1.0.0\"}";

  @TempDir Path dir;
  private NpmRegistryDouble registry;
  private LocalStore store;

  @BeforeEach
  void start() throws IOException {
    registry = NpmRegistryDouble.start(Files.createDirectory(dir.resolve("registry")));
    store = LocalStore.open(dir.resolve("store"));
  }

  @AfterEach
  void stop() throws IOException {
    registry.close();
    StoreAssertions.assertIntact(store);
  }

  private NpmSettings settings() {
    return NpmSettings.defaults()
        .withRegistry(URI.create(registry.url()))
        .withRetries(2, Duration.ofMillis(10));
  }

  private Npm npm() {
    return Npm.create(settings(), store);
  }

  private StoredImage pull(String ref) {
    return npm().pull(NpmReference.parse(ref), Progress.none());
  }

  private OciException pullFails(String ref, OciException.Kind kind, String message) {
    return pullFails(npm(), ref, kind, message);
  }

  private static OciException pullFails(
      Npm npm, String ref, OciException.Kind kind, String message) {
    OciException e =
        assertThrows(OciException.class, () -> npm.pull(NpmReference.parse(ref), Progress.none()));
    assertEquals(kind, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e;
  }

  private static byte[] onePackage(String wasmPath, byte[] module) {
    return TarGz.builder()
        .file("package.json", PACKAGE_JSON)
        .file("README.md", "a test package")
        .file(wasmPath, module)
        .build();
  }

  @Test
  void pullsAnExactVersionAndRecordsItUnderVersionAndPath() throws IOException {
    byte[] module = TestModules.core("exact");
    registry.publish("hello-wasm", "1.0.0", onePackage("dist/hello.wasm", module));
    registry.publish("hello-wasm", "1.1.0", onePackage("dist/hello.wasm", TestModules.core("b")));
    StoredImage image = pull("npm:hello-wasm@1.0.0");
    assertEquals("npm:hello-wasm@1.0.0/dist/hello.wasm", image.reference().toString());
    assertArrayEquals(module, Files.readAllBytes(image.path()));
    assertEquals(module.length, image.size());
    assertEquals("2026-01-02T03:04:05.000Z", image.created());
    List<String> listed = store.images().stream().map(i -> i.reference().toString()).toList();
    assertEquals(List.of("npm:hello-wasm@1.0.0", "npm:hello-wasm@1.0.0/dist/hello.wasm"), listed);
    String record = new String(store.read(image.manifest()).orElseThrow(), StandardCharsets.UTF_8);
    assertTrue(record.contains("\"integrity\":\"sha512-"), record);
  }

  @Test
  void pullsTheLatestTagByDefaultAndOtherTagsByName() throws IOException {
    registry.publish("tagged", "1.0.0", onePackage("m.wasm", TestModules.core("one")));
    registry.publish("tagged", "2.0.0-beta.1", onePackage("m.wasm", TestModules.core("beta")));
    registry.tag("tagged", "latest", "1.0.0");
    registry.tag("tagged", "next", "2.0.0-beta.1");
    assertEquals("npm:tagged@1.0.0/m.wasm", pull("npm:tagged").reference().toString());
    StoredImage next = pull("npm:tagged@next");
    assertEquals("npm:tagged@2.0.0-beta.1/m.wasm", next.reference().toString());
    assertArrayEquals(TestModules.core("beta"), Files.readAllBytes(next.path()));
  }

  @Test
  void pullsTheHighestVersionInARange() {
    for (String v : List.of("1.2.0", "1.4.1", "1.10.0", "2.0.0")) {
      registry.publish("ranged", v, onePackage("m.wasm", TestModules.core(v)));
    }
    registry.tag("ranged", "latest", "2.0.0");
    assertEquals("npm:ranged@1.10.0/m.wasm", pull("npm:ranged@^1.2").reference().toString());
    assertEquals("npm:ranged@1.4.1/m.wasm", pull("npm:ranged@~1.4.0").reference().toString());
    assertEquals("npm:ranged@2.0.0/m.wasm", pull("npm:ranged@*").reference().toString());
    pullFails(
        "npm:ranged@^3",
        OciException.Kind.NOT_FOUND,
        "newest versions: 1.2.0, 1.4.1, 1.10.0, 2.0.0)");
  }

  @Test
  void pullsAScopedPackageAtAnExplicitPath() throws IOException {
    byte[] wanted = TestModules.core("wanted");
    byte[] tgz =
        TarGz.builder()
            .file("package.json", PACKAGE_JSON)
            .file("dist/a.wasm", TestModules.core("a"))
            .file("dist/web/b.wasm", wanted)
            .build();
    registry.publish("@acme/tools", "3.1.4", tgz);
    StoredImage image = pull("npm:@acme/tools@3.1.4/dist/web/b.wasm");
    assertEquals("npm:@acme/tools@3.1.4/dist/web/b.wasm", image.reference().toString());
    assertArrayEquals(wanted, Files.readAllBytes(image.path()));
    assertTrue(registry.log.stream().anyMatch(l -> l.startsWith("GET /@acme/tools ")));
    pullFails(
        "npm:@acme/tools@3.1.4/dist/c.wasm",
        OciException.Kind.NOT_FOUND,
        "has no file dist/c.wasm (its .wasm files: dist/a.wasm, dist/web/b.wasm)");
  }

  @Test
  void aPackageWithSeveralModulesNeedsAPath() {
    byte[] tgz =
        TarGz.builder()
            .file("package.json", PACKAGE_JSON)
            .file("a.wasm", TestModules.core("a"))
            .file("lib/b.wasm", TestModules.core("b"))
            .build();
    registry.publish("several", "1.0.0", tgz);
    pullFails(
        "npm:several",
        OciException.Kind.AMBIGUOUS_MODULE,
        "several@1.0.0 holds several .wasm files: a.wasm, lib/b.wasm; name one, e.g."
            + " npm:several@1.0.0/a.wasm");
  }

  @Test
  void aPackageWithoutModulesOrWithAFakeOneIsRefused() {
    registry.publish(
        "plain-js", "1.0.0", TarGz.builder().file("index.js", "module.exports = 1").build());
    pullFails("npm:plain-js", OciException.Kind.NOT_WASM, "plain-js@1.0.0 holds no .wasm file");
    registry.publish("fake", "1.0.0", onePackage("x.wasm", "not wasm".getBytes()));
    pullFails("npm:fake", OciException.Kind.NOT_WASM, "x.wasm is not a WebAssembly binary");
  }

  @Test
  void aTarballThatDoesNotMatchItsIntegrityIsNeverUsed() {
    byte[] good = onePackage("m.wasm", TestModules.core("good"));
    byte[] evil = onePackage("m.wasm", TestModules.core("evil"));
    registry.publish("swapped", "1.0.0", good, evil);
    pullFails(
        "npm:swapped@1.0.0",
        OciException.Kind.DIGEST_MISMATCH,
        "the tarball of swapped@1.0.0 does not match its integrity sha512-");
    assertTrue(store.images().isEmpty());
    assertFalse(store.contains(Digest.sha256(TestModules.core("evil"))));
  }

  @Test
  void aPackageWithOnlyAShasumIsCheckedWithIt() {
    registry.publish("old", "0.1.0", onePackage("m.wasm", TestModules.core("old")));
    registry.onlyShasum("old", "0.1.0");
    assertEquals("npm:old@0.1.0/m.wasm", pull("npm:old").reference().toString());
    registry.publish(
        "old-swapped",
        "0.1.0",
        onePackage("m.wasm", TestModules.core("x")),
        onePackage("m.wasm", TestModules.core("y")));
    registry.onlyShasum("old-swapped", "0.1.0");
    pullFails("npm:old-swapped", OciException.Kind.DIGEST_MISMATCH, "integrity sha1 ");
  }

  @Test
  void hostileTarballsAreRefusedWithTheReason() {
    byte[] m = TestModules.core("m");
    hostile(
        "traversal",
        TarGz.builder().entry("package/../../evil.wasm", '0', m, ""),
        "entry 'package/../../evil.wasm' climbs out of the package with '..'");
    hostile(
        "absolute",
        TarGz.builder().entry("/etc/evil.wasm", '0', m, ""),
        "entry '/etc/evil.wasm' has an absolute path");
    hostile(
        "symlink",
        TarGz.builder().file("m.wasm", m).symlink("link.wasm", "/etc/passwd"),
        "entry 'package/link.wasm' is a link");
    hostile(
        "hardlink",
        TarGz.builder().entry("package/h.wasm", '1', new byte[0], "package/m.wasm"),
        "entry 'package/h.wasm' is a link");
    hostile(
        "device",
        TarGz.builder().entry("package/dev.wasm", '3', new byte[0], ""),
        "entry 'package/dev.wasm' is a device file");
  }

  private void hostile(String name, TarGz tgz, String reason) {
    registry.publish(name, "1.0.0", tgz.build());
    pullFails("npm:" + name, OciException.Kind.UNSAFE_ARCHIVE, reason);
    assertTrue(store.images().isEmpty());
  }

  @Test
  void decompressionBombsStopAtTheLimits() {
    Npm limited = Npm.create(settings().withArchiveLimits(1 << 20, 3 << 20, 100), store);
    registry.publish(
        "big-entry", "1.0.0", TarGz.builder().file("zeros.wasm", new byte[2 << 20]).build());
    pullFails(
        limited,
        "npm:big-entry",
        OciException.Kind.UNSAFE_ARCHIVE,
        "entry 'package/zeros.wasm' unpacks to 2097152 bytes, more than the limit");
    TarGz many = TarGz.builder();
    for (int i = 0; i < 4; i++) {
      many.file("part" + i + ".bin", new byte[900 << 10]);
    }
    registry.publish("big-total", "1.0.0", many.build());
    pullFails(
        limited, "npm:big-total", OciException.Kind.UNSAFE_ARCHIVE, "unpacks to more than 3145728");
    TarGz crowded = TarGz.builder();
    for (int i = 0; i < 101; i++) {
      crowded.file("f" + i, "x");
    }
    registry.publish("crowded", "1.0.0", crowded.build());
    pullFails(limited, "npm:crowded", OciException.Kind.UNSAFE_ARCHIVE, "more than 100 entries");
  }

  @Test
  void longNamesInPaxHeadersAreRead() throws IOException {
    String deep = "a/".repeat(60) + "deep.wasm";
    registry.publish("deep", "1.0.0", onePackage(deep, TestModules.core("deep")));
    assertEquals("npm:deep@1.0.0/" + deep, pull("npm:deep").reference().toString());
  }

  @Test
  void unknownPackagesVersionsAndTagsSayWhatExists() {
    registry.publish("known", "1.0.0", onePackage("m.wasm", TestModules.core("k")));
    registry.tag("known", "stable", "1.0.0");
    pullFails(
        "npm:unknown-pkg",
        OciException.Kind.NOT_FOUND,
        "npm package unknown-pkg does not exist on " + registry.url());
    pullFails(
        "npm:known@9.9.9",
        OciException.Kind.NOT_FOUND,
        "known has no version or tag '9.9.9' (tags: latest=1.0.0, stable=1.0.0; newest"
            + " versions: 1.0.0)");
    pullFails("npm:known@nightly", OciException.Kind.NOT_FOUND, "no version or tag 'nightly'");
  }

  @Test
  void aMalformedPackumentIsReported() {
    registry.rawPackument("broken", "{\"versions\": [".getBytes(StandardCharsets.UTF_8));
    pullFails(
        "npm:broken",
        OciException.Kind.REGISTRY_ERROR,
        "the document "
            + registry.url()
            + " sent for broken is not a JSON object; is "
            + registry.url()
            + " an npm registry?");
    registry.rawPackument("odd", "{\"name\":\"odd\"}".getBytes(StandardCharsets.UTF_8));
    pullFails("npm:odd", OciException.Kind.REGISTRY_ERROR, "is not an npm package document");
  }

  @Test
  void aRegistryWantingATokenGetsTheOneFromNpmrc() {
    registry.publish("private-pkg", "1.0.0", onePackage("m.wasm", TestModules.core("p")));
    registry.requireToken("s3cret");
    String host = URI.create(registry.url()).getAuthority();
    pullFails(
        "npm:private-pkg",
        OciException.Kind.UNAUTHORIZED,
        host + " requires authentication for private-pkg; add '//" + host + "/:_authToken=TOKEN'");
    NpmSettings wrong =
        settings().withNpmrc("//" + host + "/:_authToken=nope\n", Map.of(), "test .npmrc");
    pullFails(
        Npm.create(wrong, store),
        "npm:private-pkg",
        OciException.Kind.UNAUTHORIZED,
        host + " refused the token .npmrc gives for private-pkg");
    NpmSettings right =
        settings()
            .withNpmrc(
                "; a comment\n//" + host + "/:_authToken=${NPM_TOKEN}\n",
                Map.of("NPM_TOKEN", "s3cret"),
                "test .npmrc");
    StoredImage image =
        Npm.create(right, store).pull(NpmReference.parse("npm:private-pkg"), Progress.none());
    assertEquals("npm:private-pkg@1.0.0/m.wasm", image.reference().toString());
    assertTrue(registry.log.stream().anyMatch(l -> l.endsWith(" Bearer s3cret")));
  }

  @Test
  void theTokenIsNotSentWhereTheRegistryRedirectsTarballs() throws IOException {
    try (NpmRegistryDouble cdn =
        NpmRegistryDouble.start(Files.createDirectory(dir.resolve("cdn")))) {
      byte[] tgz = onePackage("m.wasm", TestModules.core("cdn"));
      registry.publish("redirected", "1.0.0", tgz);
      cdn.publish("redirected", "1.0.0", tgz);
      registry.redirectTarballsTo(cdn);
      registry.requireToken("s3cret");
      String host = URI.create(registry.url()).getAuthority();
      NpmSettings s =
          settings().withNpmrc("//" + host + "/:_authToken=s3cret\n", Map.of(), "test .npmrc");
      Npm.create(s, store).pull(NpmReference.parse("npm:redirected"), Progress.none());
      assertEquals(1, cdn.log.size(), cdn.log.toString());
      assertTrue(cdn.log.get(0).endsWith(".tgz -"), cdn.log.toString());
    }
  }

  @Test
  void failuresOfTheRegistryAreRetriedThenReported() {
    registry.publish("flaky", "1.0.0", onePackage("m.wasm", TestModules.core("f")));
    registry.failNext(1, 503);
    assertEquals("npm:flaky@1.0.0/m.wasm", pull("npm:flaky").reference().toString());
    registry.failNext(2, 503);
    String host = URI.create(registry.url()).getAuthority();
    pullFails(
        "npm:flaky",
        OciException.Kind.REGISTRY_ERROR,
        "cannot fetch npm package flaky: " + host + " failed (HTTP 503); try again later");
    registry.failNext(1, 403);
    pullFails(
        "npm:flaky", OciException.Kind.DENIED, host + " denied access to flaky; it needs a token");
  }

  @Test
  void aScopeGoesToItsOwnRegistry() throws IOException {
    try (NpmRegistryDouble other =
        NpmRegistryDouble.start(Files.createDirectory(dir.resolve("other")))) {
      other.publish("@corp/lib", "1.0.0", onePackage("lib.wasm", TestModules.core("corp")));
      NpmSettings s =
          settings().withNpmrc("@corp:registry=" + other.url() + "\n", Map.of(), "test .npmrc");
      StoredImage image =
          Npm.create(s, store).pull(NpmReference.parse("npm:@corp/lib"), Progress.none());
      assertEquals("npm:@corp/lib@1.0.0/lib.wasm", image.reference().toString());
      assertTrue(registry.log.isEmpty(), registry.log.toString());
    }
  }

  @Test
  void aRegistryThatDoesNotAnswerIsReportedAfterRetries() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    Npm down =
        Npm.create(
            NpmSettings.defaults()
                .withRegistry(URI.create("http://127.0.0.1:" + port + "/"))
                .withRetries(2, Duration.ofMillis(10)),
            store);
    pullFails(
        down,
        "npm:anything",
        OciException.Kind.NETWORK,
        "cannot connect to 127.0.0.1:" + port + ": connection refused");
  }

  @Test
  void pulledModulesResolveWithoutTheRegistry() throws IOException {
    byte[] module = TestModules.core("offline");
    registry.publish("offline", "1.0.0", onePackage("m.wasm", module));
    Npm npm = npm();
    Path exact = npm.resolve(NpmReference.parse("npm:offline@1.0.0"));
    Path latest = npm.resolve(NpmReference.parse("npm:offline"));
    registry.close();
    assertEquals(exact, npm.resolve(NpmReference.parse("npm:offline@1.0.0")));
    assertEquals(exact, npm.resolve(NpmReference.parse("npm:offline@1.0.0/m.wasm")));
    assertEquals(latest, npm.resolve(NpmReference.parse("npm:offline")));
    assertArrayEquals(module, Files.readAllBytes(exact));
    OciException e =
        assertThrows(
            OciException.class, () -> npm.resolve(NpmReference.parse("npm:offline@2.0.0")));
    assertEquals(OciException.Kind.NETWORK, e.kind());
  }

  @Test
  void npmAndOciImagesShareTheStore() {
    registry.publish("shared", "1.0.0", onePackage("m.wasm", TestModules.core("s")));
    pull("npm:shared@1.0.0/m.wasm");
    byte[] oci = TestModules.core("oci");
    Digest d = store.put(oci);
    Reference ref = Reference.parse("localhost:5000/acme/app:1");
    store.record(new StoredImage(ref, d, d, oci.length, "", store.path(d)));
    assertEquals(
        List.of("localhost:5000/acme/app:1", "npm:shared@1.0.0/m.wasm"),
        store.images().stream().map(i -> i.reference().toString()).toList());
    assertTrue(store.find(NpmReference.parse("npm:shared@1.0.0/m.wasm")).isPresent());
  }
}

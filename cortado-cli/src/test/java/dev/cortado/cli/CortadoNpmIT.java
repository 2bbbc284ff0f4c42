package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.testing.NpmRegistryDouble;
import dev.cortado.oci.testing.TarGz;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/cortado pull/run/images npm:...} against an npm registry double on loopback, with the
 * store and the user's {@code .npmrc} in temporary folders.
 */
class CortadoNpmIT {
  private static final Path REPO = CliRun.REPO;
  private static final Path HELLO =
      REPO.resolve("cortado-wasi/src/test/resources/programs/hello.wasm");

  @TempDir Path dir;

  private CliRun cortado(String... args) throws Exception {
    // NPM_CONFIG_REGISTRY is emptied: an empty value is ignored, as an unset one.
    return CliRun.cortado(
        dir,
        Map.of(
            "CORTADO_CACHE_DIR",
            dir.resolve("cache").toString(),
            "NPM_CONFIG_USERCONFIG",
            dir.resolve("user.npmrc").toString(),
            "NPM_CONFIG_REGISTRY",
            "",
            "npm_config_registry",
            ""),
        "",
        args);
  }

  private static byte[] helloPackage() throws Exception {
    return TarGz.builder()
        .file("package.json", "{\"name\":\"hello-wasi\",\"version\":\"1.0.0\"}")
        .file("bin/hello.wasm", Files.readAllBytes(HELLO))
        .build();
  }

  @Test
  void pullsListsAndRunsAnNpmModuleThenRunsItOffline() throws Exception {
    try (NpmRegistryDouble registry =
        NpmRegistryDouble.start(Files.createDirectory(dir.resolve("registry")))) {
      registry.publish("hello-wasi", "1.0.0", helloPackage());
      Files.writeString(dir.resolve("user.npmrc"), "registry=" + registry.url() + "\n");
      CliRun pull = cortado("pull", "npm:hello-wasi@1.0.0");
      pull.assertOk();
      assertTrue(
          pull.out().startsWith("pulled npm:hello-wasi@1.0.0/bin/hello.wasm digest sha256:"),
          pull.out());

      CliRun images = cortado("images");
      images.assertOk();
      List<String> lines = images.out().lines().toList();
      assertTrue(lines.get(0).matches("REFERENCE +DIGEST +SIZE +CREATED"), images.out());
      assertTrue(
          lines.stream()
              .anyMatch(
                  l -> l.startsWith("npm:hello-wasi@1.0.0/bin/hello.wasm ") && l.contains("KiB")),
          images.out());

      CliRun run = cortado("run", "npm:hello-wasi@1.0.0", "npm");
      assertEquals("hello, npm\n", run.out(), run.err());
      assertEquals(3, run.status());
    }
    CliRun offline = cortado("run", "npm:hello-wasi@1.0.0/bin/hello.wasm", "offline");
    assertEquals("hello, offline\n", offline.out(), offline.err());
    assertEquals(3, offline.status());
  }

  @Test
  void theRegistryOptionAndTheNpmrcTokenAreUsed() throws Exception {
    try (NpmRegistryDouble registry =
        NpmRegistryDouble.start(Files.createDirectory(dir.resolve("registry")))) {
      registry.publish("@team/hello", "2.0.0", helloPackage());
      registry.requireToken("t0ken");
      String host = URI.create(registry.url()).getAuthority();
      cortado("pull", "--npm-registry", registry.url(), "npm:@team/hello")
          .assertOneLineError(
              host
                  + " requires authentication for @team/hello; add '//"
                  + host
                  + "/:_authToken=TOKEN' to ~/.npmrc or the project's .npmrc");
      Files.writeString(
          dir.resolve(".npmrc"),
          "@team:registry=" + registry.url() + "\n//" + host + "/:_authToken=t0ken\n");
      CliRun pull = cortado("pull", "npm:@team/hello", "-o", "hello.wasm");
      pull.assertOk();
      assertTrue(pull.out().startsWith("pulled npm:@team/hello@2.0.0/bin/hello.wasm"), pull.out());
      assertTrue(
          java.util.Arrays.equals(
              Files.readAllBytes(HELLO), Files.readAllBytes(dir.resolve("hello.wasm"))));
    }
  }

  @Test
  void npmErrorsAreOneClearLine() throws Exception {
    try (NpmRegistryDouble registry =
        NpmRegistryDouble.start(Files.createDirectory(dir.resolve("registry")))) {
      String url = registry.url();
      registry.publish(
          "two",
          "1.0.0",
          TarGz.builder()
              .file("a.wasm", Files.readAllBytes(HELLO))
              .file("b.wasm", Files.readAllBytes(HELLO))
              .build());
      registry.publish("swapped", "1.0.0", helloPackage(), TarGz.builder().build());
      registry.publish(
          "evil",
          "1.0.0",
          TarGz.builder().entry("package/../../x.wasm", '0', new byte[8], "").build());
      registry.rawPackument("broken", "<html>".getBytes(StandardCharsets.UTF_8));
      cortado("pull", "--npm-registry", url, "npm:absent")
          .assertOneLineError("npm package absent does not exist on " + url);
      cortado("pull", "--npm-registry", url, "npm:two@7")
          .assertOneLineError("two has no version or tag '7'");
      cortado("pull", "--npm-registry", url, "npm:two")
          .assertOneLineError("holds several .wasm files: a.wasm, b.wasm; name one");
      cortado("run", "--npm-registry", url, "npm:swapped")
          .assertOneLineError("does not match its integrity sha512-");
      cortado("pull", "--npm-registry", url, "npm:evil")
          .assertOneLineError("climbs out of the package with '..'");
      cortado("pull", "--npm-registry", url, "npm:broken")
          .assertOneLineError(
              "sent for broken is not a JSON object; is " + url + " an npm registry?");
      cortado("pull", "npm:Bad Name").assertOneLineError("invalid npm reference 'npm:Bad Name'");
    }
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    cortado("pull", "--npm-registry", "http://127.0.0.1:" + port + "/", "npm:x")
        .assertOneLineError("cannot connect to 127.0.0.1:" + port + ": connection refused");
  }
}

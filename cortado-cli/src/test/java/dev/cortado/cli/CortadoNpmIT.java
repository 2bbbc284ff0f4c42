package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.testing.NpmRegistryDouble;
import dev.cortado.oci.testing.TarGz;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/cortado pull/run/images npm:...} against an npm registry double on loopback, with the
 * store and the user's {@code .npmrc} in temporary folders.
 */
class CortadoNpmIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path HELLO =
      REPO.resolve("cortado-wasi/src/test/resources/programs/hello.wasm");
  private static final Pattern JAVA_NAME =
      Pattern.compile("\\b(?:java|javax|sun|jdk)\\.\\w|\\w(?:Exception|Error)\\b|\\bnull\\b");

  @TempDir Path dir;

  private record Run(int status, String out, String err) {
    void assertOk() {
      assertEquals(0, status, "stdout: " + out + "\nstderr: " + err);
    }

    void assertOneLineError(String expected) {
      assertEquals(1, status, out + err);
      assertTrue(err.contains(expected), err);
      assertEquals(1, err.strip().lines().count(), "one line: " + err);
      assertFalse(err.contains("\tat "), "no stack trace: " + err);
      assertFalse(JAVA_NAME.matcher(err).find(), "no Java class names: " + err);
    }
  }

  private Run cortado(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(REPO.resolve("bin/cortado").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> env = pb.environment();
    env.put("CORTADO_CACHE_DIR", dir.resolve("cache").toString());
    env.put("NPM_CONFIG_USERCONFIG", dir.resolve("user.npmrc").toString());
    env.remove("NPM_CONFIG_REGISTRY");
    env.remove("npm_config_registry");
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("cortado did not finish");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
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
      Run pull = cortado("pull", "npm:hello-wasi@1.0.0");
      pull.assertOk();
      assertTrue(
          pull.out().startsWith("pulled npm:hello-wasi@1.0.0/bin/hello.wasm digest sha256:"),
          pull.out());

      Run images = cortado("images");
      images.assertOk();
      List<String> lines = images.out().lines().toList();
      assertTrue(lines.get(0).matches("REFERENCE +DIGEST +SIZE +CREATED"), images.out());
      assertTrue(
          lines.stream()
              .anyMatch(
                  l -> l.startsWith("npm:hello-wasi@1.0.0/bin/hello.wasm ") && l.contains("KiB")),
          images.out());

      Run run = cortado("run", "npm:hello-wasi@1.0.0", "npm");
      assertEquals("hello, npm\n", run.out(), run.err());
      assertEquals(3, run.status());
    }
    Run offline = cortado("run", "npm:hello-wasi@1.0.0/bin/hello.wasm", "offline");
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
      Run pull = cortado("pull", "npm:@team/hello", "-o", "hello.wasm");
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

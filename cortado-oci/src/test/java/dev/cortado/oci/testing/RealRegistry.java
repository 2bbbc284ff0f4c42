package dev.cortado.oci.testing;

import dev.cortado.oci.Reference;
import dev.cortado.wasm.testing.ExternalTool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The CNCF distribution registry (Debian's {@code docker-registry}) on a free loopback port, with
 * its storage and generated config in a temporary folder: open, Basic (htpasswd, bcrypt) or token
 * authentication. Tests skip when the tool is missing (fail with {@code CORTADO_REQUIRE_TOOLS=1}).
 */
public final class RealRegistry implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private RealRegistry(Path dir, String authYaml) throws Exception {
    Path binary = ExternalTool.require("docker-registry", "docker-registry");
    port = freePort();
    log = dir.resolve("registry.log");
    String config =
        """
        version: 0.1
        log:
          level: warn
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:%d
          secret: cortado-test-secret
        %s
        """
            .formatted(dir.resolve("storage"), port, authYaml);
    Path file = Files.writeString(dir.resolve("config.yml"), config);
    process =
        new ProcessBuilder(binary.toString(), "serve", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    awaitReady();
  }

  /** A registry that lets anyone push and pull. */
  public static RealRegistry open(Path dir) throws Exception {
    return new RealRegistry(dir, "");
  }

  /**
   * A registry with Basic authentication for one user (bcrypt entry from {@code htpasswd -Bbn}).
   */
  public static RealRegistry htpasswd(Path dir, String user, String password) throws Exception {
    Path tool = ExternalTool.require("htpasswd", "apache2-utils");
    Process p =
        new ProcessBuilder(tool.toString(), "-Bbn", user, password)
            .redirectErrorStream(true)
            .start();
    String entry = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || !entry.contains(":$2")) {
      throw new IllegalStateException("htpasswd failed: " + entry);
    }
    Path file = Files.writeString(dir.resolve("htpasswd"), entry + "\n");
    return new RealRegistry(
        dir,
        """
        auth:
          htpasswd:
            realm: cortado-test
            path: %s
        """
            .formatted(file));
  }

  /** A registry trusting the tokens of {@code tokens}. */
  public static RealRegistry token(Path dir, TokenServer tokens) throws Exception {
    return new RealRegistry(
        dir,
        """
        auth:
          token:
            realm: %s
            service: %s
            issuer: %s
            rootcertbundle: %s
        """
            .formatted(tokens.realm(), TokenServer.SERVICE, TokenServer.ISSUER, tokens.certFile()));
  }

  public String host() {
    return "127.0.0.1:" + port;
  }

  public Reference ref(String repositoryAndTag) {
    return Reference.parse(host() + "/" + repositoryAndTag);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitReady() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("docker-registry exited: " + Files.readString(log));
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/"))
                    .version(HttpClient.Version.HTTP_1_1)
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200 || r.statusCode() == 401) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("docker-registry did not start: " + Files.readString(log));
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}

package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.testing.RealRegistry;
import dev.cortado.oci.testing.TokenServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/cortado push/pull/login/logout/images} against the real distribution registry, with
 * the store, the logins and Docker's config in temporary folders.
 */
class CortadoOciIT {
  private static final Path REPO = CliRun.REPO;
  private static final Path HELLO =
      REPO.resolve("cortado-wasi/src/test/resources/programs/hello.wasm");
  private static final Pattern DIGEST = Pattern.compile("digest (sha256:[a-f0-9]{64})");

  @TempDir Path dir;

  private CliRun cortado(String stdin, String... args) throws Exception {
    return CliRun.cortado(
        dir,
        Map.of(
            "CORTADO_CACHE_DIR", dir.resolve("cache").toString(),
            "CORTADO_CONFIG_DIR", dir.resolve("config").toString(),
            "DOCKER_CONFIG", dir.resolve("docker").toString()),
        stdin,
        args);
  }

  private static String digestIn(String output) {
    Matcher m = DIGEST.matcher(output);
    assertTrue(m.find(), output);
    return m.group(1);
  }

  @Test
  void pushesPullsAndListsModules() throws Exception {
    try (RealRegistry registry =
        RealRegistry.open(Files.createDirectory(dir.resolve("registry")))) {
      String ref = registry.host() + "/demo/hello:1.0";
      CliRun push =
          cortado(
              "",
              "push",
              HELLO.toString(),
              ref,
              "--annotation",
              "title=hello",
              "--annotation",
              "version=1.0");
      push.assertOk();
      assertTrue(push.out().startsWith("pushed " + ref + " digest sha256:"), push.out());
      assertTrue(push.out().contains("wasip1"), push.out());
      String digest = digestIn(push.out());

      Files.walk(dir.resolve("cache"))
          .sorted((a, b) -> b.compareTo(a))
          .forEach(p -> p.toFile().delete());
      CliRun pull = cortado("", "pull", ref, "-o", "copy.wasm");
      pull.assertOk();
      assertEquals(digest, digestIn(pull.out()));
      assertArrayEquals(Files.readAllBytes(HELLO), Files.readAllBytes(dir.resolve("copy.wasm")));

      CliRun byDigest = cortado("", "pull", registry.host() + "/demo/hello@" + digest);
      byDigest.assertOk();

      CliRun images = cortado("", "images");
      images.assertOk();
      List<String> lines = images.out().lines().toList();
      assertTrue(lines.get(0).matches("REFERENCE +DIGEST +SIZE +CREATED"), images.out());
      assertTrue(
          lines.stream()
              .anyMatch(l -> l.startsWith(ref + " ") && l.contains(digest) && l.contains("KiB")),
          images.out());
      assertEquals(3, lines.size(), images.out());

      CliRun run = cortado("", "run", "copy.wasm", "oci");
      assertEquals("hello, oci\n", run.out());
    }
  }

  @Test
  void runsAModuleByReferenceThroughTheCache() throws Exception {
    String byDigest;
    try (RealRegistry registry =
        RealRegistry.open(Files.createDirectory(dir.resolve("registry")))) {
      String ref = registry.host() + "/demo/hello:run";
      CliRun push = cortado("", "push", HELLO.toString(), ref);
      push.assertOk();
      byDigest = registry.host() + "/demo/hello@" + digestIn(push.out());
      CliRun run = cortado("", "run", ref, "registry");
      assertEquals("hello, registry\n", run.out(), run.err());
      assertEquals(3, run.status());
    }
    // The registry is gone: a reference by digest is served from the local store.
    CliRun offline = cortado("", "run", byDigest, "offline");
    assertEquals("hello, offline\n", offline.out(), offline.err());
    assertEquals(3, offline.status());
  }

  @Test
  void servesAComponentByReference() throws Exception {
    Path js = REPO.resolve("cortado-component/src/test/resources/components/js/hello.wasm");
    try (RealRegistry registry =
        RealRegistry.open(Files.createDirectory(dir.resolve("registry")))) {
      String ref = registry.host() + "/demo/js:1";
      cortado("", "push", js.toString(), ref).assertOk();
      Path out = dir.resolve("serve-out.txt");
      Path err = dir.resolve("serve-err.txt");
      ProcessBuilder b =
          new ProcessBuilder(
                  REPO.resolve("bin/cortado").toString(), "serve", "--listen", "127.0.0.1:0", ref)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      b.environment().put("CORTADO_CACHE_DIR", dir.resolve("cache").toString());
      b.environment().put("CORTADO_CONFIG_DIR", dir.resolve("config").toString());
      b.environment().put("DOCKER_CONFIG", dir.resolve("docker").toString());
      Process p = b.start();
      try {
        java.net.URI uri = CortadoServeIT.awaitUri(p, out, err);
        java.net.http.HttpResponse<String> r =
            java.net.http.HttpClient.newHttpClient()
                .send(
                    java.net.http.HttpRequest.newBuilder(uri.resolve("/from/registry")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals("hello from js: GET /from/registry body=", r.body());
      } finally {
        p.destroy();
        p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void errorsAreOneClearLine() throws Exception {
    try (RealRegistry registry =
        RealRegistry.open(Files.createDirectory(dir.resolve("registry")))) {
      cortado("", "pull", registry.host() + "/demo/missing:1")
          .assertOneLineError("MANIFEST_UNKNOWN");
      cortado("", "pull", "Demo/Upper").assertOneLineError("invalid reference 'Demo/Upper'");
      Path text = Files.writeString(dir.resolve("notes.wasm"), "just text");
      cortado("", "push", text.toString(), registry.host() + "/demo/x:1")
          .assertOneLineError("not a WebAssembly binary");
      cortado("", "push", "absent.wasm", registry.host() + "/demo/x:1")
          .assertOneLineError("absent.wasm: no such file");
    }
  }

  @Test
  void aRegistryThatIsNotRunningIsReportedInWordsByEveryRegistryCommand() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    String refused = "cannot connect to localhost:" + port + ": connection refused";
    String ref = "localhost:" + port + "/x:1";
    cortado("", "pull", ref).assertOneLineError(refused);
    cortado("", "push", HELLO.toString(), ref).assertOneLineError(refused);
    cortado("", "run", ref).assertOneLineError(refused);
    cortado("pw\n", "login", "localhost:" + port, "-u", "a", "--password-stdin")
        .assertOneLineError(refused);
  }

  @Test
  void logsInWithBasicAuthAndOut() throws Exception {
    try (RealRegistry registry =
        RealRegistry.htpasswd(
            Files.createDirectory(dir.resolve("registry")), "ada", "lovelace-1815")) {
      String host = registry.host();
      String ref = host + "/private/hello:1";
      cortado("", "push", HELLO.toString(), ref)
          .assertOneLineError("requires authentication; run 'cortado login " + host + "'");

      CliRun wrong = cortado("wrong-password\n", "login", host, "-u", "ada", "--password-stdin");
      wrong.assertOneLineError("refused the credentials");
      assertFalse(Files.exists(dir.resolve("config/credentials.json")), "nothing saved");

      CliRun login =
          cortado(
              "lovelace-1815\n", "login", "http://" + host + "/", "-u", "ada", "--password-stdin");
      login.assertOk();
      assertTrue(login.out().startsWith("logged in to " + host), login.out());
      assertFalse(
          (login.out() + login.err()).contains("lovelace-1815"), "the password is never printed");
      Path saved = dir.resolve("config/credentials.json");
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)));

      cortado("", "push", HELLO.toString(), ref).assertOk();
      cortado("", "pull", ref).assertOk();

      CliRun logout = cortado("", "logout", host);
      logout.assertOk();
      assertEquals("logged out of " + host + "\n", logout.out());
      assertEquals("not logged in to " + host + "\n", cortado("", "logout", host).out());
      cortado("", "pull", ref).assertOneLineError("requires authentication");

      cortado("", "login", host, "-u", "ada").assertOneLineError("use --password-stdin");
    }
  }

  @Test
  void logsInToATokenRegistry() throws Exception {
    Path root = Files.createDirectory(dir.resolve("registry"));
    try (TokenServer tokens = new TokenServer(root, Map.of("grace", "cobol-59"));
        RealRegistry registry = RealRegistry.token(root, tokens)) {
      String host = registry.host();
      cortado("cobol-59\n", "login", host, "-u", "grace", "--password-stdin").assertOk();
      CliRun push = cortado("", "push", HELLO.toString(), host + "/team/hello:2");
      push.assertOk();
      cortado("", "pull", host + "/team/hello:2").assertOk();
      assertTrue(
          tokens.requests.stream().allMatch(r -> r.user().equals("grace")),
          tokens.requests.toString());
    }
  }
}

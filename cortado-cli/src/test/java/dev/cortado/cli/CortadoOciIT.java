package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.testing.RealRegistry;
import dev.cortado.oci.testing.TokenServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/cortado push/pull/login/logout/images} against the real distribution registry, with
 * the store, the logins and Docker's config in temporary folders.
 */
class CortadoOciIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path HELLO =
      REPO.resolve("cortado-wasi/src/test/resources/programs/hello.wasm");
  private static final Pattern DIGEST = Pattern.compile("digest (sha256:[a-f0-9]{64})");
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

  private Run cortado(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(REPO.resolve("bin/cortado").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.put("CORTADO_CACHE_DIR", dir.resolve("cache").toString());
    env.put("CORTADO_CONFIG_DIR", dir.resolve("config").toString());
    env.put("DOCKER_CONFIG", dir.resolve("docker").toString());
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "cortado did not finish");
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
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
      Run push =
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
      Run pull = cortado("", "pull", ref, "-o", "copy.wasm");
      pull.assertOk();
      assertEquals(digest, digestIn(pull.out()));
      assertArrayEquals(Files.readAllBytes(HELLO), Files.readAllBytes(dir.resolve("copy.wasm")));

      Run byDigest = cortado("", "pull", registry.host() + "/demo/hello@" + digest);
      byDigest.assertOk();

      Run images = cortado("", "images");
      images.assertOk();
      List<String> lines = images.out().lines().toList();
      assertTrue(lines.get(0).matches("REFERENCE +DIGEST +SIZE +CREATED"), images.out());
      assertTrue(
          lines.stream()
              .anyMatch(l -> l.startsWith(ref + " ") && l.contains(digest) && l.contains("KiB")),
          images.out());
      assertEquals(3, lines.size(), images.out());

      Run run = cortado("", "run", "copy.wasm", "oci");
      assertEquals("hello, oci\n", run.out());
    }
  }

  @Test
  void runsAModuleByReferenceThroughTheCache() throws Exception {
    String byDigest;
    try (RealRegistry registry =
        RealRegistry.open(Files.createDirectory(dir.resolve("registry")))) {
      String ref = registry.host() + "/demo/hello:run";
      Run push = cortado("", "push", HELLO.toString(), ref);
      push.assertOk();
      byDigest = registry.host() + "/demo/hello@" + digestIn(push.out());
      Run run = cortado("", "run", ref, "registry");
      assertEquals("hello, registry\n", run.out(), run.err());
      assertEquals(3, run.status());
    }
    // The registry is gone: a reference by digest is served from the local store.
    Run offline = cortado("", "run", byDigest, "offline");
    assertEquals("hello, offline\n", offline.out(), offline.err());
    assertEquals(3, offline.status());
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

      Run wrong = cortado("wrong-password\n", "login", host, "-u", "ada", "--password-stdin");
      wrong.assertOneLineError("refused the credentials");
      assertFalse(Files.exists(dir.resolve("config/credentials.json")), "nothing saved");

      Run login =
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

      Run logout = cortado("", "logout", host);
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
      Run push = cortado("", "push", HELLO.toString(), host + "/team/hello:2");
      push.assertOk();
      cortado("", "pull", host + "/team/hello:2").assertOk();
      assertTrue(
          tokens.requests.stream().allMatch(r -> r.user().equals("grace")),
          tokens.requests.toString());
    }
  }
}

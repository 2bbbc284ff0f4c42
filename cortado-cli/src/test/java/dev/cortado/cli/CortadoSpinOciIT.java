package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.testing.RealRegistry;
import dev.cortado.wasm.testing.ExternalTool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spin application through the real distribution registry: {@code cortado push spin.toml REF} in
 * Spin's layout (checked with skopeo), {@code cortado pull REF}, {@code cortado serve REF}
 * answering real HTTP requests.
 */
class CortadoSpinOciIT {
  private static final Path WAGI = CliRun.REPO.resolve("cortado-server/src/test/resources/wagi");
  private static final String BIG = "a static file, pushed as a layer of its own\n".repeat(10);

  @TempDir Path dir;

  private Map<String, String> env() {
    return Map.of(
        "CORTADO_CACHE_DIR", dir.resolve("cache").toString(),
        "CORTADO_CONFIG_DIR", dir.resolve("config").toString(),
        "DOCKER_CONFIG", dir.resolve("docker").toString(),
        "XDG_DATA_HOME", dir.resolve("data").toString());
  }

  private CliRun cortado(String... args) throws Exception {
    return CliRun.cortado(dir, env(), "", args);
  }

  private Path app() throws Exception {
    Path app = Files.createDirectories(dir.resolve("app"));
    for (String name : List.of("hello.wasm", "env.wasm", "files.wasm")) {
      Files.copy(WAGI.resolve(name), app.resolve(name));
    }
    Files.copy(
        CliRun.REPO.resolve("cortado-server/src/test/resources/components/http.wasm"),
        app.resolve("http.wasm"));
    Files.createDirectories(app.resolve("static"));
    Files.writeString(app.resolve("static/big.txt"), BIG);
    Files.writeString(app.resolve("static/small.txt"), "small\n");
    Files.writeString(
        app.resolve("spin.toml"),
        """
        spin_manifest_version = 2

        [application]
        name = "oci-demo"
        version = "2.0.0"

        [variables]
        greeting = { default = "hello" }

        [[trigger.http]]
        route = "/hello"
        component = "hello"
        executor = { type = "wagi" }

        [[trigger.http]]
        route = "/env/..."
        component = "env"
        executor = { type = "wagi" }

        [[trigger.http]]
        route = "/files/..."
        component = "files"
        executor = { type = "wagi" }

        [component.hello]
        source = "hello.wasm"

        [component.env]
        source = "env.wasm"
        environment = { APP_MODE = "registry" }
        variables = { greeting = "{{ greeting }}, world" }
        allowed_outbound_hosts = ["https://example.com"]

        [[trigger.http]]
        route = "/app/..."
        component = "kv"

        [component.files]
        source = "files.wasm"
        files = ["static/*.txt"]

        [component.kv]
        source = "http.wasm"
        key_value_stores = ["default"]
        """);
    return app;
  }

  @Test
  void pushesPullsAndServesASpinApplication() throws Exception {
    Path app = app();
    try (RealRegistry registry =
        RealRegistry.open(Files.createDirectory(dir.resolve("registry")))) {
      String ref = registry.host() + "/demo/spin-app:2.0.0";
      CliRun push = cortado("push", app.toString(), ref);
      push.assertOk();
      assertTrue(
          push.out()
              .matches(
                  "pushed "
                      + ref
                      + " digest sha256:[0-9a-f]{64} \\(Spin application oci-demo: 4 components,"
                      + " 2 files, 6 layers, .*\\)\n"),
          push.out());

      checkLayoutWithSkopeo(registry.host() + "/demo/spin-app:2.0.0");

      deleteCache();
      CliRun pull = cortado("pull", ref);
      pull.assertOk();
      List<String> lines = pull.out().lines().toList();
      assertTrue(
          lines.get(0).contains("(Spin application oci-demo 2.0.0: 4 components"), pull.out());
      assertTrue(
          lines.stream()
              .anyMatch(
                  l ->
                      l.startsWith("  component files ")
                          && l.endsWith("files: /static/big.txt /static/small.txt")),
          pull.out());
      cortado("pull", ref, "-o", "x.wasm").assertOneLineError("is a Spin application");
      cortado("run", ref).assertOneLineError("is a Spin application, not one module");

      deleteCache();
      serve(ref);
    }
  }

  private void checkLayoutWithSkopeo(String ref) throws Exception {
    Path skopeo = ExternalTool.require("skopeo", "skopeo");
    Process p =
        new ProcessBuilder(
                skopeo.toString(), "inspect", "--raw", "--tls-verify=false", "docker://" + ref)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] raw = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), new String(raw));
    // The manifest's bytes as the registry keeps them: its media type, the config's, the layers'.
    String manifest = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    List<String> types = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"mediaType\":\"([^\"]+)\"").matcher(manifest);
    while (m.find()) {
      types.add(m.group(1));
    }
    // hello, env, files and big.txt (small.txt is inlined in the locked app), kv's component; the
    // locked app last.
    assertEquals(
        List.of(
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.config.v1+json",
            "application/vnd.wasm.content.layer.v1+wasm",
            "application/vnd.wasm.content.layer.v1+wasm",
            "application/vnd.wasm.content.layer.v1+wasm",
            "application/vnd.wasm.content.layer.v1+data",
            "application/vnd.wasm.content.layer.v1+wasm",
            "application/vnd.fermyon.spin.application.v1+config"),
        types,
        manifest);
    assertTrue(manifest.contains("\"org.opencontainers.image.title\":\"oci-demo\""), manifest);
  }

  private void deleteCache() throws Exception {
    Path cache = dir.resolve("cache");
    if (Files.exists(cache)) {
      try (var walk = Files.walk(cache)) {
        walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void serve(String ref) throws Exception {
    Path out = dir.resolve("serve-out.txt");
    Path err = dir.resolve("serve-err.txt");
    ProcessBuilder b =
        new ProcessBuilder(
                CliRun.REPO.resolve("bin/cortado").toString(),
                "serve",
                "--listen",
                "127.0.0.1:0",
                ref)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    b.environment().putAll(env());
    Process p = b.start();
    try {
      URI uri = CortadoServeIT.awaitUri(p, out, err);
      assertTrue(Files.readString(out).contains("Serving oci-demo (Spin application " + ref));
      HttpClient http = HttpClient.newHttpClient();
      assertEquals("Hello, world!\n", get(http, uri.resolve("/hello")).body());
      String env = get(http, uri.resolve("/env/x")).body();
      assertTrue(env.contains("APP_MODE=registry"), env);
      assertTrue(env.contains("SPIN_VARIABLE_GREETING=hello, world"), env);
      assertEquals(BIG, get(http, uri.resolve("/files/static/big.txt")).body());
      HttpResponse<String> small = get(http, uri.resolve("/files/static/small.txt"));
      assertEquals("small\n", small.body());
      assertEquals("no", small.headers().firstValue("X-Write").orElse(""), "read-only files");
      assertEquals(404, get(http, uri.resolve("/files/spin.toml")).statusCode());
      assertEquals(404, get(http, uri.resolve("/nowhere")).statusCode());
      HttpResponse<String> stored =
          http.send(
              HttpRequest.newBuilder(uri.resolve("/app/kv/spin/default/visits"))
                  .PUT(HttpRequest.BodyPublishers.ofString("1"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(201, stored.statusCode(), stored.body());
      assertEquals("1", get(http, uri.resolve("/app/kv/spin/default/visits")).body());
      Path state =
          dir.resolve(
              "data/cortado/state/" + ref.substring(0, ref.lastIndexOf(':')).replace(':', '_'));
      assertTrue(
          Files.exists(state.resolve("key-value/default.kv")),
          "an application served by reference keeps its stores under XDG_DATA_HOME");
    } finally {
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void refusesWhatCannotBePushed() throws Exception {
    Path app = app();
    Files.writeString(app.resolve("hello.wasm"), "not wasm at all");
    try (RealRegistry registry =
        RealRegistry.open(Files.createDirectory(dir.resolve("registry")))) {
      cortado("push", app.resolve("spin.toml").toString(), registry.host() + "/demo/bad:1")
          .assertOneLineError("component \"hello\"");
      cortado("push", dir.resolve("nothing/spin.toml").toString(), registry.host() + "/demo/x:1")
          .assertOneLineError("no such file");
    }
  }
}

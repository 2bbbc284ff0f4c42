package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Spin manifest with several routes, static files, variables and an environment, end to end. */
class ManifestServingTest {
  static final String MANIFEST =
      """
      spin_manifest_version = 2

      [application]
      name = "multi"
      version = "1.2.3"

      [variables]
      greeting = { default = "hello" }
      token = { required = true, secret = true }

      [[trigger.http]]
      route = "/hello"
      component = "hello"
      executor = { type = "wagi" }

      [[trigger.http]]
      route = "/env/..."
      component = "env"
      executor = { type = "wagi", argv = "${SCRIPT_NAME} ${ARGS} extra" }

      [[trigger.http]]
      route = "/env/exact"
      component = { source = "hello.wasm" }
      executor = { type = "wagi" }

      [[trigger.http]]
      route = "/users/:id"
      component = "env"
      executor = { type = "wagi" }

      [[trigger.http]]
      route = "/static/..."
      component = "files"
      executor = { type = "wagi" }

      [[trigger.http]]
      route = "/teapot"
      static_response = { status_code = 418, headers = { x-kind = "teapot" }, body = "short and stout" }

      [[trigger.http]]
      route = { private = true }
      component = "hello"
      executor = { type = "wagi" }

      [component.hello]
      source = "hello.wasm"

      [component.env]
      source = "env.wasm"
      environment = { APP_MODE = "test" }
      variables = { greeting = "{{ greeting }}, world", token = "{{ token }}" }

      [component.files]
      source = "files.wasm"
      files = ["assets/**/*.txt", { source = "more", destination = "/more" }]
      exclude_files = ["assets/secret.txt"]
      """;

  @TempDir static Path dir;
  static WasmServer server;
  static final TestApps.KeptLog LOG = new TestApps.KeptLog();

  @BeforeAll
  static void start() throws IOException {
    Path manifest = TestApps.manifest(dir, MANIFEST, "hello", "env", "files");
    Files.createDirectories(dir.resolve("assets/deep"));
    Files.writeString(dir.resolve("assets/deep/a.txt"), "file a\n");
    Files.writeString(dir.resolve("assets/top.txt"), "top\n");
    Files.writeString(dir.resolve("assets/secret.txt"), "do not serve\n");
    Files.createDirectories(dir.resolve("more"));
    Files.writeString(dir.resolve("more/b.txt"), "file b\n");
    server =
        WasmServer.start(
            Manifest.read(manifest),
            TestApps.config(LOG).withVariableSource(Map.of("SPIN_VARIABLE_TOKEN", "s3cret")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Returns the lines of an env.wasm answer. */
  static List<String> lines(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return r.body().lines().toList();
  }

  @Test
  void exactRouteBeatsWildcardAndWildcardTakesTheRest() {
    assertEquals("Hello, world!\n", TestApps.get(server, "/env/exact").body());
    assertEquals("Hello, world!\n", TestApps.get(server, "/hello").body());
    List<String> env = lines(TestApps.get(server, "/env/a/b"));
    assertTrue(env.contains("PATH_INFO=/a/b"), env.toString());
    assertTrue(env.contains("X_MATCHED_ROUTE=/env/..."), env.toString());
    assertTrue(env.contains("X_COMPONENT_ROUTE=/env"), env.toString());
    assertEquals(404, TestApps.get(server, "/nothing/here").statusCode());
    assertEquals(404, TestApps.get(server, "/hello/more").statusCode());
  }

  @Test
  void namedSegmentsMatchOneSegment() {
    List<String> env = lines(TestApps.get(server, "/users/42"));
    assertTrue(env.contains("X_PATH_MATCH_ID=42"), env.toString());
    assertTrue(env.contains("X_MATCHED_ROUTE=/users/:id"), env.toString());
    assertEquals(404, TestApps.get(server, "/users/42/more").statusCode());
  }

  @Test
  void programGetsTheCgiEnvironmentAndArgv() {
    String port = Integer.toString(server.uri().getPort());
    HttpResponse<String> r =
        TestApps.send(
            HttpRequest.newBuilder(TestApps.uri(server, "/env/x%20y?a=1&b=2"))
                .header("X-Custom", "custom value")
                .header("Authorization", "Bearer hidden")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("12345"))
                .build());
    List<String> env = lines(r);
    for (String expected :
        List.of(
            "arg[0]=/env/x%20y",
            "arg[1]=a=1",
            "arg[2]=b=2",
            "arg[3]=extra",
            "REQUEST_METHOD=POST",
            "QUERY_STRING=a=1&b=2",
            "PATH_INFO=/x y",
            "X_RAW_PATH_INFO=/x%20y",
            "SCRIPT_NAME=/env",
            "SERVER_NAME=127.0.0.1",
            "SERVER_PORT=" + port,
            "SERVER_PROTOCOL=HTTP/1.1",
            "GATEWAY_INTERFACE=CGI/1.1",
            "X_FULL_URL=http://127.0.0.1:" + port + "/env/x%20y?a=1&b=2",
            "CONTENT_LENGTH=5",
            "CONTENT_TYPE=text/plain",
            "REMOTE_ADDR=127.0.0.1",
            "HTTP_X_CUSTOM=custom value",
            "APP_MODE=test",
            "SPIN_VARIABLE_GREETING=hello, world",
            "SPIN_VARIABLE_TOKEN=s3cret")) {
      assertTrue(env.contains(expected), expected + " in " + env);
    }
    assertTrue(env.stream().noneMatch(l -> l.startsWith("HTTP_AUTHORIZATION")), env.toString());
    assertEquals("4", r.headers().firstValue("x-argc").orElseThrow());
  }

  @Test
  void staticResponseNeedsNoComponent() {
    HttpResponse<String> r = TestApps.get(server, "/teapot");
    assertEquals(418, r.statusCode());
    assertEquals("teapot", r.headers().firstValue("x-kind").orElseThrow());
    assertEquals("short and stout", r.body());
  }

  @Test
  void filesAreMountedReadOnlyWithExclusions() {
    HttpResponse<String> a = TestApps.get(server, "/static/assets/deep/a.txt");
    assertEquals(200, a.statusCode(), a.body());
    assertEquals("file a\n", a.body());
    assertEquals("no", a.headers().firstValue("x-write").orElseThrow(), "the mount is read-only");
    assertEquals(
        "top\n", TestApps.get(server, "/static/assets/top.txt").body(), "** matches no folder");
    assertEquals(404, TestApps.get(server, "/static/assets/secret.txt").statusCode());
    assertEquals("file b\n", TestApps.get(server, "/static/more/b.txt").body());
    assertEquals(404, TestApps.get(server, "/static/spin.toml").statusCode());
  }

  @Test
  void privateRoutesAreNotListed() {
    assertEquals(
        List.of("/hello", "/env/...", "/env/exact", "/users/:id", "/static/...", "/teapot"),
        List.copyOf(server.routes().keySet()));
  }

  @Test
  void spinWellKnownEndpointsAnswer() {
    HttpResponse<String> health = TestApps.get(server, "/.well-known/spin/health");
    assertEquals(200, health.statusCode());
    assertEquals("OK", health.body());
    HttpResponse<String> info = TestApps.get(server, "/.well-known/spin/info");
    assertEquals(200, info.statusCode());
    assertTrue(info.body().contains("\"name\":\"multi\""), info.body());
    assertTrue(info.body().contains("\"version\":\"1.2.3\""), info.body());
  }

  @Test
  void everyRequestGetsOneAccessLogLine() {
    TestApps.get(server, "/hello?x=1");
    assertTrue(
        LOG.info.stream().anyMatch(l -> l.matches("GET /hello 200 14 \\d+\\.\\d{3}ms hello")),
        LOG.info.toString());
    assertFalse(
        String.join("\n", LOG.info).contains("s3cret"), "secret values stay out of the log");
  }
}

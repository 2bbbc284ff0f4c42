package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.SuborbitalBundle;
import dev.cortado.oci.testing.ZipWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Suborbital bundle built by the test (WAT runnables, a Directive with fn and group steps),
 * served end to end.
 */
class SuborbitalServingTest {
  static final String DIRECTIVE =
      """
      identifier: com.example.greeter
      appVersion: v1.0.0
      atmoVersion: v0.4.7
      handlers:
        - type: request
          resource: /hello/:name
          method: GET
          steps:
            - fn: greet
            - group:
                - fn: upper
                  with:
                    text: greet
                - fn: banner
            - fn: join
          response: join
        - type: request
          resource: /fail
          method: GET
          steps:
            - fn: fail
        - type: request
          resource: /tolerant
          method: GET
          steps:
            - fn: fail
              onErr:
                code:
                  404: continue
                other: return
            - fn: banner
          response: fail
        - type: request
          resource: /files/*path
          method: GET
          steps:
            - fn: path
        - type: request
          resource: /echo
          method: POST
          steps:
            - fn: echo
        - type: request
          resource: /echo
          method: GET
          steps:
            - fn: recall
        - type: request
          resource: /headers
          method: GET
          steps:
            - fn: badheaders
        - type: request
          resource: /together
          method: GET
          steps:
            - group:
                - fn: ping
                - fn: pong
      """;

  @TempDir static Path temp;
  static WasmServer server;
  static final TestApps.KeptLog LOG = new TestApps.KeptLog();

  @BeforeAll
  static void start() {
    Path zip =
        new ZipWriter()
            .file("Directive.yaml", DIRECTIVE)
            .file("greet.wasm", Runnables.greet())
            .file("upper.wasm", Runnables.upper())
            .file("banner.wasm", Runnables.banner())
            .file("join.wasm", Runnables.join())
            .file("fail.wasm", Runnables.fail())
            .file("echo.wasm", Runnables.echo())
            .file("recall.wasm", Runnables.recall())
            .file("path.wasm", Runnables.path())
            .file("badheaders.wasm", Runnables.badHeaders())
            .file("ping.wasm", Runnables.rendezvous("ping", "pong"))
            .file("pong.wasm", Runnables.rendezvous("pong", "ping"))
            .file("static/banner.txt", ">> ")
            .write(temp.resolve("runnables.wasm.zip"));
    server =
        WasmServer.start(
            SuborbitalBundle.read(zip), TestApps.config(LOG).withTimeout(Duration.ofSeconds(20)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void runsAnFnStepThenAGroupThenAnFnOverTheSharedState() {
    long before = server.instantiations();
    HttpResponse<String> r = TestApps.get(server, "/hello/world");
    assertEquals(200, r.statusCode(), r.body() + LOG.errors);
    assertEquals(">> HELLO WORLD", r.body());
    assertEquals("yes", r.headers().firstValue("x-greeted").orElseThrow());
    assertEquals(
        4, server.instantiations() - before, "a fresh instance for each of the four runnables");
  }

  @Test
  void aHeaderNoHttpMessageCanCarryIsLeftOutAndLogged() {
    HttpResponse<String> r = TestApps.get(server, "/headers");
    assertEquals(200, r.statusCode(), r.body() + LOG.errors);
    assertEquals("ok", r.headers().firstValue("x-good").orElseThrow());
    assertEquals(List.of(), r.headers().allValues("x-ctl"));
    assertEquals(List.of(), r.headers().allValues("injected"));
    assertTrue(
        LOG.errors.toString().contains("left out a response header that is not one"),
        LOG.errors.toString());
  }

  @Test
  void aGroupsRunnablesRunAtTheSameTime() {
    HttpResponse<String> r = TestApps.get(server, "/together");
    assertEquals(200, r.statusCode(), "each waits for the other: " + r.body() + LOG.errors);
    assertEquals("pong", r.body(), "the last result of the group");
  }

  @Test
  void listsOneRoutePerResource() {
    assertEquals(
        List.of(
            "/hello/:name", "/fail", "/tolerant", "/files/...", "/echo", "/headers", "/together"),
        List.copyOf(server.routes().keySet()));
    assertEquals("POST, GET (suborbital)", server.routes().get("/echo"));
    assertEquals(
        "GET (suborbital, the rest of the path as path)", server.routes().get("/files/..."));
  }

  @Test
  void aRunnableErrorAnswersWithItsCodeAndJson() {
    HttpResponse<String> r = TestApps.get(server, "/fail");
    assertEquals(404, r.statusCode());
    assertEquals("{\"code\":404,\"message\":\"nothing here\"}", r.body());
    assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
  }

  @Test
  void onErrContinueKeepsTheErrorInTheStateAndGoesOn() {
    HttpResponse<String> r = TestApps.get(server, "/tolerant");
    assertEquals(200, r.statusCode());
    assertEquals("{\"code\":404,\"message\":\"nothing here\"}", r.body());
  }

  @Test
  void aStarSegmentTakesTheRestOfThePath() {
    HttpResponse<String> r = TestApps.get(server, "/files/a/b%20c.txt");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("/a/b c.txt", r.body());
  }

  @Test
  void theBodyIsTheInputAndTheCacheIsShared() {
    HttpResponse<String> echoed =
        TestApps.send(
            HttpRequest.newBuilder(TestApps.uri(server, "/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("ping"))
                .build());
    assertEquals(200, echoed.statusCode());
    assertEquals("ping", echoed.body());
    assertEquals("text/plain", echoed.headers().firstValue("content-type").orElseThrow());
    assertEquals("ping", TestApps.get(server, "/echo").body(), "a later request reads the cache");
    assertTrue(LOG.info.stream().anyMatch(l -> l.equals("[echo] echoing")), LOG.info.toString());
  }

  @Test
  void anotherMethodGets405() {
    HttpResponse<String> r =
        TestApps.send(HttpRequest.newBuilder(TestApps.uri(server, "/fail")).DELETE().build());
    assertEquals(405, r.statusCode());
    assertEquals("GET", r.headers().firstValue("allow").orElseThrow());
  }

  @Test
  void aRunnableImportingAnUnsupportedHostFunctionIsRefusedAtStart() {
    Path zip =
        new ZipWriter()
            .file(
                "Directive.yaml",
                "identifier: x\nappVersion: v1\natmoVersion: v1\nhandlers:\n"
                    + "  - type: request\n    resource: /\n    method: GET\n"
                    + "    steps:\n      - fn: fetcher\n")
            .file("fetcher.wasm", Runnables.fetcher())
            .write(temp.resolve("fetcher.zip"));
    ServeException e =
        assertThrows(
            ServeException.class,
            () -> WasmServer.start(SuborbitalBundle.read(zip), TestApps.config(LOG)));
    assertTrue(e.getMessage().contains("runnable fetcher"), e.getMessage());
    assertTrue(e.getMessage().contains("imports env.fetch_url"), e.getMessage());
    assertTrue(e.getMessage().contains("outbound HTTP"), e.getMessage());
  }
}

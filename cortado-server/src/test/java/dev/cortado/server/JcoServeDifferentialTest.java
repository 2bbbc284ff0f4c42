package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.wasm.testing.ExternalTool;
import dev.cortado.wasm.testing.NpmTool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same {@code wasi:http} component (JavaScript, from componentize-js) served by {@code cortado
 * serve} and by the reference host, {@code jco serve} (jco 1.35.0 on node): each request gets the
 * same status, body and the headers that matter ({@code content-type} and the component's own), jco
 * giving a fresh instance per request as Cortado does ({@code --isolate-requests instance}). jco
 * comes from {@code $JCO} or is installed by npm into {@code target/jco}; without node and npm the
 * test is skipped, unless {@code CORTADO_REQUIRE_TOOLS=1}.
 */
class JcoServeDifferentialTest {
  private static Process jco;
  private static URI reference;
  private static WasmServer cortado;

  @BeforeAll
  static void startBoth() throws Exception {
    Path bin =
        NpmTool.binary(
            "JCO",
            "@bytecodealliance/jco@1.35.0",
            "jco",
            Path.of("target/jco"),
            "cortado serve cannot be compared with jco serve");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    jco =
        new ProcessBuilder(
                "node",
                bin.toString(),
                "serve",
                HttpComponentServingTest.JS.toAbsolutePath().toString(),
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                // An instance per request, as cortado serve gives (a fetch-event component
                // answers once per instance; jco's default shares one).
                "--isolate-requests",
                "instance")
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    // jco prints "Server listening @ host:port..." once its node child listens.
    BufferedReader out =
        new BufferedReader(new InputStreamReader(jco.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> listening =
        CompletableFuture.supplyAsync(
            () -> {
              StringBuilder seen = new StringBuilder();
              try {
                for (String line; (line = out.readLine()) != null; ) {
                  seen.append(line).append('\n');
                  if (line.contains("listening")) {
                    return "";
                  }
                }
              } catch (IOException e) {
                seen.append(e);
              }
              return seen.toString();
            });
    String problem = listening.get(2, TimeUnit.MINUTES);
    ExternalTool.requireThat(problem.isEmpty(), "jco serve did not start: " + problem);
    reference = URI.create("http://127.0.0.1:" + port);
    cortado =
        WasmServer.start(
            Manifest.forModule(HttpComponentServingTest.JS),
            TestApps.config(new TestApps.KeptLog()));
  }

  @AfterAll
  static void stopBoth() {
    if (cortado != null) {
      cortado.close();
    }
    if (jco != null) {
      // jco serve runs the server in a node child of its own.
      jco.descendants().forEach(ProcessHandle::destroyForcibly);
      jco.destroyForcibly();
    }
  }

  /** Sends the request {@code build} makes for each server and compares the answers. */
  private static void same(String what, Function<URI, HttpRequest.Builder> build) {
    HttpResponse<String> theirs =
        TestApps.send(build.apply(reference).timeout(Duration.ofSeconds(30)).build());
    HttpResponse<String> ours =
        TestApps.send(build.apply(cortado.uri()).timeout(Duration.ofSeconds(30)).build());
    assertEquals(theirs.statusCode(), ours.statusCode(), what + ": status");
    assertEquals(theirs.body(), ours.body(), what + ": body");
    for (String header : List.of("content-type", "x-served-by")) {
      assertEquals(
          theirs.headers().allValues(header),
          ours.headers().allValues(header),
          what + ": " + header);
    }
  }

  @Test
  void getWithAPathAndAQuery() {
    same("GET", u -> HttpRequest.newBuilder(u.resolve("/a/b?x=1&y=%20")).GET());
  }

  @Test
  void postWithABody() {
    same(
        "POST",
        u ->
            HttpRequest.newBuilder(u.resolve("/p"))
                .POST(HttpRequest.BodyPublishers.ofString("a body, ünïcode"))
                .header("content-type", "text/plain"));
  }

  @Test
  void aStatusTheComponentChooses() {
    same("404", u -> HttpRequest.newBuilder(u.resolve("/missing")).GET());
  }

  @Test
  void otherMethods() {
    for (String method : List.of("PUT", "DELETE", "PATCH")) {
      same(
          method,
          u ->
              HttpRequest.newBuilder(u.resolve("/m"))
                  .method(method, HttpRequest.BodyPublishers.ofString("x")));
    }
  }
}

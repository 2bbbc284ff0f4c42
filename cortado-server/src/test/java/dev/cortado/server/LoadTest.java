package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Large bodies through standard input and many connections at once. */
class LoadTest {
  @Test
  void tenMegabyteBodyGoesThroughStandardInput() {
    byte[] body = new byte[10 << 20];
    new Random(7).nextBytes(body);
    TestApps.KeptLog log = new TestApps.KeptLog();
    try (WasmServer server =
        WasmServer.start(Manifest.forModule(TestApps.wasm("echo")), TestApps.config(log))) {
      HttpResponse<byte[]> r =
          TestApps.CLIENT
              .sendAsync(
                  HttpRequest.newBuilder(TestApps.uri(server, "/upload"))
                      .header("Content-Type", "application/x-test")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray())
              .orTimeout(60, TimeUnit.SECONDS)
              .join();
      assertEquals(200, r.statusCode());
      assertEquals(Integer.toString(body.length), r.headers().firstValue("x-body-length").get());
      assertEquals("application/x-test", r.headers().firstValue("content-type").get());
      assertArrayEquals(body, r.body());
    }
  }

  @Test
  void bodyAboveTheLimitGets413() {
    TestApps.KeptLog log = new TestApps.KeptLog();
    try (WasmServer server =
        WasmServer.start(
            Manifest.forModule(TestApps.wasm("echo")),
            TestApps.config(log).withMaxRequestBody(1000))) {
      HttpResponse<String> r =
          TestApps.send(
              HttpRequest.newBuilder(TestApps.uri(server, "/"))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2000]))
                  .build());
      assertEquals(413, r.statusCode());
      assertEquals(0, server.instantiations());
    }
  }

  /**
   * 1,000 requests at once, each on a connection of its own, to the WAGI module and to the C
   * wasi:http component (its answers streamed).
   */
  @ParameterizedTest
  @ValueSource(strings = {"wagi", "component"})
  void thousandConcurrentConnectionsAreAllAnswered(String kind) {
    TestApps.KeptLog log = new TestApps.KeptLog();
    // A client of its own: each of its HTTP/1.1 requests in flight holds a connection of its own.
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Path app = kind.equals("wagi") ? TestApps.wasm("hello") : TestApps.component("http");
    try (WasmServer server = WasmServer.start(Manifest.forModule(app), TestApps.config(log))) {
      List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        pending.add(
            client.sendAsync(
                HttpRequest.newBuilder(TestApps.uri(server, "/n/" + i)).build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      int ok = 0;
      for (int i = 0; i < pending.size(); i++) {
        HttpResponse<String> r = pending.get(i).orTimeout(120, TimeUnit.SECONDS).join();
        String expected =
            kind.equals("wagi") ? "Hello, world!\n" : "hello from C: GET /n/" + i + "\n";
        if (r.statusCode() == 200 && r.body().equals(expected)) {
          ok++;
        }
      }
      assertEquals(1000, ok);
      assertEquals(1000, server.instantiations());
      assertTrue(server.meanInstantiationTime().toNanos() > 0);
    }
  }
}

package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping refuses new connections and lets requests in flight finish, up to the drain limit. */
class GracefulStopTest {
  @Test
  void requestInFlightIsAnsweredWhileStopping() throws Exception {
    WasmServer server =
        WasmServer.start(
            Manifest.forModule(TestApps.wasm("misbehave")),
            TestApps.config(new TestApps.KeptLog()).withDrainTimeout(Duration.ofSeconds(10)));
    CompletableFuture<HttpResponse<String>> slow =
        TestApps.CLIENT.sendAsync(
            HttpRequest.newBuilder(TestApps.uri(server, "/?sleep")).build(),
            HttpResponse.BodyHandlers.ofString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.instantiations() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    java.net.URI root = server.uri();
    long start = System.nanoTime();
    server.close();
    HttpResponse<String> r = slow.get(10, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode());
    assertEquals("slept\n", r.body());
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(9), "did not wait the limit");
    java.net.http.HttpClient fresh = java.net.http.HttpClient.newHttpClient();
    assertThrows(
        IOException.class,
        () ->
            fresh.send(HttpRequest.newBuilder(root).build(), HttpResponse.BodyHandlers.ofString()));
  }
}

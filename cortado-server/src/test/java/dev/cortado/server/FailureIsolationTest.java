package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.StoreConfig;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request whose program traps, runs too long, runs out of memory, exits with an error or writes a
 * bad response gets a 500 and a log line; the next request, and the ones running beside it, are
 * answered as usual.
 */
class FailureIsolationTest {
  static final TestApps.KeptLog LOG = new TestApps.KeptLog();
  static WasmServer server;

  @BeforeAll
  static void start() {
    server =
        WasmServer.start(
            Manifest.forModule(TestApps.wasm("misbehave")),
            TestApps.config(LOG)
                .withTimeout(Duration.ofMillis(1500))
                .withStoreConfig(StoreConfig.defaults().withMaxMemoryPages(64)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void failsAloneWith(String query, String kind) {
    HttpResponse<String> r = TestApps.get(server, "/?" + query);
    assertEquals(500, r.statusCode(), query);
    assertTrue(r.body().contains("the component failed"), r.body());
    assertTrue(
        LOG.errors.stream()
            .anyMatch(l -> l.contains("(" + kind + ") on GET /") && l.contains("misbehave")),
        LOG.errors.toString());
    HttpResponse<String> next = TestApps.get(server, "/");
    assertEquals(200, next.statusCode(), "the request after " + query);
    assertEquals("fine\n", next.body());
  }

  @Test
  void trapGives500() {
    failsAloneWith("trap", "trap");
  }

  @Test
  void timeoutGives500() {
    long start = System.nanoTime();
    failsAloneWith("loop", "timeout");
    assertTrue(System.nanoTime() - start < 10_000_000_000L, "stopped at the timeout");
  }

  @Test
  void memoryLimitGives500() {
    failsAloneWith("alloc", "trap");
  }

  @Test
  void nonZeroExitGives500() {
    failsAloneWith("exit", "exit");
  }

  @Test
  void outputWithoutCgiHeadersGives500() {
    failsAloneWith("bad", "output");
  }

  @Test
  void standardErrorGoesToTheLog() {
    assertEquals(200, TestApps.get(server, "/?stderr").statusCode());
    assertTrue(LOG.errors.contains("[misbehave] a line for the log"), LOG.errors.toString());
  }

  @Test
  void statusAndLocationHeadersSetTheStatus() {
    HttpResponse<String> redirect = TestApps.get(server, "/?redirect");
    assertEquals(302, redirect.statusCode());
    assertEquals("/elsewhere", redirect.headers().firstValue("location").orElseThrow());
    HttpResponse<String> teapot = TestApps.get(server, "/?status");
    assertEquals(418, teapot.statusCode());
    assertEquals("teapot\n", teapot.body());
  }

  @Test
  void aRunawayRequestDoesNotHoldUpOthers() {
    CompletableFuture<HttpResponse<String>> runaway =
        TestApps.CLIENT.sendAsync(
            HttpRequest.newBuilder(TestApps.uri(server, "/?loop")).build(),
            HttpResponse.BodyHandlers.ofString());
    List<HttpResponse<String>> others = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      others.add(TestApps.get(server, "/"));
    }
    assertTrue(others.stream().allMatch(r -> r.statusCode() == 200));
    assertEquals(500, runaway.join().statusCode());
  }

  @Test
  void runningOutOfFuelGives500() {
    TestApps.KeptLog log = new TestApps.KeptLog();
    try (WasmServer fuelled =
        WasmServer.start(
            Manifest.forModule(TestApps.wasm("misbehave")),
            TestApps.config(log).withFuel(1_000_000))) {
      assertEquals(500, TestApps.get(fuelled, "/?loop").statusCode());
      assertTrue(log.errors.stream().anyMatch(l -> l.contains("(fuel)")), log.errors.toString());
      assertEquals(200, TestApps.get(fuelled, "/").statusCode());
    }
  }
}

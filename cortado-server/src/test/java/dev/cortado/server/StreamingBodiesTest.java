package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.testing.ExternalTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wasi:http} bodies stream both ways: the C component (components/http.c) reads the request
 * body as the client sends it and its response goes out as it writes it, with trailers both ways.
 * The server's buffered-body limit is 1 MiB here, far below what streams through.
 */
class StreamingBodiesTest {
  private static final TestApps.KeptLog LOG = new TestApps.KeptLog();
  private static WasmServer server;

  @BeforeAll
  static void start() {
    server =
        WasmServer.start(
            Manifest.forModule(TestApps.component("http")),
            TestApps.config(LOG).withMaxRequestBody(1 << 20));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * With curl, which reads the answer while it sends (the JDK's client sends the whole body first,
   * and an echo that answers as it reads would wait on it forever).
   */
  @Test
  void aTenMegabyteBodyStreamsThroughAndBack(@TempDir Path dir) throws Exception {
    Path curl = ExternalTool.require("curl", "curl");
    byte[] body = new byte[10_000_000];
    new Random(7).nextBytes(body);
    Path sent = Files.write(dir.resolve("sent"), body);
    Path got = dir.resolve("got");
    Process p =
        new ProcessBuilder(
                curl.toString(),
                "-sS",
                "--fail",
                "--data-binary",
                "@" + sent,
                "-o",
                got.toString(),
                TestApps.uri(server, "/echo").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "curl did not finish");
    assertEquals(0, p.exitValue(), output);
    assertArrayEquals(body, Files.readAllBytes(got));
    assertTrue(
        LOG.info.stream().anyMatch(l -> l.startsWith("POST /echo 200 10000000 ")),
        LOG.info.toString());
  }

  @Test
  void aResponseLargerThanAnyBufferIsSentAsItIsMade() throws Exception {
    long n = 100L << 20; // above the 64 MiB a collected response may hold
    HttpResponse<InputStream> r =
        TestApps.CLIENT.send(
            HttpRequest.newBuilder(TestApps.uri(server, "/big?n=" + n)).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    long count = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = r.body()) {
      for (int k; (k = in.read(buf)) > 0; ) {
        count += k;
      }
    }
    assertEquals(200, r.statusCode());
    assertEquals(n, count);
  }

  /**
   * Over a raw connection: the echo of the first chunk comes back before the second is sent, so
   * neither body is buffered whole; the request's trailer reaches the component, and its trailers
   * come back.
   */
  @Test
  void theAnswerStartsBeforeTheRequestEndsAndTrailersPassBothWays() throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.uri().getPort())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      write(
          out,
          "POST /echo HTTP/1.1\r\nHost: localhost\r\nTE: trailers\r\nTransfer-Encoding: chunked\r\n"
              + "Connection: close\r\n\r\n5\r\nping1\r\n");
      String first = readUntil(in, "ping1");
      assertTrue(first.startsWith("HTTP/1.1 200"), first);
      write(out, "5\r\nping2\r\n0\r\nx-checksum: abc123\r\n\r\n");
      String rest = readUntil(in, "x-request-checksum: abc123");
      assertTrue(rest.contains("ping2"), rest);
      assertTrue(rest.contains("x-echo-bytes: 10"), rest);
    }
  }

  /**
   * A small answer, flushed then finished at once, goes out whole with its length; the echo's first
   * chunk, flushed while the component waits for more of the request, still goes out (the test
   * above) once the first flush has waited its moment.
   */
  @Test
  void aSmallAnswerFinishedAtOnceGoesOutWithItsLength() throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.uri().getPort())) {
      s.setSoTimeout(30_000);
      write(
          s.getOutputStream(),
          "GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      String head = all.substring(0, all.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
      String body = "hello from C: GET /hello\n";
      assertTrue(head.contains("content-length: " + body.length()), head);
      assertFalse(head.contains("transfer-encoding"), head);
      assertTrue(all.endsWith(body), all);
    }
  }

  @Test
  void withoutTeTrailersNoTrailersAreSent() throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.uri().getPort())) {
      s.setSoTimeout(30_000);
      write(
          s.getOutputStream(),
          "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\nConnection: close\r\n"
              + "\r\nabcd");
      String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(all.contains("abcd"), all);
      assertTrue(!all.contains("x-echo-bytes"), all);
    }
  }

  @Test
  void aTrapAfterTheAnswerStartedCutsItOffAndTheServerGoesOn() throws Exception {
    HttpResponse<String> trapped = TestApps.get(server, "/trap");
    assertEquals(500, trapped.statusCode(), "a trap before the answer is a 500");
    assertEquals(200, TestApps.get(server, "/hello").statusCode());
  }

  @Test
  void aStatusThatIsNotFinalIsAFailedRequest() {
    for (String code : new String[] {"101", "103", "600", "999"}) {
      HttpResponse<String> r = TestApps.get(server, "/status?code=" + code);
      assertEquals(500, r.statusCode(), code);
      assertTrue(
          LOG.errors.stream()
              .anyMatch(l -> l.contains("status " + code + ", not a final HTTP status")),
          LOG.errors.toString());
    }
    HttpResponse<String> teapot = TestApps.get(server, "/status?code=418");
    assertEquals(418, teapot.statusCode());
    assertEquals("status\n", teapot.body());
  }

  @Test
  void aClientLeavingMidAnswerEndsItAndTheServerGoesOn() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.uri().getPort())) {
      s.setSoTimeout(30_000);
      write(s.getOutputStream(), "GET /big?n=1000000000 HTTP/1.1\r\nHost: localhost\r\n\r\n");
      readUntil(s.getInputStream(), "abcdefghij");
    } // gone after the first bytes of a gigabyte
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (LOG.errors.stream().noneMatch(l -> l.contains("on GET /big"))
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(
        LOG.errors.stream().anyMatch(l -> l.contains("on GET /big")),
        "the component's failed write is logged: " + LOG.errors);
    assertEquals(200, TestApps.get(server, "/hello").statusCode());
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads until {@code marker} has been read; returns what was read. */
  private static String readUntil(InputStream in, String marker) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    while (!got.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection ended before \"" + marker + "\": " + got);
      }
      got.write(b);
    }
    return got.toString(StandardCharsets.ISO_8859_1);
  }
}

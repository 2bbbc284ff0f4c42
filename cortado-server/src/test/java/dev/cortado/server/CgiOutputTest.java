package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WAGI program's output as a hostile or careless program writes it (the program writes the
 * request's body back as its whole output): the server frames the response itself, whatever headers
 * the program sets, and a status that is not a final one is a failed request, so that the client
 * and the connection are never left in a state HTTP does not describe.
 */
class CgiOutputTest {
  /** Copies standard input (up to 60,000 bytes) to standard output. */
  private static final String RAW =
      """
      (module
        (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
        (memory (export "memory") 2)
        (func (export "_start")
          (i32.store (i32.const 0) (i32.const 1024))
          (i32.store (i32.const 4) (i32.const 60000))
          (drop (call $read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 16)))
          (i32.store (i32.const 4) (i32.load (i32.const 16)))
          (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 16)))))
      """;

  static final TestApps.KeptLog LOG = new TestApps.KeptLog();
  static WasmServer server;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws IOException {
    Path raw =
        Files.write(dir.resolve("raw.wasm"), ModuleEncoder.encode(TextParser.parseModule(RAW)));
    server = WasmServer.start(Manifest.forModule(raw), TestApps.config(LOG));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> answer(String output) {
    return TestApps.send(server, "POST", "/", output);
  }

  @Test
  void framingAndConnectionHeadersOfTheProgramAreDropped() {
    HttpResponse<String> r =
        answer(
            "Content-Type: text/plain\nTransfer-Encoding: chunked\nContent-Length: 2\n"
                + "Connection: upgrade\nUpgrade: h2c\nKeep-Alive: timeout=1\nTrailer: X\n"
                + "X-Kept: yes\n\nbody\n");
    assertEquals(200, r.statusCode());
    assertEquals("body\n", r.body());
    assertEquals(Optional.of("5"), r.headers().firstValue("content-length"));
    assertEquals(Optional.of("yes"), r.headers().firstValue("x-kept"));
    for (String dropped : new String[] {"transfer-encoding", "upgrade", "keep-alive", "trailer"}) {
      assertEquals(Optional.empty(), r.headers().firstValue(dropped), dropped);
    }
    // The connection still carries the next exchange.
    assertEquals("again\n", answer("Content-Type: text/plain\n\nagain\n").body());
  }

  @Test
  void aStatusThatIsNotFinalIsAFailedRequest() {
    for (String status : new String[] {"101 Switching Protocols", "100", "600", "999"}) {
      HttpResponse<String> r = answer("Status: " + status + "\nContent-Type: text/plain\n\nx\n");
      assertEquals(500, r.statusCode(), status);
      assertTrue(
          LOG.errors.stream().anyMatch(l -> l.contains("not a final HTTP status")),
          LOG.errors.toString());
    }
    assertEquals(204, answer("Status: 204\nContent-Type: text/plain\n\n").statusCode());
  }
}

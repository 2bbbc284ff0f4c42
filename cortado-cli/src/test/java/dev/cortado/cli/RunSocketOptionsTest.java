package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cortado run}'s network grants for components ({@code --allow-connect}, ...), with
 * cortado-component's sockets test component ({@code components/sockets/sockets.c}), which stops at
 * the first operation that fails.
 */
class RunSocketOptionsTest {
  private static final Path SOCKETS =
      Path.of("../cortado-component/src/test/resources/components/sockets/sockets.wasm");

  @TempDir Path dir;
  private final ServerSocket echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
  private final ExecutorService services = Executors.newCachedThreadPool();

  RunSocketOptionsTest() throws IOException {}

  @AfterEach
  void stop() throws IOException {
    echo.close();
    services.shutdownNow();
  }

  private record Run(int status, String out, String err) {}

  /**
   * Runs {@code cortado} in-process; the program's standard output, which {@code run} inherits from
   * the JVM, is captured with the command's own.
   */
  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream program = new ByteArrayOutputStream();
    PrintStream jvmOut = System.out;
    int status;
    System.setOut(new PrintStream(program, true, StandardCharsets.UTF_8));
    try {
      status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    } finally {
      System.setOut(jvmOut);
    }
    return new Run(status, program.toString(StandardCharsets.UTF_8) + out, err.toString());
  }

  private CompletableFuture<Void> echoOnce() {
    return CompletableFuture.runAsync(
        () -> {
          try (Socket s = echo.accept()) {
            s.setSoTimeout(20_000);
            s.getInputStream().transferTo(s.getOutputStream());
          } catch (IOException e) {
            // the test's assertions say what went wrong
          }
        },
        services);
  }

  @Test
  void aComponentReachesOnlyWhatTheFlagsAllow() {
    assertTrue(Files.exists(SOCKETS), SOCKETS.toAbsolutePath().toString());
    String port = "" + echo.getLocalPort();
    echoOnce();
    Run r =
        run("run", "--allow-connect=127.0.0.1:" + port, SOCKETS.toString(), port, "1", "2", "3");
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().isEmpty() || !r.err().contains("Exception"), r.err());
    // Connecting was allowed; binding, by default, is not.
    assertTrue(r.out().contains("tcp echo: hello, sockets\n"), r.out());
    assertTrue(r.out().endsWith("FAILED start-bind: access-denied\n"), r.out());
  }

  @Test
  void withoutFlagsAComponentHasNoNetwork() {
    Run r = run("run", SOCKETS.toString(), "" + echo.getLocalPort(), "1", "2", "3");
    assertEquals("FAILED start-connect: access-denied\n", r.out());
    assertEquals(1, r.status());
  }

  @Test
  void aBadAddressPatternIsOneClearLine() {
    for (String[] bad :
        new String[][] {
          {"--allow-connect=example.com:80", "--allow-connect example.com:80: bad address pattern"},
          {"--allow-bind=127.0.0.1", "needs HOST:PORTS"},
          {"--allow-udp=10.0.0.1/8:53", "bits set past the /8 prefix"},
          {"--allow-connect=[::1]:99999", "above 65535"},
        }) {
      Run r = run("run", bad[0], SOCKETS.toString());
      assertEquals(1, r.status(), bad[0]);
      assertTrue(r.err().contains(bad[1]), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
  }

  @Test
  void aBadPatternIsReportedBeforeTheModuleIsRead() {
    Run r = run("run", "--allow-connect=localhost:80x", dir.resolve("missing.wasm").toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("--allow-connect localhost:80x: bad address pattern"), r.err());
  }

  @Test
  void theFlagsAreRefusedForAPreview1Module() throws IOException {
    Path module = Files.writeString(dir.resolve("m.wat"), "(module (func (export \"_start\")))");
    Run r = run("run", "--allow-dns", module.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("grant wasi:sockets to components"), r.err());
  }

  @Test
  void theHelpNamesTheFlags() {
    Run r = run("run", "--help");
    for (String flag :
        new String[] {"--allow-connect", "--allow-bind", "--allow-udp", "--allow-dns"}) {
      assertTrue(r.out().contains(flag), flag);
    }
  }
}

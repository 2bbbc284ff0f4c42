package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.Store;
import dev.cortado.wasi.SocketPolicy;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasi.WasiExitException;
import dev.cortado.wasi.WasiOutput;
import dev.cortado.wasm.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real component (C against the canonical ABI by hand, {@code components/sockets/sockets.c},
 * rebuilt by {@code build-sockets.sh}) using {@code wasi:sockets} against services this test runs
 * on loopback: a TCP echo server, a TCP client of the component's listener, a UDP echo.
 */
class SocketsComponentTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final int DENIED_PORT = 7;

  private final ServerSocket echo = new ServerSocket(0, 50, LOOPBACK);
  private final DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
  // Threads of their own: the common pool may have one thread on a small machine.
  private final ExecutorService services = Executors.newCachedThreadPool();

  SocketsComponentTest() throws IOException {}

  @AfterEach
  void stop() throws IOException {
    echo.close();
    udp.close();
    services.shutdownNow();
  }

  static Component sockets() throws IOException {
    try (InputStream in =
        SocketsComponentTest.class.getResourceAsStream("/components/sockets/sockets.wasm")) {
      return Component.decode(Bytes.of(in.readAllBytes()));
    }
  }

  /** Echoes one connection until the peer ends it, then closes it. */
  private CompletableFuture<Void> echoOnce() {
    return CompletableFuture.runAsync(
        () -> {
          try (Socket s = echo.accept()) {
            s.setSoTimeout(20_000);
            s.getInputStream().transferTo(s.getOutputStream());
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        },
        services);
  }

  /** Answers one datagram with the same bytes. */
  private CompletableFuture<Void> udpEchoOnce() {
    return CompletableFuture.runAsync(
        () -> {
          try {
            udp.setSoTimeout(20_000);
            DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
            udp.receive(p);
            udp.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        },
        services);
  }

  /** Connects to the component's listener once it listens, says ping, returns the answer. */
  private CompletableFuture<String> clientOf(int port) {
    return CompletableFuture.supplyAsync(
        () -> {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          while (true) {
            try (Socket s = new Socket(LOOPBACK, port)) {
              s.setSoTimeout(20_000);
              OutputStream out = s.getOutputStream();
              out.write("ping".getBytes(StandardCharsets.US_ASCII));
              out.flush();
              return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
              if (System.nanoTime() > deadline) {
                throw new IllegalStateException(e);
              }
              try {
                Thread.sleep(20);
              } catch (InterruptedException ie) {
                throw new IllegalStateException(ie);
              }
            }
          }
        },
        services);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
      return s.getLocalPort();
    }
  }

  @Test
  void aComponentConnectsListensAndSendsDatagramsWhereThePolicyAllows() throws Exception {
    int listen = freePort();
    int echoPort = echo.getLocalPort();
    int udpPort = udp.getLocalPort();
    SocketPolicy policy =
        SocketPolicy.none()
            .withConnect("127.0.0.1:" + echoPort)
            .withBind("127.0.0.1:" + listen)
            .withDatagrams("127.0.0.1:" + udpPort)
            .withNameLookup();
    WasiOutput out = WasiOutput.capture();
    WasiConfig config =
        WasiConfig.defaults()
            .withArgs(
                List.of("sockets", "" + echoPort, "" + listen, "" + udpPort, "" + DENIED_PORT))
            .withStdout(out)
            .withStderr(out)
            .withSocketPolicy(policy);
    CompletableFuture<Void> echoed = echoOnce();
    CompletableFuture<Void> udpEchoed = udpEchoOnce();
    CompletableFuture<String> client = clientOf(listen);
    try (WasiPreview2 wasi = WasiPreview2.create(config)) {
      Store store = Store.create(Engine.create());
      store.setTimeout(Duration.ofSeconds(30));
      wasi.enter(store);
      ComponentInstance app = wasi.addTo(ComponentLinker.create()).instantiate(store, sockets());
      ComponentFunction run = app.function("wasi:cli/run@0.2.0", "run").orElseThrow();
      Optional<ComponentValue> result;
      try {
        result = run.call();
      } catch (WasiExitException | ExecutionInterruptedException e) {
        throw new AssertionError(e.getMessage() + ", after:\n" + out.text(), e);
      }
      assertEquals(
          String.join(
              "\n",
              "tcp connected to port " + echoPort,
              "tcp echo: hello, sockets",
              "tcp end of stream after shutdown: yes",
              "listen before bind: invalid-state",
              "finish-bind before start-bind: not-in-progress",
              "bind twice: invalid-state",
              "keep-alive idle time 1.5 s reads back as 2000000000 ns",
              "tcp listening on port " + listen + ": yes",
              "tcp accepted, keep-alive inherited: yes",
              "tcp server read: ping",
              "udp stream before bind: invalid-state",
              "udp bound to an ephemeral port: yes",
              "udp sent 1 datagram",
              "udp received \"datagram\" from port " + udpPort,
              "udp send to a denied address: access-denied",
              // localhost may be ::1 too, which no grant covers
              "name lookup of localhost: 127.0.0.1",
              "connect to a denied address: access-denied",
              "bind to a denied address: access-denied",
              "connect to 0.0.0.0: invalid-argument",
              "finish-connect without start: not-in-progress",
              "name lookup of an address no grant covers: access-denied",
              "done",
              ""),
          out.text());
      assertEquals(true, ((ComponentValue.ResultV) result.orElseThrow()).ok());
    }
    echoed.get(20, TimeUnit.SECONDS);
    udpEchoed.get(20, TimeUnit.SECONDS);
    assertEquals("pong", client.get(20, TimeUnit.SECONDS));
  }
}

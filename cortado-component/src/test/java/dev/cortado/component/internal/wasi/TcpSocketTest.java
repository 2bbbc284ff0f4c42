package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.SocketTesting.at;
import static dev.cortado.component.internal.wasi.SocketTesting.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.component.ComponentValue;
import dev.cortado.component.internal.wasi.SocketAddresses.Family;
import dev.cortado.runtime.Engine;
import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.Store;
import dev.cortado.wasi.SocketPolicy;
import dev.cortado.wasi.internal.WasiContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code tcp-socket} state machine and its error codes, on loopback. */
class TcpSocketTest {
  private static final SocketPolicy LOOPBACK =
      SocketPolicy.none().withBind("127.0.0.1:*").withConnect("127.0.0.1:*");

  private final WasiContext ctx = SocketTesting.context();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private TcpSocket socket(SocketPolicy policy) throws IOException {
    TcpSocket s = TcpSocket.create(Family.IPV4, policy, ctx, x -> {});
    open.add(s);
    return s;
  }

  private TcpSocket listening() throws IOException {
    TcpSocket s = socket(LOOPBACK);
    s.startBind(at("127.0.0.1", 0));
    s.finishBind();
    s.startListen();
    s.finishListen();
    return s;
  }

  @Test
  void aServerBindsListensAndAcceptsThroughTheStates() throws Exception {
    TcpSocket s = socket(LOOPBACK);
    assertEquals(TcpSocket.State.UNBOUND, s.state());
    s.startBind(at("127.0.0.1", 0));
    assertEquals(SocketError.CONCURRENCY_CONFLICT, code(s::localAddress), "bind in progress");
    s.finishBind();
    int port = s.localAddress().getPort();
    assertNotEquals(0, port);
    s.startListen();
    assertFalse(s.isListening());
    s.finishListen();
    assertTrue(s.isListening());
    assertEquals(port, s.localAddress().getPort(), "listening on the address it was bound to");
    assertEquals(SocketError.WOULD_BLOCK, code(() -> s.accept(x -> {})));
    assertFalse(s.subscribe().ready());
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.subscribe().block(ctx);
      TcpSocket accepted = s.accept(x -> {});
      open.add(accepted);
      assertEquals(TcpSocket.State.CONNECTED, accepted.state());
      assertEquals(client.getLocalPort(), accepted.remoteAddress().getPort());
      client.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
      Streams.Input in = accepted.connection().input();
      in.subscribe().block(ctx);
      byte[] buf = new byte[8];
      assertEquals(2, in.read(buf, 8, true, ctx));
      Streams.Output out = accepted.connection().output();
      out.write("there".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] got = client.getInputStream().readNBytes(5);
      assertEquals("there", new String(got, StandardCharsets.US_ASCII));
    }
  }

  @Test
  void finishingWhatWasNotStartedIsNotInProgress() throws IOException {
    TcpSocket s = socket(LOOPBACK);
    assertEquals(SocketError.NOT_IN_PROGRESS, code(s::finishBind));
    assertEquals(SocketError.NOT_IN_PROGRESS, code(s::finishListen));
    assertEquals(SocketError.NOT_IN_PROGRESS, code(s::finishConnect));
  }

  @Test
  void operationsOutOfTurnAreInvalidState() throws IOException {
    TcpSocket s = socket(LOOPBACK);
    assertEquals(SocketError.INVALID_STATE, code(s::startListen), "listen before bind");
    assertEquals(SocketError.INVALID_STATE, code(s::localAddress));
    assertEquals(SocketError.INVALID_STATE, code(s::remoteAddress));
    assertEquals(SocketError.INVALID_STATE, code(() -> s.shutdown(2)));
    assertEquals(SocketError.INVALID_STATE, code(() -> s.accept(x -> {})));
    s.startBind(at("127.0.0.1", 0));
    assertEquals(SocketError.CONCURRENCY_CONFLICT, code(s::startListen));
    assertEquals(SocketError.CONCURRENCY_CONFLICT, code(() -> s.startConnect(at("127.0.0.1", 9))));
    s.finishBind();
    assertEquals(SocketError.INVALID_STATE, code(() -> s.startBind(at("127.0.0.1", 0))));
    TcpSocket l = listening();
    assertEquals(SocketError.INVALID_STATE, code(() -> l.startConnect(at("127.0.0.1", 9))));
    assertEquals(SocketError.INVALID_STATE, code(l::startListen));
  }

  @Test
  void deniedAddressesAreAccessDeniedAndLeaveTheSocketUsable() throws IOException {
    TcpSocket s = socket(SocketPolicy.none().withConnect("127.0.0.1:1000"));
    assertEquals(SocketError.ACCESS_DENIED, code(() -> s.startConnect(at("127.0.0.1", 1001))));
    assertEquals(SocketError.ACCESS_DENIED, code(() -> s.startBind(at("127.0.0.1", 0))));
    assertEquals(TcpSocket.State.UNBOUND, s.state());
    assertEquals(
        SocketError.ACCESS_DENIED,
        code(() -> socket(SocketPolicy.none()).startConnect(at("127.0.0.1", 80))));
  }

  @Test
  void addressesNoOneCanConnectToAreInvalidArguments() throws IOException {
    TcpSocket s = socket(SocketPolicy.none().withConnect("*:*"));
    for (String bad : List.of("0.0.0.0", "224.0.0.1", "255.255.255.255")) {
      assertEquals(SocketError.INVALID_ARGUMENT, code(() -> s.startConnect(at(bad, 80))), bad);
    }
    assertEquals(SocketError.INVALID_ARGUMENT, code(() -> s.startConnect(at("127.0.0.1", 0))));
    assertEquals(TcpSocket.State.UNBOUND, s.state());
  }

  @Test
  void aRefusedConnectionClosesTheSocket() throws Exception {
    int port;
    try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = gone.getLocalPort();
    }
    TcpSocket s = socket(LOOPBACK);
    s.startConnect(at("127.0.0.1", port));
    s.subscribe().block(ctx);
    assertEquals(SocketError.CONNECTION_REFUSED, code(s::finishConnect));
    assertEquals(TcpSocket.State.CLOSED, s.state());
    assertEquals(SocketError.INVALID_STATE, code(() -> s.startConnect(at("127.0.0.1", port))));
    assertEquals(SocketError.INVALID_STATE, code(s::localAddress));
  }

  @Test
  void bindingAnAddressInUseIsAddressInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      TcpSocket s = socket(LOOPBACK);
      assertEquals(
          SocketError.ADDRESS_IN_USE,
          code(() -> s.startBind(at("127.0.0.1", taken.getLocalPort()))));
    }
  }

  @Test
  void aConnectedClientStreamsAndShutsDown() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      TcpSocket s = socket(LOOPBACK);
      s.startConnect(at("127.0.0.1", server.getLocalPort()));
      assertEquals(SocketError.CONCURRENCY_CONFLICT, code(() -> s.startBind(at("127.0.0.1", 0))));
      try (Socket peer = server.accept()) {
        s.subscribe().block(ctx);
        TcpConnection c = s.finishConnect();
        assertEquals(server.getLocalPort(), s.remoteAddress().getPort());
        assertEquals(SocketError.NOT_IN_PROGRESS, code(s::finishConnect));
        c.output().write("bye".getBytes(StandardCharsets.US_ASCII));
        s.shutdown(1);
        s.shutdown(1); // idempotent
        InputStream in = peer.getInputStream();
        assertEquals("bye", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        assertThrows(ClosedChannelException.class, () -> c.output().write(new byte[1]));
        peer.getOutputStream().write(7);
        peer.shutdownOutput();
        byte[] buf = new byte[4];
        assertEquals(1, c.input().read(buf, 4, true, ctx));
        assertEquals(-1, c.input().read(buf, 4, true, ctx), "end of stream");
      }
    }
  }

  @Test
  void optionsAreCheckedAndInheritedByAcceptedSockets() throws Exception {
    TcpSocket s = socket(LOOPBACK);
    assertEquals(SocketError.INVALID_ARGUMENT, code(() -> s.setListenBacklogSize(0)));
    s.setListenBacklogSize(10);
    s.options().keepAlive = true;
    s.options().keepAliveIdleNanos = TcpOptions.rounded(1_500_000_000L);
    s.applyOptions();
    assertEquals(2_000_000_000L, s.options().keepAliveIdleNanos, "rounded up to seconds");
    assertTrue(s.receiveBufferSize() > 0);
    s.startBind(at("127.0.0.1", 0));
    s.finishBind();
    s.startListen();
    s.finishListen();
    assertEquals(SocketError.NOT_SUPPORTED, code(() -> s.setListenBacklogSize(5)));
    assertTrue(s.sendBufferSize() > 0);
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), s.localAddress().getPort())) {
      s.subscribe().block(ctx);
      TcpSocket a = s.accept(x -> {});
      open.add(a);
      assertTrue(a.options().keepAlive);
      assertEquals(2_000_000_000L, a.options().keepAliveIdleNanos);
      assertEquals(SocketError.INVALID_STATE, code(() -> a.setListenBacklogSize(5)));
    }
  }

  @Test
  void waitingOnASocketStopsWhenTheStoresDeadlinePasses() throws IOException {
    TcpSocket s = listening();
    Store store = Store.create(Engine.create());
    store.setTimeout(Duration.ofMillis(200));
    ctx.enter(store);
    long start = System.nanoTime();
    assertThrows(ExecutionInterruptedException.class, () -> s.subscribe().block(ctx));
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
  }

  @Test
  void droppingTheSocketKeepsItsStreamsOpenUntilTheyAreDropped() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      TcpSocket s = socket(LOOPBACK);
      s.startConnect(at("127.0.0.1", server.getLocalPort()));
      try (Socket peer = server.accept()) {
        s.subscribe().block(ctx);
        TcpConnection c = s.finishConnect();
        s.drop();
        c.output().write("still".getBytes(StandardCharsets.US_ASCII));
        c.output().flush();
        assertEquals(
            "still", new String(peer.getInputStream().readNBytes(5), StandardCharsets.US_ASCII));
        c.input().close();
        c.output().close();
        assertEquals(-1, peer.getInputStream().read(), "closed with its last holder");
      }
    }
  }

  @Test
  void ipv6SocketsListenAndReportIpv4PeersInMappedForm() throws Exception {
    SocketPolicy any = SocketPolicy.none().withBind("[::]:*").withBind("[::1]:*");
    TcpSocket s = TcpSocket.create(Family.IPV6, any, ctx, x -> {});
    open.add(s);
    assertEquals(
        SocketError.INVALID_ARGUMENT,
        code(() -> s.startBind(at("127.0.0.1", 0))),
        "an IPv4 address for an IPv6 socket");
    s.startBind(at("::", 0));
    s.finishBind();
    s.startListen();
    s.finishListen();
    int port = s.localAddress().getPort();
    try (Socket v4 = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
      s.subscribe().block(ctx);
      TcpSocket a = s.accept(x -> {});
      open.add(a);
      assertEquals(Family.IPV6, a.family());
      ComponentValue peer = SocketAddresses.value(a.remoteAddress(), a.family());
      assertEquals(1, ((ComponentValue.VariantV) peer).index(), "an ipv6 address");
      assertTrue(peer.toString().contains("65535"), "::ffff:127.0.0.1 " + peer);
    }
  }
}

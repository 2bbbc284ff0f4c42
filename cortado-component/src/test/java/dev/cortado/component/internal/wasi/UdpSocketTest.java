package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.SocketTesting.at;
import static dev.cortado.component.internal.wasi.SocketTesting.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.component.AbiException;
import dev.cortado.component.internal.wasi.SocketAddresses.Family;
import dev.cortado.wasi.SocketPolicy;
import dev.cortado.wasi.internal.WasiContext;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code udp-socket} states, its datagram streams and their error codes, on loopback. */
class UdpSocketTest {
  private final WasiContext ctx = SocketTesting.context();
  private final DatagramSocket peer =
      new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  private final List<UdpSocket> open = new ArrayList<>();

  UdpSocketTest() throws IOException {}

  @AfterEach
  void close() {
    peer.close();
    open.forEach(UdpSocket::close);
  }

  private UdpSocket socket(SocketPolicy policy) throws IOException {
    UdpSocket s = UdpSocket.create(Family.IPV4, policy, x -> {});
    open.add(s);
    return s;
  }

  private SocketPolicy toPeer() {
    return SocketPolicy.none().withDatagrams("127.0.0.1:" + peer.getLocalPort());
  }

  private static List<byte[]> data(String s) {
    return List.of(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aBoundSocketSendsAndReceivesDatagrams() throws Exception {
    UdpSocket s = socket(toPeer());
    assertEquals(SocketError.INVALID_STATE, code(() -> s.stream(null)), "not bound");
    assertEquals(SocketError.INVALID_STATE, code(s::localAddress));
    s.startBind(at("127.0.0.1", 0));
    assertEquals(SocketError.CONCURRENCY_CONFLICT, code(s::localAddress));
    assertEquals(SocketError.INVALID_STATE, code(() -> s.startBind(at("127.0.0.1", 0))));
    s.finishBind();
    assertEquals(SocketError.NOT_IN_PROGRESS, code(s::finishBind));
    int generation = s.stream(null);
    assertEquals(SocketError.INVALID_STATE, code(s::remoteAddress), "not streaming to one peer");
    assertEquals(UdpSocket.BATCH, s.checkSend(generation));
    InetSocketAddress to = at("127.0.0.1", peer.getLocalPort());
    assertEquals(1, s.send(generation, data("ping"), i -> Optional.of(to)));
    DatagramPacket p = new DatagramPacket(new byte[100], 100);
    peer.receive(p);
    assertEquals("ping", new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII));
    assertEquals(s.localAddress().getPort(), p.getPort());
    assertEquals(List.of(), s.receive(generation, 4), "nothing yet: empty, never would-block");
    peer.send(
        new DatagramPacket("pong".getBytes(StandardCharsets.US_ASCII), 4, p.getSocketAddress()));
    s.readable().block(ctx);
    List<UdpSocket.Datagram> got = s.receive(generation, 4);
    assertEquals(1, got.size());
    assertEquals("pong", new String(got.get(0).data(), StandardCharsets.US_ASCII));
    assertEquals(peer.getLocalPort(), got.get(0).from().getPort());
    assertEquals(List.of(), s.receive(generation, 0));
  }

  @Test
  void sendingNeedsAGrantForEachDestination() throws IOException {
    UdpSocket s = socket(toPeer());
    s.startBind(at("0.0.0.0", 0));
    s.finishBind();
    int generation = s.stream(null);
    assertEquals(
        SocketError.ACCESS_DENIED,
        code(() -> s.send(generation, data("x"), i -> Optional.of(at("127.0.0.1", 9)))));
    assertEquals(
        SocketError.INVALID_ARGUMENT,
        code(() -> s.send(generation, data("x"), i -> Optional.empty())),
        "no destination");
    assertEquals(SocketError.ACCESS_DENIED, code(() -> s.stream(at("127.0.0.1", 9))));
    InetSocketAddress ok = at("127.0.0.1", peer.getLocalPort());
    List<byte[]> two = List.of(new byte[] {1}, new byte[] {2});
    assertEquals(
        1,
        s.send(generation, two, i -> Optional.of(i == 0 ? ok : at("127.0.0.1", 9))),
        "the first failure ends a send that sent something, without an error");
  }

  @Test
  void bindingNeedsABindGrantOrAnEphemeralPortForDatagrams() throws IOException {
    assertEquals(
        SocketError.ACCESS_DENIED,
        code(() -> socket(SocketPolicy.none()).startBind(at("127.0.0.1", 0))));
    assertEquals(
        SocketError.ACCESS_DENIED, code(() -> socket(toPeer()).startBind(at("127.0.0.1", 5353))));
    socket(SocketPolicy.none().withBind("127.0.0.1:*")).startBind(at("127.0.0.1", 0));
  }

  @Test
  void aStreamToOnePeerSendsOnlyThereAndMakesEarlierStreamsStale() throws IOException {
    UdpSocket s = socket(toPeer());
    s.startBind(at("127.0.0.1", 0));
    s.finishBind();
    int first = s.stream(null);
    InetSocketAddress to = at("127.0.0.1", peer.getLocalPort());
    int second = s.stream(to);
    assertEquals(to, s.remoteAddress());
    assertEquals(SocketError.INVALID_STATE, code(() -> s.receive(first, 1)));
    assertEquals(SocketError.INVALID_STATE, code(() -> s.checkSend(first)));
    assertEquals(1, s.send(second, data("a"), i -> Optional.empty()));
    assertEquals(1, s.send(second, data("b"), i -> Optional.of(to)));
    assertEquals(
        SocketError.INVALID_ARGUMENT,
        code(() -> s.send(second, data("c"), i -> Optional.of(at("127.0.0.1", 1)))));
    s.stream(null);
    assertEquals(SocketError.INVALID_STATE, code(s::remoteAddress));
  }

  @Test
  void optionsAndLimits() throws IOException {
    UdpSocket s = socket(toPeer());
    assertEquals(64, s.hopLimit());
    assertEquals(SocketError.INVALID_ARGUMENT, code(() -> s.setHopLimit(0)));
    s.setHopLimit(5);
    assertEquals(5, s.hopLimit());
    assertEquals(SocketError.INVALID_ARGUMENT, code(() -> s.setBufferSize(true, 0)));
    s.setBufferSize(true, 65536);
    assertTrue(s.bufferSize(true) >= 65536);
    assertThrows(AbiException.class, () -> UdpSocket.requirePermitted(2, 1));
    s.close();
    assertEquals(SocketError.INVALID_STATE, code(s::hopLimit));
  }
}

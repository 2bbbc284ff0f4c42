package dev.cortado.component.internal.wasi;

/**
 * What {@code incoming-datagram-stream} and {@code outgoing-datagram-stream} stand for: a UDP
 * socket as of one {@code stream} call (a later call makes them stale), and for the outgoing one,
 * how many datagrams the last {@code check-send} permitted.
 */
final class DatagramStreams {
  private DatagramStreams() {}

  record Incoming(UdpSocket socket, int generation) {}

  static final class Outgoing {
    final UdpSocket socket;
    final int generation;
    int permitted;

    Outgoing(UdpSocket socket, int generation) {
      this.socket = socket;
      this.generation = generation;
    }
  }
}

package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.SocketError.CONCURRENCY_CONFLICT;
import static dev.cortado.component.internal.wasi.SocketError.INVALID_ARGUMENT;
import static dev.cortado.component.internal.wasi.SocketError.INVALID_STATE;
import static dev.cortado.component.internal.wasi.SocketError.NOT_IN_PROGRESS;

import dev.cortado.component.AbiException;
import dev.cortado.component.internal.wasi.SocketAddresses.Family;
import dev.cortado.wasi.SocketPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * What a {@code udp-socket} resource stands for, over a non-blocking {@link DatagramChannel}: bound
 * explicitly (unbound, bind started, bound), then {@link #stream}ed, optionally to one peer; each
 * {@code stream} call makes the earlier pair of datagram streams stale.
 */
final class UdpSocket implements AutoCloseable {
  /** The most datagrams one {@code receive} or {@code check-send} allows. */
  static final int BATCH = 64;

  /** The largest UDP payload. */
  private static final int MAX_DATAGRAM = 65_535;

  enum State {
    UNBOUND,
    BIND_STARTED,
    BOUND,
    CLOSED
  }

  /** A datagram received: payload and source. */
  record Datagram(byte[] data, InetSocketAddress from) {}

  private final Family family;
  private final SocketPolicy policy;
  private final Consumer<Object> onClose;
  private final DatagramChannel channel;
  private final Readiness readiness;
  private State state = State.UNBOUND;
  private InetSocketAddress remote; // the peer the streams are limited to, or null
  private int generation;
  private int hopLimit = 64;

  private UdpSocket(
      Family family, SocketPolicy policy, Consumer<Object> onClose, DatagramChannel channel)
      throws IOException {
    this.family = family;
    this.policy = policy;
    this.onClose = onClose;
    this.channel = channel;
    try {
      this.readiness = new Readiness(channel);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  static UdpSocket create(Family family, SocketPolicy policy, Consumer<Object> onClose)
      throws IOException {
    return new UdpSocket(family, policy, onClose, DatagramChannel.open(family.protocol));
  }

  Family family() {
    return family;
  }

  void startBind(InetSocketAddress local) throws IOException {
    if (state != State.UNBOUND) {
      throw INVALID_STATE.fail("already bound");
    }
    SocketAddresses.requireFamily(local, family);
    SocketAddresses.requireUnicast(local);
    if (!policy.allowsDatagramBind(local)) {
      throw SocketError.ACCESS_DENIED.fail("binding to " + local + " is not granted");
    }
    channel.bind(local);
    state = State.BIND_STARTED;
  }

  void finishBind() {
    if (state != State.BIND_STARTED) {
      throw NOT_IN_PROGRESS.fail("no bind in progress");
    }
    state = State.BOUND;
  }

  /** Sets the peer ({@code null}: any) and returns the new streams' generation. */
  int stream(InetSocketAddress peer) throws IOException {
    if (state != State.BOUND) {
      throw INVALID_STATE.fail("not bound");
    }
    if (peer != null) {
      SocketAddresses.requireFamily(peer, family);
      SocketAddresses.requireRemote(peer);
      if (!policy.allowsDatagramsTo(peer)) {
        throw SocketError.ACCESS_DENIED.fail("datagrams to " + peer + " are not granted");
      }
    }
    if (channel.isConnected()) {
      channel.disconnect();
    }
    remote = null;
    if (peer != null) {
      channel.connect(peer);
      remote = peer;
    }
    return ++generation;
  }

  InetSocketAddress localAddress() throws IOException {
    return switch (state) {
      case UNBOUND, CLOSED -> throw INVALID_STATE.fail("not bound");
      case BIND_STARTED -> throw CONCURRENCY_CONFLICT.fail("binding");
      case BOUND -> (InetSocketAddress) channel.getLocalAddress();
    };
  }

  InetSocketAddress remoteAddress() {
    if (remote == null || state == State.CLOSED) {
      throw INVALID_STATE.fail("not streaming to one peer");
    }
    return remote;
  }

  int hopLimit() {
    open();
    return hopLimit;
  }

  void setHopLimit(int value) {
    open();
    if (value == 0) {
      throw INVALID_ARGUMENT.fail("a hop limit of 0");
    }
    hopLimit = value;
  }

  long bufferSize(boolean receive) throws IOException {
    open();
    return channel.getOption(
        receive ? StandardSocketOptions.SO_RCVBUF : StandardSocketOptions.SO_SNDBUF);
  }

  void setBufferSize(boolean receive, long value) throws IOException {
    open();
    if (value == 0) {
      throw INVALID_ARGUMENT.fail("a buffer size of 0");
    }
    int size = (int) Math.min(Integer.MAX_VALUE, value);
    channel.setOption(
        receive ? StandardSocketOptions.SO_RCVBUF : StandardSocketOptions.SO_SNDBUF, size);
  }

  private void open() {
    if (state == State.CLOSED) {
      throw INVALID_STATE.fail("closed");
    }
  }

  private void current(int streamGeneration) {
    open();
    if (streamGeneration != generation) {
      throw INVALID_STATE.fail("a later stream call replaced these streams");
    }
  }

  /** Receives up to {@code max} datagrams that are there now. */
  List<Datagram> receive(int streamGeneration, long max) throws IOException {
    current(streamGeneration);
    List<Datagram> out = new ArrayList<>();
    ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM);
    while (out.size() < Math.min(max, BATCH)) {
      buf.clear();
      InetSocketAddress from;
      try {
        from = (InetSocketAddress) channel.receive(buf);
      } catch (IOException e) {
        if (out.isEmpty()) {
          throw e;
        }
        break;
      }
      if (from == null) {
        break;
      }
      out.add(new Datagram(Arrays.copyOf(buf.array(), buf.position()), from));
    }
    return out;
  }

  /** How many datagrams the next send may carry: none while the socket's buffer is full. */
  int checkSend(int streamGeneration) {
    current(streamGeneration);
    return readiness.ready(SelectionKey.OP_WRITE) ? BATCH : 0;
  }

  /**
   * Sends datagrams in order until one cannot go: returns how many went; fails only if the first
   * one fails.
   */
  int send(int streamGeneration, List<byte[]> data, IntFunction<Optional<InetSocketAddress>> to)
      throws IOException {
    current(streamGeneration);
    int sent = 0;
    for (int i = 0; i < data.size(); i++) {
      try {
        InetSocketAddress target = target(to.apply(i));
        ByteBuffer b = ByteBuffer.wrap(data.get(i));
        int n = remote != null ? channel.write(b) : channel.send(b, target);
        if (n == 0 && data.get(i).length > 0) {
          break;
        }
        sent++;
      } catch (IOException | SocketError.Failure e) {
        if (sent == 0) {
          throw e;
        }
        break;
      }
    }
    return sent;
  }

  private InetSocketAddress target(Optional<InetSocketAddress> to) {
    if (remote != null) {
      if (to.isPresent() && !to.get().equals(remote)) {
        throw INVALID_ARGUMENT.fail("the socket streams to " + remote + " only");
      }
      return remote;
    }
    InetSocketAddress t =
        to.orElseThrow(() -> INVALID_ARGUMENT.fail("a datagram without a destination"));
    SocketAddresses.requireFamily(t, family);
    SocketAddresses.requireRemote(t);
    if (!policy.allowsDatagramsTo(t)) {
      throw SocketError.ACCESS_DENIED.fail("datagrams to " + t + " are not granted");
    }
    return t;
  }

  Pollable readable() {
    return readiness.pollable(SelectionKey.OP_READ);
  }

  Pollable writable() {
    return readiness.pollable(SelectionKey.OP_WRITE);
  }

  /** Checks a send's size against what check-send allowed. */
  static void requirePermitted(int count, int permitted) {
    if (count > permitted) {
      throw new AbiException(
          "send of " + count + " datagrams where check-send permitted " + permitted);
    }
  }

  @Override
  public void close() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    readiness.close();
    try {
      channel.close();
    } catch (IOException e) {
      // The descriptor is released either way.
    }
    onClose.accept(this);
  }
}

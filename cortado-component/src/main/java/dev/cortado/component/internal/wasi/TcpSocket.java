package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.SocketError.CONCURRENCY_CONFLICT;
import static dev.cortado.component.internal.wasi.SocketError.INVALID_ARGUMENT;
import static dev.cortado.component.internal.wasi.SocketError.INVALID_STATE;
import static dev.cortado.component.internal.wasi.SocketError.NOT_IN_PROGRESS;
import static dev.cortado.component.internal.wasi.SocketError.NOT_SUPPORTED;

import dev.cortado.component.internal.wasi.SocketAddresses.Family;
import dev.cortado.wasi.SocketPolicy;
import dev.cortado.wasi.internal.WasiContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * What a {@code tcp-socket} resource stands for: the WIT's state machine (unbound, bind started,
 * bound, listen started, listening, connecting, connected, closed) over JDK channels. Before it
 * listens the socket is a {@link SocketChannel}; listening, a {@link ServerSocketChannel} bound to
 * the same address (the JDK cannot make one into the other). Failures are {@link
 * SocketError.Failure}s or the {@link IOException}s the JDK reported.
 */
final class TcpSocket implements AutoCloseable {
  enum State {
    UNBOUND,
    BIND_STARTED,
    BOUND,
    LISTEN_STARTED,
    LISTENING,
    CONNECTING,
    CONNECTED,
    CLOSED
  }

  private final Family family;
  private final SocketPolicy policy;
  private final WasiContext ctx;
  private final Consumer<Object> onClose;
  private final TcpOptions options;
  private State state;
  private SocketChannel channel;
  private ServerSocketChannel listener;
  private Readiness readiness;
  private TcpConnection connection;
  private IOException connectFailure;
  private boolean closed;

  private TcpSocket(
      Family family,
      SocketPolicy policy,
      WasiContext ctx,
      Consumer<Object> onClose,
      TcpOptions options,
      SocketChannel channel,
      State state)
      throws IOException {
    this.family = family;
    this.policy = policy;
    this.ctx = ctx;
    this.onClose = onClose;
    this.channel = channel;
    this.state = state;
    try {
      this.readiness = new Readiness(channel);
      this.options = options != null ? options : TcpOptions.of(channel);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /** Creates an unbound socket ({@code create-tcp-socket}); {@code onClose} runs when it closes. */
  static TcpSocket create(
      Family family, SocketPolicy policy, WasiContext ctx, Consumer<Object> onClose)
      throws IOException {
    return new TcpSocket(
        family, policy, ctx, onClose, null, SocketChannel.open(family.protocol), State.UNBOUND);
  }

  State state() {
    return state;
  }

  Family family() {
    return family;
  }

  void startBind(InetSocketAddress local) throws IOException {
    switch (state) {
      case UNBOUND -> {}
      case CONNECTING -> throw CONCURRENCY_CONFLICT.fail("connecting");
      default -> throw INVALID_STATE.fail("already bound");
    }
    SocketAddresses.requireFamily(local, family);
    SocketAddresses.requireUnicast(local);
    if (!policy.allowsBind(local)) {
      throw SocketError.ACCESS_DENIED.fail("binding to " + local + " is not granted");
    }
    if (local.getPort() != 0) {
      // WASI asks for SO_REUSEADDR, so that a recently closed listener's TIME_WAIT is no obstacle.
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
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

  void startConnect(InetSocketAddress remote) throws IOException {
    switch (state) {
      case UNBOUND, BOUND -> {}
      case BIND_STARTED, CONNECTING -> throw CONCURRENCY_CONFLICT.fail(state.toString());
      default -> throw INVALID_STATE.fail(state.toString());
    }
    SocketAddresses.requireFamily(remote, family);
    SocketAddresses.requireRemote(remote);
    if (!policy.allowsConnect(remote)) {
      throw SocketError.ACCESS_DENIED.fail("connecting to " + remote + " is not granted");
    }
    options.applyTo(channel);
    state = State.CONNECTING;
    try {
      channel.connect(remote);
    } catch (IOException e) {
      connectFailure = e; // reported by finish-connect, as an attempt that failed
    }
  }

  /** Finishes connecting: the connection, whose streams the socket hands out. */
  TcpConnection finishConnect() throws IOException {
    if (state != State.CONNECTING) {
      throw NOT_IN_PROGRESS.fail("no connect in progress");
    }
    try {
      if (connectFailure != null) {
        throw connectFailure;
      }
      if (!channel.finishConnect()) {
        throw SocketError.WOULD_BLOCK.fail("still connecting");
      }
    } catch (IOException e) {
      close();
      throw e;
    }
    state = State.CONNECTED;
    connection = new TcpConnection(channel, readiness, ctx, this::close);
    return connection;
  }

  void startListen() throws IOException {
    switch (state) {
      case BOUND -> {}
      case BIND_STARTED -> throw CONCURRENCY_CONFLICT.fail("binding");
      default -> throw INVALID_STATE.fail(state.toString());
    }
    InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
    readiness.close();
    channel.close();
    channel = null;
    state = State.CLOSED;
    ServerSocketChannel server = ServerSocketChannel.open(family.protocol);
    try {
      server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      options.applyTo(server);
      server.bind(local, options.backlog);
      readiness = new Readiness(server);
    } catch (IOException e) {
      server.close();
      throw e;
    }
    listener = server;
    state = State.LISTEN_STARTED;
  }

  void finishListen() {
    if (state != State.LISTEN_STARTED) {
      throw NOT_IN_PROGRESS.fail("no listen in progress");
    }
    state = State.LISTENING;
  }

  /** Accepts a connection: a connected socket with this one's options, and its connection. */
  TcpSocket accept(Consumer<Object> onClose) throws IOException {
    if (state != State.LISTENING) {
      throw INVALID_STATE.fail("not listening");
    }
    SocketChannel c = listener.accept();
    if (c == null) {
      throw SocketError.WOULD_BLOCK.fail("no pending connection");
    }
    TcpOptions inherited = options.copy();
    try {
      inherited.applyTo(c);
    } catch (IOException e) {
      c.close();
      throw e;
    }
    TcpSocket s = new TcpSocket(family, policy, ctx, onClose, inherited, c, State.CONNECTED);
    s.connection = new TcpConnection(c, s.readiness, ctx, s::close);
    return s;
  }

  TcpConnection connection() {
    return connection;
  }

  InetSocketAddress localAddress() throws IOException {
    return switch (state) {
      case UNBOUND, CLOSED -> throw INVALID_STATE.fail("not bound");
      case BIND_STARTED -> throw CONCURRENCY_CONFLICT.fail("binding");
      default -> (InetSocketAddress) open().getLocalAddress();
    };
  }

  InetSocketAddress remoteAddress() throws IOException {
    if (state != State.CONNECTED) {
      throw INVALID_STATE.fail("not connected");
    }
    return (InetSocketAddress) channel.getRemoteAddress();
  }

  boolean isListening() {
    return state == State.LISTENING;
  }

  void setListenBacklogSize(long value) {
    if (value == 0) {
      throw INVALID_ARGUMENT.fail("a backlog of 0");
    }
    switch (state) {
      case CONNECTING, CONNECTED, CLOSED -> throw INVALID_STATE.fail(state.toString());
      case LISTEN_STARTED, LISTENING ->
          throw NOT_SUPPORTED.fail("the JDK cannot change a listening socket's backlog");
      default -> options.backlog = (int) Math.min(Integer.MAX_VALUE, value);
    }
  }

  /** Returns the options, after checking the socket is not closed. */
  TcpOptions options() {
    if (state == State.CLOSED) {
      throw INVALID_STATE.fail("closed");
    }
    return options;
  }

  /** Applies changed options to the channel, if the socket has one that takes them now. */
  void applyOptions() throws IOException {
    options.applyTo(open());
  }

  long receiveBufferSize() throws IOException {
    return TcpOptions.get(
        open(),
        StandardSocketOptions.SO_RCVBUF,
        options.receiveBuffer > 0 ? options.receiveBuffer : options.initialReceiveBuffer);
  }

  long sendBufferSize() throws IOException {
    return TcpOptions.get(
        open(),
        StandardSocketOptions.SO_SNDBUF,
        options.sendBuffer > 0 ? options.sendBuffer : options.initialSendBuffer);
  }

  private NetworkChannel open() {
    if (state == State.CLOSED) {
      throw INVALID_STATE.fail("closed");
    }
    return listener != null ? listener : channel;
  }

  /** Whether the operation in progress can be finished: connected, or a connection to accept. */
  boolean ready() {
    return switch (state) {
      case CONNECTING -> connectFailure != null || readiness.ready(SelectionKey.OP_CONNECT);
      case LISTENING -> readiness.ready(SelectionKey.OP_ACCEPT);
      default -> true;
    };
  }

  Pollable subscribe() {
    return Pollable.when(
        this::ready,
        nanos -> {
          switch (state) {
            case CONNECTING -> readiness.await(SelectionKey.OP_CONNECT, nanos);
            case LISTENING -> readiness.await(SelectionKey.OP_ACCEPT, nanos);
            default -> {}
          }
        });
  }

  /** {@code shutdown}: 0 receive, 1 send, 2 both. */
  void shutdown(int how) throws IOException {
    if (state != State.CONNECTED) {
      throw INVALID_STATE.fail("not connected");
    }
    if (how != 1) {
      channel.shutdownInput();
    }
    if (how != 0) {
      connection.shutdownOutput();
    }
  }

  /** The program dropped the socket: a connection stays open for its streams. */
  void drop() {
    if (connection != null) {
      connection.release();
    } else {
      close();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    state = State.CLOSED;
    if (connection != null) {
      connection.close();
    }
    readiness.close();
    try {
      if (channel != null) {
        channel.close();
      }
      if (listener != null) {
        listener.close();
      }
    } catch (IOException e) {
      // The descriptors are released either way.
    }
    channel = null;
    listener = null;
    onClose.accept(this);
  }
}

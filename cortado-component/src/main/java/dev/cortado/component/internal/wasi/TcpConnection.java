package dev.cortado.component.internal.wasi;

import dev.cortado.wasi.internal.WasiContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A connected TCP socket's channel, shared by the {@code tcp-socket} and its two streams: it closes
 * when all three are dropped (or when the host closes), as the streams may outlive the socket.
 */
final class TcpConnection implements AutoCloseable {
  final SocketChannel channel;
  final Readiness readiness;
  private final WasiContext ctx;
  private final Runnable onClose;
  private int holders = 3;
  private boolean closed;
  private final Output output = new Output();
  private final Input input = new Input();

  TcpConnection(SocketChannel channel, Readiness readiness, WasiContext ctx, Runnable onClose) {
    this.channel = channel;
    this.readiness = readiness;
    this.ctx = ctx;
    this.onClose = onClose;
  }

  Streams.Input input() {
    return input;
  }

  Streams.Output output() {
    return output;
  }

  /** One holder (the socket or a stream) is done with the connection. */
  void release() {
    if (--holders == 0) {
      close();
    }
  }

  /** Shuts down the sending side, after writing what the program wrote. */
  void shutdownOutput() throws IOException {
    if (!output.shut) {
      output.drain(true);
      output.shut = true;
      channel.shutdownOutput();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    readiness.close();
    try {
      channel.close();
    } catch (IOException e) {
      // The descriptor is released either way.
    }
    onClose.run();
  }

  private final class Input implements Streams.Input {
    @Override
    public int read(byte[] buf, int len, boolean block, WasiContext ctx) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (true) {
        int n = channel.read(ByteBuffer.wrap(buf, 0, len));
        if (n != 0 || !block) {
          return n;
        }
        Pollable.pause(ctx, Pollable.SLICE_NANOS, java.util.List.of(subscribe()));
      }
    }

    @Override
    public boolean ready() {
      return readiness.ready(SelectionKey.OP_READ);
    }

    @Override
    public Pollable subscribe() {
      return readiness.pollable(SelectionKey.OP_READ);
    }

    @Override
    public void close() {
      release();
    }
  }

  /** Bytes written go out as the socket takes them; the rest waits, up to the write budget. */
  private final class Output implements Streams.Output {
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private boolean shut;
    private boolean failed;

    @Override
    public void write(byte[] bytes) throws IOException {
      if (shut || failed || closed) {
        throw new ClosedChannelException();
      }
      ByteBuffer all = ByteBuffer.allocate(pending.remaining() + bytes.length);
      all.put(pending).put(bytes).flip();
      pending = all;
      drain(false);
    }

    void drain(boolean block) throws IOException {
      try {
        while (pending.hasRemaining()) {
          if (channel.write(pending) == 0) {
            if (!block) {
              return;
            }
            Pollable.pause(ctx, Pollable.SLICE_NANOS, java.util.List.of(subscribe()));
          }
        }
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      drain(true);
    }

    @Override
    public void startFlush() throws IOException {
      drain(false);
    }

    @Override
    public long checkWrite() throws IOException {
      if (shut || failed || closed) {
        throw new ClosedChannelException();
      }
      drain(false);
      return Math.max(0, Streams.WRITE_BUDGET - pending.remaining());
    }

    @Override
    public Pollable subscribe() {
      return Pollable.when(
          () -> {
            try {
              drain(false);
            } catch (IOException e) {
              return true;
            }
            return pending.remaining() < Streams.WRITE_BUDGET;
          },
          readiness.waiter(SelectionKey.OP_WRITE));
    }

    @Override
    public void close() {
      try {
        drain(false);
      } catch (IOException e) {
        // The program dropped the stream without flushing; what did not go out is lost.
      }
      release();
    }
  }
}

package dev.cortado.wasi.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A TCP socket: a listening socket the host preopened, or a connection {@code sock_accept}
 * returned. Channels are kept non-blocking with a selector of their own; a blocking operation waits
 * on the selector in short slices, checking between them whether the program should stop.
 */
public final class SocketDescriptor extends Descriptor {
  private static final long WAIT_MILLIS = 5;

  private final WasiContext ctx;
  private final ServerSocketChannel listener;
  private final SocketChannel channel;
  private final Selector selector;
  // Bytes a peeking receive read but did not consume.
  private byte[] peeked = new byte[0];
  private boolean endOfInput;

  private SocketDescriptor(
      WasiContext ctx, ServerSocketChannel listener, SocketChannel channel, int fdflags) {
    super(Abi.RIGHTS_SOCKET, Abi.RIGHTS_SOCKET, fdflags);
    this.ctx = ctx;
    this.listener = listener;
    this.channel = channel;
    try {
      this.selector = Selector.open();
      if (listener != null) {
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
      } else {
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ);
      }
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /** Returns a descriptor for a listening socket the host opened. */
  public static SocketDescriptor listening(WasiContext ctx, ServerSocketChannel listener) {
    return new SocketDescriptor(ctx, listener, null, 0);
  }

  @Override
  public int filetype() {
    return Abi.FILETYPE_SOCKET_STREAM;
  }

  private boolean nonblocking() {
    return (fdflags() & Abi.FDFLAGS_NONBLOCK) != 0;
  }

  /** Accepts a connection ({@code sock_accept}); {@code fdflags} become the new socket's. */
  SocketDescriptor accept(int fdflags) {
    if (listener == null) {
      throw Errno.fail(Errno.INVAL, "not a listening socket");
    }
    try {
      while (true) {
        SocketChannel c = listener.accept();
        if (c != null) {
          return new SocketDescriptor(ctx, null, c, fdflags);
        }
        if (nonblocking()) {
          throw Errno.fail(Errno.AGAIN, "no pending connection");
        }
        waitReady();
      }
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  private void waitReady() throws IOException {
    ctx.checkInterruption();
    selector.select(WAIT_MILLIS);
    selector.selectedKeys().clear();
  }

  private SocketChannel connection() {
    if (channel == null) {
      throw Errno.fail(Errno.NOTCONN, "a listening socket carries no data");
    }
    return channel;
  }

  @Override
  public int read(byte[] buf, int off, int len) {
    return receive(buf, off, len, false, false);
  }

  /** Receives up to {@code len} bytes; with {@code peek} they stay to be read again. */
  int receive(byte[] buf, int off, int len, boolean peek, boolean waitAll) {
    SocketChannel c = connection();
    if (len == 0) {
      return 0;
    }
    try {
      int got = 0;
      while (true) {
        if (peeked.length > 0) {
          int n = Math.min(peeked.length, len - got);
          System.arraycopy(peeked, 0, buf, off + got, n);
          got += n;
          if (!peek) {
            peeked = java.util.Arrays.copyOfRange(peeked, n, peeked.length);
          }
        }
        if (got < len && !endOfInput && !(peek && got > 0)) {
          ByteBuffer b = ByteBuffer.wrap(buf, off + got, len - got);
          int n = c.read(b);
          if (n < 0) {
            endOfInput = true;
          } else if (n > 0) {
            if (peek) {
              byte[] more = new byte[peeked.length + n];
              System.arraycopy(peeked, 0, more, 0, peeked.length);
              System.arraycopy(buf, off + got, more, peeked.length, n);
              peeked = more;
            }
            got += n;
          }
        }
        boolean done = waitAll ? got == len || endOfInput : got > 0 || endOfInput;
        if (done) {
          return got;
        }
        if (nonblocking()) {
          if (got > 0) {
            return got;
          }
          throw Errno.fail(Errno.AGAIN, "no data");
        }
        waitReady();
      }
    } catch (ClosedChannelException e) {
      throw Errno.fail(Errno.NOTCONN, "closed");
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  @Override
  public int write(byte[] buf, int off, int len) {
    SocketChannel c = connection();
    try {
      ByteBuffer b = ByteBuffer.wrap(buf, off, len);
      while (b.hasRemaining()) {
        int n = c.write(b);
        if (n == 0) {
          if (nonblocking()) {
            if (b.position() > off) {
              break;
            }
            throw Errno.fail(Errno.AGAIN, "send buffer full");
          }
          ctx.checkInterruption();
          Thread.onSpinWait();
        }
      }
      return b.position() - off;
    } catch (ClosedChannelException e) {
      throw Errno.fail(Errno.PIPE, "closed");
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  /** Shuts down reading, writing or both ({@code sock_shutdown}). */
  void shutdown(int how) {
    SocketChannel c = connection();
    if (how < Abi.SDFLAGS_RD || how > (Abi.SDFLAGS_RD | Abi.SDFLAGS_WR)) {
      throw Errno.fail(Errno.INVAL, "shutdown " + how);
    }
    try {
      if ((how & Abi.SDFLAGS_RD) != 0) {
        c.shutdownInput();
      }
      if ((how & Abi.SDFLAGS_WR) != 0) {
        c.shutdownOutput();
      }
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }

  @Override
  public void setFdflags(int flags) {
    if ((flags & ~(Abi.FDFLAGS_NONBLOCK | Abi.FDFLAGS_APPEND)) != 0) {
      throw Errno.fail(Errno.NOTSUP, "socket flags");
    }
    super.setFdflags(flags);
  }

  @Override
  public boolean readReady() {
    if (peeked.length > 0 || endOfInput) {
      return true;
    }
    try {
      int n = selector.selectNow();
      selector.selectedKeys().clear();
      return n > 0;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public boolean hungUp() {
    return endOfInput;
  }

  @Override
  public void filestat(GuestMemory mem, int ptr) {
    writeSyntheticFilestat(mem, ptr);
  }

  @Override
  public void close() {
    try {
      selector.close();
      if (listener != null) {
        listener.close();
      } else {
        channel.close();
      }
    } catch (IOException e) {
      throw IoErrors.fail(e);
    }
  }
}

package dev.cortado.server.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/** The streams a WAGI program writes: its response, bounded, and its standard error, as lines. */
final class Outputs {
  private Outputs() {}

  /** Standard output kept in memory up to a limit; a write past it fails (EIO to the program). */
  static final class Bounded extends OutputStream {
    private final int limit;
    private byte[] buf = new byte[512];
    private int count;
    private boolean overflowed;

    Bounded(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > limit - count) {
        overflowed = true;
        throw new IOException("the response is larger than " + limit + " bytes");
      }
      if (count + len > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(count + len, Math.min(limit, buf.length * 2)));
      }
      System.arraycopy(b, off, buf, count, len);
      count += len;
    }

    byte[] buffer() {
      return buf;
    }

    int size() {
      return count;
    }

    boolean overflowed() {
      return overflowed;
    }
  }

  /**
   * Standard error (or a guest's output meant for the log) cut into lines, each given to a consumer
   * (long lines cut at 8 KiB), up to {@link #MAX_LOGGED} bytes a request: a guest printing without
   * end must not fill the server's log. What is past the limit is counted, and said in one last
   * line when the stream closes.
   */
  static final class Lines extends OutputStream {
    /** The most bytes of one stream a request logs. */
    static final int MAX_LOGGED = 256 * 1024;

    private static final int MAX_LINE = 8192;
    private final String stream;
    private final Consumer<String> sink;
    // Grown up to MAX_LINE as lines need: most requests print nothing.
    private byte[] line = new byte[64];
    private int count;
    private long logged;
    private long dropped;

    /** Lines of {@code stream} ("standard error", say) for {@code sink}. */
    Lines(String stream, Consumer<String> sink) {
      this.stream = stream;
      this.sink = sink;
    }

    @Override
    public void write(int b) {
      if (logged >= MAX_LOGGED) {
        dropped++;
        return;
      }
      logged++;
      if (b == '\n' || count == MAX_LINE) {
        emit();
        if (b == '\n') {
          return;
        }
      }
      if (count == line.length) {
        line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE, line.length * 2));
      }
      line[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    @Override
    public void close() {
      if (count > 0) {
        emit();
      }
      if (dropped > 0) {
        sink.accept(
            "("
                + dropped
                + " more bytes of "
                + stream
                + " not logged: a request logs at most "
                + MAX_LOGGED
                + " bytes of it)");
        dropped = 0;
      }
    }

    private void emit() {
      int n = count > 0 && line[count - 1] == '\r' ? count - 1 : count;
      sink.accept(new String(line, 0, n, StandardCharsets.UTF_8));
      count = 0;
    }
  }
}

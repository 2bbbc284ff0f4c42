package dev.cortado.component.internal.wasi;

import dev.cortado.wasi.internal.ProgramInput;
import dev.cortado.wasi.internal.WasiContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** What the {@code input-stream} and {@code output-stream} resources stand for. */
final class Streams {
  private Streams() {}

  /** How much an output stream accepts at once ({@code check-write}). */
  static final long WRITE_BUDGET = 1 << 20;

  /** The most one read returns. */
  static final int READ_LIMIT = 1 << 20;

  /** Returns how many bytes a read of {@code len} (a guest's u64) reads at most. */
  static int readLength(long len) {
    return len < 0 || len > READ_LIMIT ? READ_LIMIT : (int) len;
  }

  /**
   * An output stream: standard output or error, a file, or a socket. A stream that fails writes
   * after it was closed throws {@link java.nio.channels.ClosedChannelException} ({@code closed}).
   */
  interface Output {
    void write(byte[] bytes) throws IOException;

    /** Writes everything written so far, waiting for it. */
    void flush() throws IOException;

    /** Starts writing what was written so far, without waiting ({@code flush}). */
    default void startFlush() throws IOException {
      flush();
    }

    /** Returns how many bytes the stream takes now ({@code check-write}). */
    default long checkWrite() throws IOException {
      return WRITE_BUDGET;
    }

    /** Returns the pollable that is ready when {@link #checkWrite} is above 0. */
    default Pollable subscribe() {
      return Pollable.always();
    }

    /** Closes what the stream owns (nothing for standard output). */
    void close() throws IOException;
  }

  /** An input stream: standard input, or a file. */
  interface Input {
    /** Reads up to {@code len} bytes, waiting for one if {@code block}; -1 at the end. */
    int read(byte[] buf, int len, boolean block, WasiContext ctx) throws IOException;

    boolean ready();

    /** Returns the pollable that is ready when {@link #ready} is. */
    default Pollable subscribe() {
      return Pollable.when(this::ready);
    }

    void close() throws IOException;
  }

  /** Standard output or error: written through, never closed by the program. */
  static Output of(OutputStream out) {
    return new Output() {
      @Override
      public void write(byte[] bytes) throws IOException {
        out.write(bytes);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }

  /** A request body: a Java stream, read on the program's thread. */
  static Input of(InputStream in) {
    return new Input() {
      private boolean ended;

      @Override
      public int read(byte[] buf, int len, boolean block, WasiContext ctx) throws IOException {
        if (ended) {
          return -1;
        }
        int n = in.read(buf, 0, len);
        if (n < 0) {
          ended = true;
          return len == 0 ? 0 : -1;
        }
        return n;
      }

      @Override
      public boolean ready() {
        return true;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  /** Standard input. */
  static Input of(ProgramInput in) {
    return new Input() {
      private boolean ended;

      @Override
      public int read(byte[] buf, int len, boolean block, WasiContext ctx) {
        if (ended) {
          return -1;
        }
        if (!block && !in.ready()) {
          return 0;
        }
        int n = in.read(buf, 0, len, ctx);
        if (n == 0 && len > 0) {
          ended = true;
          return -1;
        }
        return n;
      }

      @Override
      public boolean ready() {
        return ended || in.ready();
      }

      @Override
      public void close() {}
    };
  }
}

package dev.cortado.wasi.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where standard input's bytes come from, read so that a program waiting for them can still be
 * stopped. Bytes already in memory are read directly ({@link #direct}); a stream that may block (a
 * pipe, a terminal, a socket's stream) is read through an {@link InputPump}.
 */
public interface ProgramInput {
  /**
   * Reads up to {@code len} bytes into {@code buf[off..]}, waiting for at least one; returns 0 at
   * end of input. While waiting, asks {@code ctx} whether the program should stop.
   */
  int read(byte[] buf, int off, int len, WasiContext ctx);

  /** Returns whether a read would return at once (bytes, end of input or an error). */
  boolean ready();

  /** Returns how many bytes a read could return at once (0 if unknown or at the end). */
  long available();

  /**
   * Returns an input that reads {@code in} on the program's thread; only for streams that never
   * block (bytes in memory), since nothing can stop a read of it.
   */
  static ProgramInput direct(InputStream in) {
    return new ProgramInput() {
      @Override
      public int read(byte[] buf, int off, int len, WasiContext ctx) {
        try {
          return Math.max(in.read(buf, off, len), 0);
        } catch (IOException e) {
          throw Errno.fail(Errno.IO, e.getMessage());
        }
      }

      @Override
      public boolean ready() {
        return true; // a stream in memory has bytes or is at its end
      }

      @Override
      public long available() {
        try {
          return in.available();
        } catch (IOException e) {
          return 0;
        }
      }
    };
  }
}

package dev.cortado.wasi.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A standard stream: reads from a {@link ProgramInput} (so a program waiting for input can be
 * stopped) or writes to an output stream.
 */
public final class StreamDescriptor extends Descriptor {
  private final WasiContext ctx;
  private final ProgramInput in;
  private final OutputStream out;

  private StreamDescriptor(WasiContext ctx, ProgramInput in, OutputStream out, long rights) {
    super(rights, 0, 0);
    this.ctx = ctx;
    this.in = in;
    this.out = out;
  }

  /** Returns a readable stream descriptor (standard input) of the program {@code ctx} runs. */
  public static StreamDescriptor reading(WasiContext ctx, ProgramInput in) {
    return new StreamDescriptor(ctx, in, null, Abi.RIGHTS_STREAM & ~Abi.RIGHT_FD_WRITE);
  }

  /** Returns a writable stream descriptor (standard output or error). */
  public static StreamDescriptor writing(OutputStream out) {
    return new StreamDescriptor(null, null, out, Abi.RIGHTS_STREAM & ~Abi.RIGHT_FD_READ);
  }

  @Override
  public int filetype() {
    return Abi.FILETYPE_CHARACTER_DEVICE;
  }

  @Override
  public int read(byte[] buf, int off, int len) {
    if (in == null) {
      throw Errno.fail(Errno.BADF, "not open for reading");
    }
    if (len == 0) {
      return 0;
    }
    return in.read(buf, off, len, ctx);
  }

  // Synchronized: a program's threads (wasi-threads) may write at once, each write whole.
  @Override
  public synchronized int write(byte[] buf, int off, int len) {
    if (out == null) {
      throw Errno.fail(Errno.BADF, "not open for writing");
    }
    try {
      out.write(buf, off, len);
      out.flush();
      return len;
    } catch (IOException e) {
      throw Errno.fail(Errno.IO, e.getMessage());
    }
  }

  @Override
  public void setFdflags(int flags) {
    // Appending is what a stream does anyway; nonblocking reads cannot be promised on a Java
    // stream.
    if ((flags & ~Abi.FDFLAGS_APPEND) != 0) {
      throw Errno.fail(Errno.NOTSUP, "stream flags");
    }
    super.setFdflags(flags);
  }

  @Override
  public boolean readReady() {
    return in != null && in.ready();
  }

  @Override
  public long bytesReadable() {
    return in == null ? 0 : in.available();
  }

  @Override
  public void filestat(GuestMemory mem, int ptr) {
    writeSyntheticFilestat(mem, ptr);
  }

  @Override
  public void sync() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        throw Errno.fail(Errno.IO, e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    try {
      if (out != null) {
        out.close();
      }
      // Standard input may be the JVM's own, or the embedder's to read again: not ours to close.
    } catch (IOException e) {
      throw Errno.fail(Errno.IO, e.getMessage());
    }
  }
}

package dev.cortado.wasi;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a program's standard output or error goes: the JVM's own stream, nowhere, a stream of the
 * embedder's, or an in-memory capture to read afterwards ({@link #capture()}).
 */
public final class WasiOutput {
  private static final WasiOutput DISCARD = new WasiOutput(OutputStream.nullOutputStream(), null);

  private final OutputStream sink;
  private final ByteArrayOutputStream captured;

  private WasiOutput(OutputStream sink, ByteArrayOutputStream captured) {
    this.sink = sink;
    this.captured = captured;
  }

  /** Returns an output that drops everything. */
  public static WasiOutput discard() {
    return DISCARD;
  }

  /** Returns the JVM's standard output. */
  public static WasiOutput inheritStdout() {
    return new WasiOutput(new Unclosable(System.out), null);
  }

  /** Returns the JVM's standard error. */
  public static WasiOutput inheritStderr() {
    return new WasiOutput(new Unclosable(System.err), null);
  }

  /** Returns an output writing to {@code out}; the program does not close it. */
  public static WasiOutput to(OutputStream out) {
    return new WasiOutput(new Unclosable(Objects.requireNonNull(out, "out")), null);
  }

  /** Returns an output that keeps what is written in memory, for {@link #bytes()}. */
  public static WasiOutput capture() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    return new WasiOutput(b, b);
  }

  /** Returns what a {@link #capture()} output has received so far. */
  public byte[] bytes() {
    if (captured == null) {
      throw new IllegalStateException("only a capture() output keeps what is written");
    }
    synchronized (captured) {
      return captured.toByteArray();
    }
  }

  /** Returns what a {@link #capture()} output has received so far, decoded as UTF-8. */
  public String text() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /** Returns the stream to write. */
  OutputStream stream() {
    return sink;
  }

  /** Keeps a stream the program must not close open; flushes on every write. */
  private static final class Unclosable extends OutputStream {
    private final OutputStream out;

    Unclosable(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      out.write(b, off, len);
      out.flush();
    }

    @Override
    public void flush() throws java.io.IOException {
      out.flush();
    }

    @Override
    public void close() throws java.io.IOException {
      out.flush();
    }

    @Override
    public String toString() {
      return out instanceof PrintStream ? "inherited" : out.toString();
    }
  }
}

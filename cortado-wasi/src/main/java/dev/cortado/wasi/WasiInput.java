package dev.cortado.wasi;

import dev.cortado.wasi.internal.InputPump;
import dev.cortado.wasi.internal.ProgramInput;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a program's standard input comes from.
 *
 * <p>A program blocked reading its input still stops at its store's deadline or {@link
 * dev.cortado.runtime.Store#interrupt()}: streams that may block ({@link #inherit()}, {@link
 * #from}) are read by a daemon helper thread while the program waits in short slices. Bytes that
 * thread read but no program consumed yet (because the program was stopped, or ended) are not lost:
 * they belong to this {@code WasiInput} and are the first bytes the next program given it reads.
 * Use one {@code WasiInput} per stream.
 */
public final class WasiInput {
  private static final WasiInput EMPTY =
      new WasiInput(() -> ProgramInput.direct(InputStream.nullInputStream()), false);
  private static final WasiInput INHERIT = new WasiInput(WasiInput::systemIn, true);

  // The pump reading System.in, shared by every program that inherits it.
  private static InputStream pumpedSystemIn;
  private static InputPump systemInPump;

  private final Supplier<ProgramInput> source;
  private final boolean inherited;

  private WasiInput(Supplier<ProgramInput> source, boolean inherited) {
    this.source = source;
    this.inherited = inherited;
  }

  /** Returns an input with no bytes: reads see end of file at once. */
  public static WasiInput empty() {
    return EMPTY;
  }

  /** Returns the JVM's own standard input. */
  public static WasiInput inherit() {
    return INHERIT;
  }

  /** Returns an input holding a copy of {@code bytes}. */
  public static WasiInput of(byte[] bytes) {
    byte[] copy = bytes.clone();
    return new WasiInput(() -> ProgramInput.direct(new ByteArrayInputStream(copy)), false);
  }

  /** Returns an input holding {@code text} in UTF-8. */
  public static WasiInput ofText(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns an input reading {@code in}; the program reading it does not close it. A helper thread
   * may read ahead of the program (at most what the program asked for); those bytes stay with the
   * returned input.
   */
  public static WasiInput from(InputStream in) {
    Objects.requireNonNull(in, "in");
    if (in instanceof ByteArrayInputStream) {
      return new WasiInput(() -> ProgramInput.direct(in), false);
    }
    InputPump pump = InputPump.of(in);
    return new WasiInput(() -> pump, false);
  }

  /** Returns the stream to read, for one program run. */
  ProgramInput open() {
    return source.get();
  }

  /** Returns whether this is the JVM's standard input (a terminal, perhaps). */
  boolean inherited() {
    return inherited;
  }

  /** Returns the pump of the current {@code System.in}, one for all programs. */
  private static synchronized ProgramInput systemIn() {
    if (systemInPump == null || pumpedSystemIn != System.in) {
      pumpedSystemIn = System.in;
      systemInPump = InputPump.of(System.in);
    }
    return systemInPump;
  }
}

package dev.cortado.wasi;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/** Where a program's standard input comes from. */
public final class WasiInput {
  private static final WasiInput EMPTY = new WasiInput(() -> InputStream.nullInputStream(), false);
  private static final WasiInput INHERIT = new WasiInput(() -> System.in, true);

  private final Supplier<InputStream> source;
  private final boolean inherited;

  private WasiInput(Supplier<InputStream> source, boolean inherited) {
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
    return new WasiInput(() -> new ByteArrayInputStream(copy), false);
  }

  /** Returns an input holding {@code text} in UTF-8. */
  public static WasiInput ofText(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns an input reading {@code in}; the program reading it does not close it. */
  public static WasiInput from(InputStream in) {
    Objects.requireNonNull(in, "in");
    return new WasiInput(() -> in, false);
  }

  /** Returns the stream to read, for one program run. */
  InputStream open() {
    return source.get();
  }

  /** Returns whether this is the JVM's standard input (a terminal, perhaps). */
  boolean inherited() {
    return inherited;
  }
}

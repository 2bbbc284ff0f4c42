package dev.cortado.wasm.internal;

import dev.cortado.wasm.Bytes;
import java.util.Optional;

/**
 * Zero-copy access to the storage behind {@link Bytes}, for Cortado's own decoders and readers.
 *
 * <p>{@code Bytes} is immutable to users, but the decoder must wrap slices of its input without
 * copying them, and instruction readers must read code without copying it. This package is not
 * exported, so only Cortado's modules reach it.
 */
public final class ModelAccess {
  /** What {@code Bytes} lets its friends do. */
  public interface BytesAccess {
    /** Wraps {@code array} without copying; the caller promises never to change it. */
    Bytes wrap(byte[] array, int offset, int length);

    /** Returns the array behind {@code b}; the caller promises never to change it. */
    byte[] array(Bytes b);

    /** Returns where {@code b} starts in {@link #array}. */
    int offset(Bytes b);

    /**
     * Returns the file whose whole contents {@code b} are, as it was when read by {@link
     * Bytes#read}, unchanged during the read; empty for bytes from anywhere else.
     */
    Optional<FileStamp> source(Bytes b);
  }

  private static volatile BytesAccess bytes;

  private ModelAccess() {}

  /** Called once by {@code Bytes}' static initializer. */
  public static void install(BytesAccess access) {
    bytes = access;
  }

  /** Returns the access to {@code Bytes}, initializing that class if needed. */
  public static BytesAccess bytes() {
    BytesAccess a = bytes;
    if (a == null) {
      // Touching Bytes.EMPTY runs Bytes' static initializer, which installs the access.
      Bytes.EMPTY.length();
      a = bytes;
    }
    return a;
  }

  /** Wraps {@code array} in {@code Bytes} without copying. */
  public static Bytes wrap(byte[] array, int offset, int length) {
    return bytes().wrap(array, offset, length);
  }

  /** Wraps all of {@code array} in {@code Bytes} without copying. */
  public static Bytes wrap(byte[] array) {
    return bytes().wrap(array, 0, array.length);
  }
}

package dev.cortado.component;

import dev.cortado.component.internal.keyvalue.FileStore;
import dev.cortado.component.internal.keyvalue.MemoryStore;
import dev.cortado.component.internal.wasi.KeyValueInterfaces;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Key-value stores for components: the host side of Spin's {@code fermyon:spin/key-value@2.0.0} and
 * of {@code wasi:keyvalue} at {@code 0.2.0-draft2} ({@code store}, {@code atomics}, {@code batch}),
 * the versions Spin serves. A component opens a store by label; the host decides which labels it
 * may open ({@link #addTo}). Stores are kept in memory ({@link #memoryStore}) or in a file that
 * outlives the process ({@link #fileStore}).
 *
 * <pre>{@code
 * try (WasiKeyValue.Store store = WasiKeyValue.fileStore(Path.of("state/default.kv"))) {
 *   ComponentLinker linker = WasiKeyValue.addTo(ComponentLinker.create(),
 *       label -> label.equals("default") ? Optional.of(store) : Optional.empty());
 *   ...
 * }
 * }</pre>
 */
public final class WasiKeyValue {
  private WasiKeyValue() {}

  /** Spin's key-value interface. */
  public static final String SPIN_KEY_VALUE = "fermyon:spin/key-value@2.0.0";

  /** The {@code wasi:keyvalue} interfaces' version. */
  public static final String WASI_KEYVALUE_VERSION = "0.2.0-draft2";

  /** The most bytes (keys and values together) a store holds unless told otherwise: 256 MiB. */
  public static final long DEFAULT_MAX_BYTES = 256L << 20;

  /** The longest key, in UTF-8 bytes. */
  public static final int MAX_KEY_BYTES = 64 << 10;

  /**
   * A key-value store. Requests running at once share a store, so every method is thread-safe, and
   * {@link #increment} and {@link #replace} are atomic. A value is returned as a copy.
   */
  public interface Store extends AutoCloseable {
    /** Returns the value of {@code key}, if it has one. */
    Optional<byte[]> get(String key);

    /**
     * Sets {@code key} to {@code value}.
     *
     * @throws StoreException if the store is full, the key too long, or writing failed
     */
    void set(String key, byte[] value);

    /**
     * Deletes {@code key}, if it is there.
     *
     * @throws StoreException if writing failed
     */
    void delete(String key);

    /** Returns whether {@code key} has a value. */
    boolean exists(String key);

    /** Returns up to {@code limit} keys, in order, that come after {@code after} (all if empty). */
    List<String> keys(Optional<String> after, int limit);

    /**
     * Adds {@code delta} to the counter at {@code key} (0 if absent) and returns the sum. A counter
     * is 8 bytes, a little-endian two's-complement integer.
     *
     * @throws StoreException if the value is not a counter, or the sum overflows
     */
    long increment(String key, long delta);

    /**
     * Sets {@code key} to {@code value} if its value is still {@code expected} (absent if empty);
     * returns whether it did.
     */
    boolean replace(String key, Optional<byte[]> expected, byte[] value);

    /** Releases the store's file, if it has one. */
    @Override
    default void close() {}
  }

  /** A store could not do what it was asked; the component gets the message as an error. */
  public static final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Makes one with {@code message}. */
    public StoreException(String message) {
      super(message);
    }
  }

  /** Returns a store kept in memory, of at most {@link #DEFAULT_MAX_BYTES}. */
  public static Store memoryStore() {
    return new MemoryStore(DEFAULT_MAX_BYTES);
  }

  /**
   * Opens the store kept in {@code file}, making it if it does not exist, of at most {@link
   * #DEFAULT_MAX_BYTES}. Every change is written to the file before it is seen, so the store
   * survives the process ending at any moment (a change cut short is dropped when the file is next
   * opened); the file is rewritten compactly when overwritten values make up most of it. One
   * process at a time uses a file.
   *
   * @throws IOException if the file cannot be read or written, is not a store, or another process
   *     has it open
   */
  public static Store fileStore(Path file) throws IOException {
    return fileStore(file, DEFAULT_MAX_BYTES);
  }

  /**
   * Opens the store kept in {@code file}, holding at most {@code maxBytes} of keys and values.
   *
   * @throws IOException as {@link #fileStore(Path)}
   */
  public static Store fileStore(Path file, long maxBytes) throws IOException {
    return FileStore.open(Objects.requireNonNull(file, "file"), maxBytes);
  }

  /**
   * Defines Spin's key-value interface and {@code wasi:keyvalue}'s {@code store}, {@code atomics}
   * and {@code batch} in {@code linker}. A component opening label {@code L} gets {@code
   * stores.apply(L)}, or {@code access-denied} if that is empty. A {@link StoreException} reaches
   * the component as the {@code other} error case.
   */
  public static ComponentLinker addTo(
      ComponentLinker linker, Function<String, Optional<Store>> stores) {
    KeyValueInterfaces.define(
        Objects.requireNonNull(linker, "linker"), Objects.requireNonNull(stores, "stores"));
    return linker;
  }
}

package dev.cortado.component.internal.keyvalue;

import dev.cortado.component.WasiKeyValue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A store in memory: reads without locking, changes one at a time. A subclass that keeps the store
 * elsewhere too records each change ({@link #record}) before it is applied, so that a change that
 * cannot be recorded is not made.
 */
public class MemoryStore implements WasiKeyValue.Store {
  private final ConcurrentSkipListMap<String, byte[]> entries = new ConcurrentSkipListMap<>();
  private final long maxBytes;
  private long bytes;

  public MemoryStore(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("a store's size limit must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  @Override
  public Optional<byte[]> get(String key) {
    return Optional.ofNullable(entries.get(key)).map(byte[]::clone);
  }

  @Override
  public synchronized void set(String key, byte[] value) {
    change(key, value.clone());
  }

  @Override
  public synchronized void delete(String key) {
    if (entries.containsKey(key)) {
      change(key, null);
    }
  }

  @Override
  public boolean exists(String key) {
    return entries.containsKey(key);
  }

  @Override
  public List<String> keys(Optional<String> after, int limit) {
    NavigableMap<String, byte[]> from =
        after.isPresent() ? entries.tailMap(after.get(), false) : entries;
    List<String> out = new ArrayList<>();
    for (String k : from.keySet()) {
      if (out.size() == limit) {
        break;
      }
      out.add(k);
    }
    return out;
  }

  @Override
  public synchronized long increment(String key, long delta) {
    byte[] current = entries.get(key);
    long value = 0;
    if (current != null) {
      if (current.length != Long.BYTES) {
        throw new WasiKeyValue.StoreException(
            "the value of \""
                + key
                + "\" is not a counter (a counter is 8 bytes, a little-endian integer; it has "
                + current.length
                + ")");
      }
      value = ByteBuffer.wrap(current).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
    long sum;
    try {
      sum = Math.addExact(value, delta);
    } catch (ArithmeticException e) {
      throw new WasiKeyValue.StoreException(
          "adding " + delta + " to \"" + key + "\" (" + value + ") overflows 64 bits");
    }
    change(
        key, ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(sum).array());
    return sum;
  }

  @Override
  public synchronized boolean replace(String key, Optional<byte[]> expected, byte[] value) {
    byte[] current = entries.get(key);
    boolean same =
        expected.isPresent()
            ? current != null && Arrays.equals(current, expected.get())
            : current == null;
    if (same) {
      change(key, value.clone());
    }
    return same;
  }

  /** Returns a view of the entries, for a subclass writing them out. */
  protected final Map<String, byte[]> entries() {
    return entries;
  }

  /** Returns the bytes of keys and values held. */
  protected final synchronized long size() {
    return bytes;
  }

  /** Puts {@code value} at {@code key} without recording it (loading what was recorded). */
  protected final synchronized void load(String key, byte[] value) {
    byte[] old = value == null ? entries.remove(key) : entries.put(key, value);
    bytes += weight(key, value) - weight(key, old);
  }

  /**
   * Records that {@code key} is about to get {@code value} ({@code null}: is deleted); the change
   * is made only if this returns. Runs while the store is locked.
   *
   * @throws WasiKeyValue.StoreException if it cannot be recorded
   */
  protected void record(String key, byte[] value) {}

  /** Runs after each change, while the store is locked. */
  protected void changed() {}

  private void change(String key, byte[] value) {
    int keyBytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (keyBytes > WasiKeyValue.MAX_KEY_BYTES) {
      throw new WasiKeyValue.StoreException(
          "the key is too long: "
              + keyBytes
              + " bytes (at most "
              + WasiKeyValue.MAX_KEY_BYTES
              + ")");
    }
    long grown = bytes + weight(key, value) - weight(key, entries.get(key));
    if (value != null && grown > maxBytes) {
      throw new WasiKeyValue.StoreException(
          "the store is full: it would hold " + grown + " bytes, more than its " + maxBytes);
    }
    record(key, value);
    load(key, value);
    changed();
  }

  private static long weight(String key, byte[] value) {
    return value == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length + (long) value.length;
  }
}

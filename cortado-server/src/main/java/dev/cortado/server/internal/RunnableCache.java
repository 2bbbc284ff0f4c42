package dev.cortado.server.internal;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cache runnables share through {@code cache_set} and {@code cache_get}: in the server's
 * memory, per application, bounded in entries and value size; an entry with a positive TTL (in
 * seconds) expires.
 */
final class RunnableCache {
  /** The most entries kept. */
  static final int MAX_ENTRIES = 10_000;

  /** The largest value kept. */
  static final int MAX_VALUE = 1 << 20;

  private record Entry(byte[] value, long expiresAt) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * Keeps {@code value} under {@code key} for {@code ttlSeconds} (0 or less: until the server
   * stops); returns why it could not, if it could not.
   */
  Optional<String> set(String key, byte[] value, int ttlSeconds) {
    if (value.length > MAX_VALUE) {
      return Optional.of("cache values are limited to " + MAX_VALUE + " bytes");
    }
    if (entries.size() >= MAX_ENTRIES && !entries.containsKey(key)) {
      entries.entrySet().removeIf(e -> expired(e.getValue()));
      if (entries.size() >= MAX_ENTRIES) {
        return Optional.of("the cache is full (" + MAX_ENTRIES + " entries)");
      }
    }
    long expires =
        ttlSeconds > 0 ? System.nanoTime() + ttlSeconds * 1_000_000_000L : Long.MAX_VALUE;
    entries.put(key, new Entry(value.clone(), expires));
    return Optional.empty();
  }

  /** Returns the value under {@code key}, if there is one that has not expired. */
  Optional<byte[]> get(String key) {
    Entry e = entries.get(key);
    if (e == null || expired(e)) {
      return Optional.empty();
    }
    return Optional.of(e.value().clone());
  }

  private static boolean expired(Entry e) {
    return e.expiresAt() != Long.MAX_VALUE && System.nanoTime() - e.expiresAt() > 0;
  }
}

package dev.cortado.runtime.internal.store;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Linear-memory arrays of closed stores, zeroed, filed by their length, for new memories of that
 * size (so a recycled array is exactly as long as its new memory): a server that makes a store per
 * request would otherwise allocate (and have the JVM zero, in memory no cache holds) every
 * request's memory afresh, and collect it soon after. An array is zeroed by the thread that closes
 * its store, while its cache still holds it. Bounded in bytes and in arrays per size; thread-safe.
 */
public final class MemoryPool {
  private final long maxBytes;
  private final int maxPerSize;
  private final AtomicLong pooled = new AtomicLong();
  private final ConcurrentHashMap<Integer, Sized> free = new ConcurrentHashMap<>();

  private record Sized(Queue<byte[]> arrays, AtomicInteger count) {}

  /**
   * Returns a pool that keeps at most {@code maxBytes} bytes, and at most {@code maxPerSize} arrays
   * of one size.
   */
  public MemoryPool(long maxBytes, int maxPerSize) {
    this.maxBytes = maxBytes;
    this.maxPerSize = maxPerSize;
  }

  /**
   * Returns a zeroed array of at least {@code length} bytes, kept from a memory created with that
   * size, or null if the pool has none.
   */
  public byte[] take(int length) {
    Sized s = free.get(length);
    if (s == null) {
      return null;
    }
    byte[] b = s.arrays().poll();
    if (b != null) {
      s.count().decrementAndGet();
      pooled.addAndGet(-b.length);
    }
    return b;
  }

  /**
   * Takes back {@code memory}'s array, if the pool has room, and leaves the memory empty: any
   * reference to it left behind sees a memory of no bytes rather than a later store's.
   */
  public void give(MemoryInstance memory) {
    byte[] b = memory.bytes;
    int used = memory.size;
    memory.bytes = new byte[0];
    memory.size = 0;
    int length = b.length;
    if (length == 0 || pooled.addAndGet(length) > maxBytes) {
      pooled.addAndGet(-length);
      return;
    }
    Sized s =
        free.computeIfAbsent(
            length, k -> new Sized(new ConcurrentLinkedQueue<>(), new AtomicInteger()));
    if (s.count().incrementAndGet() > maxPerSize) {
      s.count().decrementAndGet();
      pooled.addAndGet(-length);
      return;
    }
    // Bytes past the size are zero already (MemoryInstance keeps them so).
    Arrays.fill(b, 0, used, (byte) 0);
    s.arrays().offer(b);
  }
}

package dev.cortado.compiler.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the code caches of this JVM did, for tests and diagnostics: a reused entry counts as a hit,
 * a compiled module as a miss, an entry found damaged or foreign as rejected (it is then rebuilt).
 */
final class CacheStats {
  static final AtomicLong HITS = new AtomicLong();
  static final AtomicLong MISSES = new AtomicLong();
  static final AtomicLong REJECTED = new AtomicLong();
  static final AtomicLong WRITES = new AtomicLong();
  static final AtomicLong WRITE_FAILURES = new AtomicLong();

  private CacheStats() {}

  /** Returns the counters as one line. */
  static String summary() {
    return "hits="
        + HITS.get()
        + " misses="
        + MISSES.get()
        + " rejected="
        + REJECTED.get()
        + " writes="
        + WRITES.get()
        + " writeFailures="
        + WRITE_FAILURES.get();
  }
}

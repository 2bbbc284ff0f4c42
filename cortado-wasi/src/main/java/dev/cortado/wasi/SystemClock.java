package dev.cortado.wasi;

import java.time.Instant;

/** The JVM's clocks. */
final class SystemClock implements WasiClock {
  static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

  @Override
  public long realtimeNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public long monotonicNanos() {
    return System.nanoTime();
  }
}

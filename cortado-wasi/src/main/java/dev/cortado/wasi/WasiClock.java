package dev.cortado.wasi;

/**
 * The clocks a program reads: wall-clock time and a monotonic time, in nanoseconds. Replace the
 * system clock with a fixed one for deterministic runs.
 */
public interface WasiClock {
  /** Returns nanoseconds since 1970-01-01T00:00:00Z. */
  long realtimeNanos();

  /** Returns nanoseconds since an arbitrary fixed point; never decreases. */
  long monotonicNanos();

  /** Returns the system's clocks. */
  static WasiClock system() {
    return SystemClock.INSTANCE;
  }

  /** Returns clocks that stand still at {@code realtimeNanos} and {@code monotonicNanos}. */
  static WasiClock fixed(long realtimeNanos, long monotonicNanos) {
    return new WasiClock() {
      @Override
      public long realtimeNanos() {
        return realtimeNanos;
      }

      @Override
      public long monotonicNanos() {
        return monotonicNanos;
      }
    };
  }
}

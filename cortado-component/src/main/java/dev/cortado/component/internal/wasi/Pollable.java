package dev.cortado.component.internal.wasi;

import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.wasi.internal.WasiContext;
import java.util.function.BooleanSupplier;

/**
 * What a {@code pollable} resource stands for: something that becomes ready (a stream with bytes or
 * room, a clock reaching an instant). Waiting is done in slices, so that an interrupted or timed
 * out program stops while it waits.
 */
final class Pollable {
  private static final long SLICE_NANOS = 5_000_000;

  private final BooleanSupplier ready;
  private final long deadlineNanos; // monotonic, or Long.MIN_VALUE if not a clock's

  private Pollable(BooleanSupplier ready, long deadlineNanos) {
    this.ready = ready;
    this.deadlineNanos = deadlineNanos;
  }

  static Pollable when(BooleanSupplier ready) {
    return new Pollable(ready, Long.MIN_VALUE);
  }

  static Pollable always() {
    return new Pollable(() -> true, Long.MIN_VALUE);
  }

  /** Ready once the context's monotonic clock reaches {@code instant}. */
  static Pollable at(WasiContext ctx, long instant) {
    return new Pollable(() -> ctx.clock().monotonicNanos() >= instant, instant);
  }

  boolean ready() {
    return ready.getAsBoolean();
  }

  /** Returns how long to sleep before checking again. */
  long waitNanos(WasiContext ctx) {
    if (deadlineNanos == Long.MIN_VALUE) {
      return SLICE_NANOS;
    }
    return Math.max(0, Math.min(SLICE_NANOS, deadlineNanos - ctx.clock().monotonicNanos()));
  }

  void block(WasiContext ctx) {
    while (!ready()) {
      sleep(ctx, waitNanos(ctx));
    }
  }

  /** Sleeps up to {@code nanos}, stopping if the program is interrupted. */
  static void sleep(WasiContext ctx, long nanos) {
    ctx.checkInterruption();
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExecutionInterruptedException(ExecutionInterruptedException.Reason.INTERRUPTED);
    }
    ctx.checkInterruption();
  }
}

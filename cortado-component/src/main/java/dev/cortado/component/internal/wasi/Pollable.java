package dev.cortado.component.internal.wasi;

import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.wasi.internal.WasiContext;
import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a {@code pollable} resource stands for: something that becomes ready (a stream with bytes or
 * room, a clock reaching an instant, a socket's connection). Waiting is done in slices, so that an
 * interrupted or timed out program stops while it waits; a pollable with a {@link Waiter} (a
 * socket's selector) is waited on rather than slept past, so that it wakes as soon as it is ready.
 */
final class Pollable {
  static final long SLICE_NANOS = 5_000_000;

  /** Waits up to a slice for the pollable to become ready; may return early, or spuriously. */
  interface Waiter {
    void await(long nanos) throws IOException;
  }

  private final BooleanSupplier ready;
  private final long deadlineNanos; // monotonic, or Long.MIN_VALUE if not a clock's
  private final Waiter waiter; // or null: sleep

  private Pollable(BooleanSupplier ready, long deadlineNanos, Waiter waiter) {
    this.ready = ready;
    this.deadlineNanos = deadlineNanos;
    this.waiter = waiter;
  }

  static Pollable when(BooleanSupplier ready) {
    return new Pollable(ready, Long.MIN_VALUE, null);
  }

  /** Ready when {@code ready} says so; waits through {@code waiter}. */
  static Pollable when(BooleanSupplier ready, Waiter waiter) {
    return new Pollable(ready, Long.MIN_VALUE, waiter);
  }

  static Pollable always() {
    return new Pollable(() -> true, Long.MIN_VALUE, null);
  }

  /**
   * Ready once the context's monotonic clock reaches {@code instant}, a u64: one of 2^63 or more
   * (negative here) is centuries away, never reached, not already past.
   */
  static Pollable at(WasiContext ctx, long instant) {
    long at = instant < 0 ? Long.MAX_VALUE : instant;
    return new Pollable(() -> ctx.clock().monotonicNanos() >= at, at, null);
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
      pause(ctx, waitNanos(ctx), List.of(this));
    }
  }

  /**
   * Waits up to {@code nanos} for one of {@code ps}: on the first one's waiter that has one, else
   * asleep; stops if the program is interrupted.
   */
  static void pause(WasiContext ctx, long nanos, List<Pollable> ps) {
    Waiter w =
        ps.stream().filter(p -> p.waiter != null).map(p -> p.waiter).findFirst().orElse(null);
    if (w == null || nanos == 0) {
      sleep(ctx, nanos);
      return;
    }
    ctx.checkInterruption();
    try {
      w.await(nanos);
    } catch (IOException e) {
      // The pollable's own check reports the channel's state; this was only a wait.
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new ExecutionInterruptedException(ExecutionInterruptedException.Reason.INTERRUPTED);
    }
    ctx.checkInterruption();
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

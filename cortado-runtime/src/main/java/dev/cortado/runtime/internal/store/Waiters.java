package dev.cortado.runtime.internal.store;

import dev.cortado.runtime.ExecutionInterruptedException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The threads waiting on a shared memory: {@code memory.atomic.wait32}/{@code wait64} queue here by
 * address, {@code memory.atomic.notify} wakes the first of them in the order they came.
 *
 * <p>One lock guards the queues and is held while a waiter compares the memory with its expected
 * value, so a notify that follows a store cannot slip between the comparison and the wait: it finds
 * the waiter queued.
 *
 * @see <a
 *     href="https://github.com/WebAssembly/threads/blob/main/proposals/threads/Overview.md">Wait
 *     and notify</a>
 */
public final class Waiters {
  /** Returned by a wait that was woken by a notify. */
  public static final int OK = 0;

  /** Returned by a wait whose expected value was not in memory. */
  public static final int NOT_EQUAL = 1;

  /** Returned by a wait that was not woken before its timeout. */
  public static final int TIMED_OUT = 2;

  // The longest a waiter sleeps before it checks whether its store was interrupted.
  private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  // The longest timeout honoured: a century (as WASI's waits); longer ones wait for ever.
  private static final long FOREVER_NANOS = TimeUnit.DAYS.toNanos(36_525);

  private static final class Waiter {
    boolean woken;
  }

  private final Map<Integer, ArrayDeque<Waiter>> queues = new HashMap<>();

  /**
   * Waits at {@code address} if {@code current} (an atomic read of the memory there, made under
   * this object's lock) gives {@code expected}, for at most {@code timeoutNanos} (negative: no
   * limit), calling {@code check} between slices so that an interrupted store stops waiting.
   *
   * @return {@link #OK}, {@link #NOT_EQUAL} or {@link #TIMED_OUT}
   */
  public synchronized int await(
      int address, LongSupplier current, long expected, long timeoutNanos, Runnable check) {
    if (current.getAsLong() != expected) {
      return NOT_EQUAL;
    }
    long limit = timeoutNanos < 0 || timeoutNanos > FOREVER_NANOS ? FOREVER_NANOS : timeoutNanos;
    long deadline = System.nanoTime() + limit;
    Waiter w = new Waiter();
    ArrayDeque<Waiter> queue = queues.computeIfAbsent(address, a -> new ArrayDeque<>());
    queue.addLast(w);
    try {
      while (!w.woken) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return TIMED_OUT;
        }
        long slice = Math.min(left, SLICE_NANOS);
        wait(slice / 1_000_000, (int) (slice % 1_000_000));
        if (!w.woken) {
          check.run();
        }
      }
      return OK;
    } catch (InterruptedException e) {
      // The Java thread was interrupted (its pool shuts down, say): the program stops, as when
      // its store is interrupted.
      Thread.currentThread().interrupt();
      if (w.woken) {
        return OK;
      }
      throw new ExecutionInterruptedException(ExecutionInterruptedException.Reason.INTERRUPTED);
    } finally {
      if (!w.woken) {
        queue.remove(w);
        if (queue.isEmpty()) {
          queues.remove(address);
        }
      }
    }
  }

  /**
   * Wakes up to {@code count} (unsigned: 2^32-1 is every one) of the threads waiting at {@code
   * address}, first come first woken, and returns how many it woke.
   */
  public synchronized int wake(int address, int count) {
    ArrayDeque<Waiter> queue = queues.get(address);
    if (queue == null) {
      return 0;
    }
    long limit = Integer.toUnsignedLong(count);
    int woken = 0;
    while (woken < limit && !queue.isEmpty()) {
      queue.pollFirst().woken = true;
      woken++;
    }
    if (queue.isEmpty()) {
      queues.remove(address);
    }
    if (woken > 0) {
      notifyAll();
    }
    return woken;
  }
}

package dev.cortado.server.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the first flushed bytes of responses whose component has not finished them within {@link
 * #DELAY_NANOS}: a response's first flush waits that long for its finish (so a small answer goes
 * out in one write, its length known, instead of a chunk and then the end), and no longer. One
 * daemon thread for the whole process looks at the waiting responses every millisecond; adding one
 * takes no lock and wakes nothing.
 */
final class DeferredFlushes {
  /** How long a first flush may wait for the response's finish. */
  static final long DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private record Waiting(StreamedResponse response, long dueNanos) {}

  /** How long the thread goes on looking every millisecond once nothing is waiting. */
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private static final ConcurrentLinkedQueue<Waiting> WAITING = new ConcurrentLinkedQueue<>();
  private static final Thread THREAD = new Thread(DeferredFlushes::run, "cortado-flush");

  // Whether the thread sleeps until woken: the next add must wake it.
  private static volatile boolean asleep;

  static {
    THREAD.setDaemon(true);
    THREAD.start();
  }

  private DeferredFlushes() {}

  /** Has {@code response}'s deferred flush made once {@link #DELAY_NANOS} have passed. */
  static void add(StreamedResponse response) {
    WAITING.add(new Waiting(response, System.nanoTime() + DELAY_NANOS));
    if (asleep) {
      LockSupport.unpark(THREAD);
    }
  }

  private static void run() {
    long lastSeen = System.nanoTime();
    while (true) {
      if (WAITING.isEmpty() && System.nanoTime() - lastSeen > IDLE_NANOS) {
        asleep = true;
        // Checked again after saying so: an add in between sees asleep, or is seen here.
        while (WAITING.isEmpty()) {
          LockSupport.park();
        }
        asleep = false;
      }
      LockSupport.parkNanos(DELAY_NANOS);
      long now = System.nanoTime();
      if (!WAITING.isEmpty()) {
        lastSeen = now;
      }
      // Added in about the order they fall due (each add reads the clock just before): stop at the
      // first not due yet; one added a little out of order waits at most one more tick.
      Waiting w;
      while ((w = WAITING.peek()) != null && w.dueNanos() - now <= 0) {
        WAITING.poll();
        try {
          w.response().deferredFlushDue();
        } catch (RuntimeException e) {
          // A response whose client went away: its component learns of it at its next write.
        }
      }
    }
  }
}

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

  private static final ConcurrentLinkedQueue<Waiting> WAITING = new ConcurrentLinkedQueue<>();

  static {
    Thread t = new Thread(DeferredFlushes::run, "cortado-flush");
    t.setDaemon(true);
    t.start();
  }

  private DeferredFlushes() {}

  /** Has {@code response}'s deferred flush made once {@link #DELAY_NANOS} have passed. */
  static void add(StreamedResponse response) {
    WAITING.add(new Waiting(response, System.nanoTime() + DELAY_NANOS));
  }

  private static void run() {
    while (true) {
      LockSupport.parkNanos(DELAY_NANOS);
      long now = System.nanoTime();
      // Added in the order they fall due: stop at the first that is not due yet.
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

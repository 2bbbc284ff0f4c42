package dev.cortado.runtime.internal.interp;

import java.lang.ref.WeakReference;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Tells a {@link Budget} that its deadline has passed, from one daemon thread shared by all stores,
 * started when the first deadline is set and ended when no deadline has been pending for a while.
 * Compiled code does not look at the clock: it polls the flag the alarm sets.
 */
final class DeadlineAlarm {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private DeadlineAlarm() {}

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread t = new Thread(task, "cortado-deadlines");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    timer.setKeepAliveTime(10, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    return timer;
  }

  /** Returns the number of alarms waiting to fire (for tests). */
  static int pending() {
    return TIMER.getQueue().size();
  }

  /**
   * Calls {@link Budget#deadlinePassed()} on {@code budget} in {@code delayNanos}, unless the
   * returned future is cancelled first. The alarm holds the budget weakly: a store dropped with a
   * long deadline pending is not kept alive by it.
   */
  static Future<?> schedule(Budget budget, long delayNanos) {
    WeakReference<Budget> target = new WeakReference<>(budget);
    return TIMER.schedule(
        () -> {
          Budget b = target.get();
          if (b != null) {
            b.deadlinePassed();
          }
        },
        delayNanos,
        TimeUnit.NANOSECONDS);
  }
}

package dev.cortado.runtime.internal.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.ExecutionInterruptedException.Reason;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The budget as compiled code sees it: {@link Budget#poll()} in a loop. */
@Timeout(60)
class BudgetTest {

  /** Polls until the budget stops the loop; returns why. */
  private static Reason pollUntilStopped(Budget b) {
    ExecutionInterruptedException e =
        assertThrows(
            ExecutionInterruptedException.class,
            () -> {
              while (true) {
                b.poll();
              }
            });
    return e.reason();
  }

  @Test
  void pollingWithoutLimitsNeitherCountsNorStops() {
    Budget b = new Budget();
    for (int i = 0; i < 3 * Budget.CHUNK; i++) {
      b.poll();
    }
    assertEquals(Budget.CHUNK, b.credit);
  }

  @Test
  void fuelIsCountedExactlyByPolls() {
    Budget b = new Budget();
    b.setFuel(10);
    for (int i = 0; i < 10; i++) {
      b.poll();
    }
    assertEquals(
        Reason.OUT_OF_FUEL, assertThrows(ExecutionInterruptedException.class, b::poll).reason());
    assertEquals(0, b.fuel());
  }

  @Test
  void fuelLargerThanAChunkIsSettledAcrossCheckpoints() {
    Budget b = new Budget();
    long fuel = 3 * Budget.CHUNK + 5;
    b.setFuel(fuel);
    for (long i = 0; i < fuel; i++) {
      b.poll();
    }
    assertEquals(0, b.fuel());
    assertEquals(Reason.OUT_OF_FUEL, pollUntilStopped(b));
  }

  @Test
  void anInterruptFromAnotherThreadStopsAPollingLoop() throws Exception {
    Budget b = new Budget();
    Thread interrupter =
        new Thread(
            () -> {
              sleep(50);
              b.interrupt();
            });
    interrupter.start();
    assertEquals(Reason.INTERRUPTED, pollUntilStopped(b));
    interrupter.join();
  }

  @Test
  void theAlarmStopsAPollingLoopAtTheDeadline() {
    Budget b = new Budget();
    long start = System.nanoTime();
    b.setDeadline(start + Duration.ofMillis(100).toNanos());
    assertEquals(Reason.DEADLINE, pollUntilStopped(b));
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(100).toNanos());
  }

  @Test
  void aPassedDeadlineStopsTheNextPoll() {
    Budget b = new Budget();
    b.setDeadline(System.nanoTime() - 1);
    assertEquals(
        Reason.DEADLINE, assertThrows(ExecutionInterruptedException.class, b::poll).reason());
    // It stays passed: code run afterwards in the same store stops at once as well.
    assertEquals(
        Reason.DEADLINE, assertThrows(ExecutionInterruptedException.class, b::poll).reason());
  }

  @Test
  void aClearedDeadlineNoLongerStopsCode() {
    Budget b = new Budget();
    b.setDeadline(System.nanoTime() + Duration.ofMillis(20).toNanos());
    b.clearDeadline();
    long end = System.nanoTime() + Duration.ofMillis(200).toNanos();
    while (System.nanoTime() < end) {
      b.poll();
    }
  }

  @Test
  void clearedAndMovedDeadlinesLeaveNoAlarmBehind() {
    int before = DeadlineAlarm.pending();
    for (int i = 0; i < 1000; i++) {
      Budget b = new Budget();
      b.setDeadline(System.nanoTime() + Duration.ofHours(1).toNanos());
      b.setDeadline(System.nanoTime() + Duration.ofHours(2).toNanos());
      b.clearDeadline();
    }
    assertTrue(DeadlineAlarm.pending() <= before, () -> DeadlineAlarm.pending() + " alarms left");
  }

  @Test
  void aMovedDeadlineStopsCodeAtTheNewTimeOnly() {
    Budget b = new Budget();
    b.setDeadline(System.nanoTime() + Duration.ofMillis(20).toNanos());
    long start = System.nanoTime();
    b.setDeadline(start + Duration.ofMillis(300).toNanos());
    assertEquals(Reason.DEADLINE, pollUntilStopped(b));
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
  }

  @Test
  void theCheckpointHookRunsOnceAfterAChunkOfTicks() {
    Budget b = new Budget();
    AtomicInteger runs = new AtomicInteger();
    b.atNextCheckpoint(runs::incrementAndGet);
    for (int i = 0; i < Budget.CHUNK; i++) {
      b.tick();
      b.poll(); // compiled code's polls neither count nor run it
    }
    assertEquals(0, runs.get());
    for (int i = 0; i < 3 * Budget.CHUNK; i++) {
      b.tick();
    }
    assertEquals(1, runs.get());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

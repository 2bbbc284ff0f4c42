package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.ExecutionInterruptedException;
import java.util.concurrent.Future;

/**
 * Fuel, deadline and interruption, checked cheaply at loop back edges and calls.
 *
 * <p>The interpreter subtracts the cost of what it did from {@link #credit} and only when that goes
 * negative calls {@link #checkpoint()}, which settles fuel, looks at the clock and the interruption
 * flag, and hands out new credit. With no fuel set, the credit is a large chunk, so the check costs
 * one subtraction and one branch.
 *
 * <p>Compiled code {@link #poll() polls} instead, once the {@link PollGate} is open (closed, its
 * polls cost nothing): it reads one flag, {@link #attention}, and counts only while that is set:
 * while fuel is counted, and once an interruption is asked for or the deadline passes (an {@link
 * DeadlineAlarm alarm} sets it then). A checkpoint hook waits for the interpreter's credit and the
 * runtime's calls ({@link #tick()}): setting the flag for it would make HotSpot deoptimize every
 * hot compiled loop, compiled as it is without the branch it never saw taken. A read and a branch
 * cost much less in a hot loop than the subtraction's read-modify-write of a field, which HotSpot
 * cannot keep in a register across the loop (RATIONALE.md, "Compiled loops poll a flag").
 */
public final class Budget {
  /** Instructions between checks when no fuel limits them: a few milliseconds of running. */
  static final long CHUNK = 1 << 20;

  /** What running code may still spend before the next checkpoint. */
  long credit = CHUNK;

  // Credit handed out at the last checkpoint, to settle fuel from.
  private long granted = CHUNK;

  // Set when compiled code must count and check: written by other threads (interrupt, the alarm)
  // after the request itself, and cleared by checkpoint() before it reads the requests, so that no
  // request made meanwhile is lost.
  private volatile boolean attention;

  private boolean fuelEnabled;
  private long fuel;
  private long deadline;
  private boolean hasDeadline;
  private volatile boolean deadlineDue;
  private Future<?> alarm;
  private volatile boolean interrupted;
  private Runnable onCheckpoint;

  /**
   * Spends one unit at a call the runtime makes for compiled code (the interpreter's own checks use
   * {@link #credit} directly), checking the limits when the credit runs out.
   */
  public void tick() {
    if (--credit < 0) {
      checkpoint();
    }
  }

  /**
   * The check at a loop back edge or a call of compiled code: one volatile read and a branch,
   * unless fuel is counted or a stop was asked for. Small enough for HotSpot to inline at every
   * call site.
   */
  public void poll() {
    if (attention) {
      attend();
    }
  }

  private void attend() {
    if (--credit < 0 || interrupted || deadlineDue) {
      checkpoint();
    }
  }

  /**
   * Runs {@code hook} at the next checkpoint, once: when code has run about a chunk of credit (see
   * {@link #CHUNK}), which tells a long-running store from a short one.
   */
  public void atNextCheckpoint(Runnable hook) {
    onCheckpoint = hook;
  }

  /** Sets the fuel: the number of instructions code may still run. */
  public void setFuel(long amount) {
    fuelEnabled = true;
    fuel = Math.max(0, amount);
    regrant();
    attention = true;
    PollGate.open();
  }

  /** Stops counting fuel. */
  public void disableFuel() {
    fuelEnabled = false;
    regrant();
  }

  /** Returns whether fuel is being counted. */
  public boolean fuelEnabled() {
    return fuelEnabled;
  }

  /** Returns the fuel left (as of the last checkpoint or change). */
  public long fuel() {
    if (!fuelEnabled) {
      return Long.MAX_VALUE;
    }
    return Math.max(0, fuel - (granted - credit));
  }

  /** Makes running code stop at the next check after {@code nanoTime} (System.nanoTime). */
  public void setDeadline(long nanoTime) {
    clearDeadline();
    deadline = nanoTime;
    hasDeadline = true;
    long delay = nanoTime - System.nanoTime();
    if (delay <= 0) {
      deadlinePassed();
    } else {
      alarm = DeadlineAlarm.schedule(this, delay);
    }
  }

  /** Removes the deadline. */
  public void clearDeadline() {
    hasDeadline = false;
    if (alarm != null) {
      alarm.cancel(false);
      alarm = null;
    }
    deadlineDue = false;
  }

  /** Called by the alarm (on its own thread) when the deadline has passed. */
  void deadlinePassed() {
    deadlineDue = true;
    attention = true;
    PollGate.open();
  }

  /** Asks running code to stop at its next check; callable from any thread. */
  public void interrupt() {
    interrupted = true;
    attention = true;
    credit = -1; // a racy hint that makes the next check come sooner; the flag is the truth
    PollGate.open();
  }

  /** Clears a pending interruption request. */
  public void clearInterrupt() {
    interrupted = false;
  }

  /**
   * Settles what was spent, and either grants new credit or stops execution.
   *
   * @throws ExecutionInterruptedException when fuel ran out, the deadline passed or an interruption
   *     was requested
   */
  public void checkpoint() {
    attention = fuelEnabled;
    deadlineDue = false;
    Runnable hook = onCheckpoint;
    if (hook != null) {
      onCheckpoint = null;
      hook.run();
    }
    long spent = granted - credit;
    if (fuelEnabled) {
      fuel -= Math.min(fuel, Math.max(0, spent));
    }
    if (interrupted) {
      interrupted = false;
      regrant();
      throw new ExecutionInterruptedException(ExecutionInterruptedException.Reason.INTERRUPTED);
    }
    if (hasDeadline && System.nanoTime() - deadline >= 0) {
      deadlinePassed(); // so that code run after this stops at once too
      regrant();
      throw new ExecutionInterruptedException(ExecutionInterruptedException.Reason.DEADLINE);
    }
    if (fuelEnabled && fuel <= 0 && spent > 0) {
      regrant();
      throw new ExecutionInterruptedException(ExecutionInterruptedException.Reason.OUT_OF_FUEL);
    }
    regrant();
  }

  private void regrant() {
    granted = fuelEnabled ? Math.min(fuel, CHUNK) : CHUNK;
    credit = granted;
  }
}

package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.ExecutionInterruptedException;

/**
 * Fuel, deadline and interruption, checked cheaply: running code subtracts the cost of what it did
 * from {@link #credit} at loop back edges and calls, and only when that goes negative calls {@link
 * #checkpoint()}, which settles fuel, looks at the clock and the interruption flag, and hands out
 * new credit. With no fuel set, the credit is a large chunk, so the check costs one subtraction and
 * one branch per back edge.
 */
public final class Budget {
  /** Instructions between checks when no fuel limits them: a few milliseconds of running. */
  static final long CHUNK = 1 << 20;

  /** What running code may still spend before the next checkpoint. */
  long credit = CHUNK;

  // Credit handed out at the last checkpoint, to settle fuel from.
  private long granted = CHUNK;

  private boolean fuelEnabled;
  private long fuel;
  private long deadline;
  private boolean hasDeadline;
  private volatile boolean interrupted;
  private Runnable onCheckpoint;

  /**
   * Spends one unit at a loop back edge or a call of compiled code, checking the limits when the
   * credit runs out. Small enough for HotSpot to inline at every call site.
   */
  public void tick() {
    if (--credit < 0) {
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
    deadline = nanoTime;
    hasDeadline = true;
  }

  /** Removes the deadline. */
  public void clearDeadline() {
    hasDeadline = false;
  }

  /** Asks running code to stop at its next check; callable from any thread. */
  public void interrupt() {
    interrupted = true;
    credit = -1; // a racy hint that makes the next check come sooner; the flag is the truth
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

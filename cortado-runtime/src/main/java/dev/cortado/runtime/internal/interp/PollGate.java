package dev.cortado.runtime.internal.interp;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;

/**
 * Whether compiled code's polls look at their {@link Budget} at all: closed until some budget in
 * this JVM first needs attention (fuel counted, an interruption asked for, a deadline passed), then
 * open for good.
 *
 * <p>Closed, the test is a constant to HotSpot's JIT compilers: a compiled loop's poll costs
 * nothing, not even the read of a volatile flag, whose ordering also kept HotSpot from hoisting
 * other reads out of the loop. Opening the gate changes the target of a call site, which makes
 * HotSpot deoptimize the compiled code that took it for a constant, running loops included (at
 * their next safepoint), and that code reads the budget's flag from then on (RATIONALE.md, "Polls
 * behind a gate"). It opens once and never closes: a gate that flipped with every store that counts
 * fuel would deoptimize all compiled code each time.
 */
public final class PollGate {
  private static final MutableCallSite SITE =
      new MutableCallSite(MethodHandles.constant(boolean.class, false));
  private static final MethodHandle IS_OPEN = SITE.dynamicInvoker();
  private static volatile boolean opened;

  private PollGate() {}

  /**
   * Returns whether the gate is open: whether compiled polls must read their budget's flag. Its
   * bytecode is over C1's inline size (35 bytes; the message makes it 36), so that C1 calls it
   * rather than inline the method handle chain into every generated method; C2 inlines it where it
   * is hot (InlineSizesTest).
   */
  public static boolean isOpen() {
    try {
      return (boolean) IS_OPEN.invokeExact();
    } catch (Throwable t) {
      throw new AssertionError("the poll gate's constant method handle threw " + t, t);
    }
  }

  /**
   * Opens the gate, for good; every thread sees it open when this returns. Called after the
   * budget's flag is set, so that code finding the gate open finds the flag set too.
   */
  static void open() {
    if (opened) {
      return;
    }
    synchronized (PollGate.class) {
      if (!opened) {
        SITE.setTarget(MethodHandles.constant(boolean.class, true));
        MutableCallSite.syncAll(new MutableCallSite[] {SITE});
        opened = true;
      }
    }
  }
}

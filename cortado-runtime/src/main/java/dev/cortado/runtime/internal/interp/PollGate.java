package dev.cortado.runtime.internal.interp;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * Whether compiled code's polls look at their {@link Budget} at all: closed until some budget in
 * this JVM first needs attention (fuel counted, an interruption asked for, a deadline passed), then
 * open for good.
 *
 * <p>Closed, the test is a constant to HotSpot's JIT compilers: a compiled loop's poll costs
 * nothing, not even the read of a volatile flag, whose ordering also kept HotSpot from hoisting
 * other reads out of the loop. The gate is the target of a call site: HotSpot folds a read of a
 * {@link java.lang.invoke.CallSite}'s target from a constant call site into the code, with a
 * dependency on it. Opening the gate changes the target, which makes HotSpot deoptimize the
 * compiled code that took it for a constant, running loops included (at their next safepoint), and
 * that code reads the budget's flag from then on (RATIONALE.md, "Polls behind a gate"). It opens
 * once and never closes: a gate that flipped with every store that counts fuel would deoptimize all
 * compiled code each time.
 *
 * <p>The target is compared, never invoked: C2 inlines two small methods at each poll, where
 * invoking it inlined about ten of the JDK's method handle methods, and no method handle code is
 * spun when the first poll runs (RATIONALE.md, "The poll gate compares its target").
 */
public final class PollGate {
  // The targets are never invoked: only which one is set matters. They are handles of two static
  // methods of a JDK class initialized long before, whose code the JDK has ready; a handle of a
  // method of this class, still being initialized here, would have a class spun for it (~2 ms of
  // the first poll of every run).
  private static final MethodHandle CLOSED = target("onSpinWait");
  private static final MethodHandle OPEN = target("yield");
  private static final MutableCallSite SITE = new MutableCallSite(CLOSED);
  private static volatile boolean opened;

  private PollGate() {}

  private static MethodHandle target(String threadMethod) {
    try {
      return MethodHandles.publicLookup()
          .findStatic(Thread.class, threadMethod, MethodType.methodType(void.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * Returns whether the gate is open: whether compiled polls must read their budget's flag. Small
   * enough for C2 to inline wherever it is called ({@code MaxInlineSize}, 35 bytes:
   * InlineSizesTest).
   */
  public static boolean isOpen() {
    return SITE.getTarget() == OPEN;
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
        SITE.setTarget(OPEN);
        MutableCallSite.syncAll(new MutableCallSite[] {SITE});
        opened = true;
      }
    }
  }
}

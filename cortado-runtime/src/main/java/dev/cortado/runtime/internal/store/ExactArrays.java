package dev.cortado.runtime.internal.store;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;

/**
 * Whether every linear memory's array is exactly as long as the memory, so that the array's own
 * bounds check is the WebAssembly bounds check and compiled code needs no second one (see {@code
 * MemoryAccess}).
 *
 * <p>It holds from start-up until the first memory that grows too often for exact arrays (each
 * growth then copies the whole memory; see {@link MemoryInstance#grow}) switches to spare capacity,
 * and then never again. The answer is a {@link MutableCallSite}'s target, which HotSpot compiles as
 * a constant: while it holds, compiled accesses carry one check; ending it deoptimizes the code
 * compiled under it, before any array gets spare capacity.
 */
public final class ExactArrays {
  private static final MutableCallSite SITE =
      new MutableCallSite(MethodHandles.constant(boolean.class, true));
  private static final MethodHandle HOLDS = SITE.dynamicInvoker();
  private static volatile boolean ended;

  /**
   * For tests: arrays stay exact whatever memories do (each growth copies the memory), so that
   * suites run whole on the one-check path. Never set in production: growing a page at a time would
   * copy quadratically.
   */
  static final boolean ALWAYS;

  static {
    // Tests run suites with exact arrays throughout ("always"), and again with spare capacity
    // from the start ("false": the path every memory takes once exactness ends).
    String mode = System.getProperty("cortado.exactArrays", "");
    ALWAYS = mode.equals("always");
    if (mode.equals("false")) {
      end();
    }
  }

  private ExactArrays() {}

  /** Returns true while every memory's array is exactly as long as the memory. */
  public static boolean hold() {
    try {
      return (boolean) HOLDS.invokeExact();
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /** Returns true once {@link #end} has been called. */
  static boolean ended() {
    return ended;
  }

  /**
   * Ends exactness for the rest of the JVM's life: from its return, code that runs sees {@link
   * #hold} false, so an array may then get spare capacity.
   */
  static synchronized void end() {
    if (!ended) {
      ended = true;
      SITE.setTarget(MethodHandles.constant(boolean.class, false));
      MutableCallSite.syncAll(new MutableCallSite[] {SITE});
    }
  }
}

package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.internal.store.FunctionInstance;
import dev.cortado.runtime.internal.store.WasmFunction;
import java.util.Arrays;

/**
 * The execution state of one thread running WebAssembly in a store: the value slots every frame
 * lives in, the stack of suspended frames, and the limits being enforced.
 *
 * <p>Slots are three parallel arrays indexed alike: {@link #lo} holds numbers and the low half of
 * vectors, {@link #hi} the high half of vectors, {@link #refs} references. Arrays grow as frames
 * need; code running in a frame must reload them after anything that can grow them (a call).
 */
public final class Machine {
  // A store's first slots and frames: a store made per request (cortado serve) uses a few dozen;
  // both grow by doubling. 256 slots and 64 frames (6 KB) made allocating the machine 1.7% of a
  // server worker's samples. The runtime, compiler and WASI tests pass with 1 of each.
  private static final int INITIAL_SLOTS = 64;
  private static final int INITIAL_FRAMES = 16;

  /** Numbers, and the low 64 bits of vectors. */
  public long[] lo = new long[INITIAL_SLOTS];

  /** The high 64 bits of vectors. */
  public long[] hi = new long[INITIAL_SLOTS];

  /** References. */
  public Object[] refs = new Object[INITIAL_SLOTS];

  // Suspended frames: the function, where to resume, and its frame base.
  WasmFunction[] frameFunction = new WasmFunction[INITIAL_FRAMES];
  int[] framePc = new int[INITIAL_FRAMES];
  int[] frameBase = new int[INITIAL_FRAMES];
  int depth;

  /** Where the next call from the host places its frame. */
  public int top;

  /**
   * A tail call that compiled code returned without making: its callee, whose arguments are in the
   * slots from {@link #tailBase}; null if none. Whoever called the function that made it makes it
   * ({@link Interpreter#finishTailCalls}), so that tail calls from compiled code take no Java
   * stack.
   */
  public FunctionInstance tailCallee;

  /** Where the arguments of {@link #tailCallee} start in the slots. */
  public int tailBase;

  /**
   * Nested calls of compiled functions, which live on the Java stack, counted against the same
   * limit as the interpreter's frames: the depth of the compiled function that last called out
   * through the runtime, where compiled code the runtime calls goes on from. (Compiled functions
   * pass their depth to each other as an argument: see {@code Support.enter}.)
   */
  public int compiledDepth;

  // Entries from the host into WebAssembly (Interpreter.invoke) now open, and the one whose
  // frames a propagating trap's Java stack trace was first mapped at (-1: none), so each level
  // maps only its own compiled frames.
  int nesting;
  int trapLevel = -1;

  // Where a caught exception's handler continues: its function and frame base (Unwinding).
  WasmFunction handlerFunction;
  int handlerBase;

  // Where the innermost frame stood when execution stopped with an exception.
  WasmFunction stoppedFunction;
  int stoppedPc;

  // Whether the exception came from a host or compiled function a tail call handed its frame to:
  // that frame is gone, so the stack trace leaves it out.
  boolean frameHandedOver;

  private final int maxDepth;
  private final int maxSlots;
  final Budget budget;

  /**
   * Creates the state for a thread.
   *
   * @param maxDepth the most nested WebAssembly calls before "call stack exhausted"
   * @param maxSlots the most value slots all frames together may use
   * @param budget the fuel and interruption checks
   */
  public Machine(int maxDepth, int maxSlots, Budget budget) {
    this.maxDepth = maxDepth;
    this.maxSlots = maxSlots;
    this.budget = budget;
  }

  /** Returns the budget (fuel, deadline, interruption) this machine runs under. */
  public Budget budget() {
    return budget;
  }

  /** Records where execution stood when an exception stopped it, for the stack trace. */
  void stoppedAt(WasmFunction f, int pc) {
    if (frameHandedOver) {
      frameHandedOver = false;
      return;
    }
    stoppedFunction = f;
    stoppedPc = pc;
  }

  /**
   * Moves {@code n} values (numbers, vectors and references) from slot {@code from} on to slot
   * {@code to} on: the results of a call, to where its caller expects them.
   */
  public void moveSlots(int from, int to, int n) {
    if (from != to && n > 0) {
      System.arraycopy(lo, from, lo, to, n);
      System.arraycopy(hi, from, hi, to, n);
      System.arraycopy(refs, from, refs, to, n);
    }
  }

  /** Makes sure slots up to {@code end} exist, or traps with "call stack exhausted". */
  public void ensureSlots(int end) {
    if (end > lo.length) {
      if (end > maxSlots) {
        throw Interpreter.exhausted();
      }
      int n = (int) Math.min(maxSlots, Math.max((long) end, lo.length * 2L));
      lo = Arrays.copyOf(lo, n);
      hi = Arrays.copyOf(hi, n);
      refs = Arrays.copyOf(refs, n);
    }
  }

  /** Suspends the running frame before a call, or traps when calls are nested too deeply. */
  void pushFrame(WasmFunction f, int pc, int base) {
    int d = depth;
    if (d >= maxDepth) {
      throw Interpreter.exhausted();
    }
    if (d == frameFunction.length) {
      int n = d * 2;
      frameFunction = Arrays.copyOf(frameFunction, n);
      framePc = Arrays.copyOf(framePc, n);
      frameBase = Arrays.copyOf(frameBase, n);
    }
    frameFunction[d] = f;
    framePc[d] = pc;
    frameBase[d] = base;
    depth = d + 1;
  }

  /** Returns the most nested WebAssembly calls allowed. */
  public int maxDepth() {
    return maxDepth;
  }

  /** Returns the current call nesting depth. */
  public int depth() {
    return depth;
  }
}

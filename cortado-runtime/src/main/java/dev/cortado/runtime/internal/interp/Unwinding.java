package dev.cortado.runtime.internal.interp;

import static dev.cortado.runtime.internal.interp.ExceptionLowering.CLAUSES;
import static dev.cortado.runtime.internal.interp.ExceptionLowering.CLAUSE_SIZE;
import static dev.cortado.runtime.internal.interp.ExceptionLowering.DELEGATE_LIMIT;
import static dev.cortado.runtime.internal.interp.ExceptionLowering.END;
import static dev.cortado.runtime.internal.interp.ExceptionLowering.HEADER;
import static dev.cortado.runtime.internal.interp.ExceptionLowering.LEGACY_CATCH;
import static dev.cortado.runtime.internal.interp.ExceptionLowering.LEGACY_CATCH_ALL;
import static dev.cortado.runtime.internal.interp.ExceptionLowering.OPEN;
import static dev.cortado.runtime.internal.interp.ExceptionLowering.START;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.internal.store.ExceptionInstance;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.runtime.internal.store.WasmFunction;

/**
 * Throwing and catching WebAssembly exceptions in the interpreter (Wasm 3.0).
 *
 * <p>A {@code throw} creates the exception and throws it as a {@link Thrown}, a Java exception
 * without a stack trace. {@link Interpreter}'s loop catches it around the whole dispatch loop (so
 * the hot path pays nothing) and calls {@link #handle}, which looks for a matching catch clause in
 * the running frame and then in each suspended frame of this loop, outwards, dropping the frames it
 * leaves. Frames that run in another Java frame (host functions, compiled code, a nested loop) see
 * the {@code Thrown} pass through them like any Java exception and catch it in their own loop.
 * Traps are not {@code Thrown}s, so no WebAssembly code can catch them.
 */
final class Unwinding {
  private static final int CATCH_REF = 1;
  private static final int CATCH_ALL = 2;
  private static final int CATCH_ALL_REF = 3;

  private Unwinding() {}

  /** {@link Ir#THROW}: returns the carrier of a new exception of the tag with its values. */
  static Thrown throwTag(Machine m, ModuleInstance inst, int[] code, int pc, int fp) {
    return new Thrown(
        new ExceptionInstance(inst.tags[code[pc + 1]], m.lo, m.hi, m.refs, fp + code[pc + 2]));
  }

  /** {@link Ir#THROW_REF}: returns the carrier of the exception again; traps on null. */
  static Thrown throwRef(Machine m, int[] code, int pc, int fp) {
    Object ref = m.refs[fp + code[pc + 1]];
    if (ref == null) {
      throw Trap.of(TrapKind.NULL_REFERENCE);
    }
    return new Thrown((ExceptionInstance) ref);
  }

  /**
   * Finds the handler of {@code thrown}, which stopped function {@code fn} at {@code pc} in the
   * frame at {@code fp}: puts the exception's values where the handler's label expects them, leaves
   * the handler's function and frame base in {@link Machine#handlerFunction} and {@link
   * Machine#handlerBase} and returns where it continues. Without a handler in this loop's frames
   * (those above {@code entryDepth}), throws {@code thrown} on.
   */
  static int handle(Machine m, Thrown thrown, WasmFunction fn, int pc, int fp, int entryDepth) {
    ExceptionInstance exception = thrown.exception;
    int[] code = fn.code().code;
    // A tail call to a host or compiled function has left the caller's try_table already.
    boolean handedOver = code[pc] == Ir.RETURN_CALL || code[pc] == Ir.RETURN_CALL_INDIRECT;
    int target = handedOver ? -1 : find(m, fn, pc, fp, exception);
    if (target < 0 && !handedOver) {
      thrown.left(fn, pc);
    }
    while (target < 0) {
      if (m.depth == entryDepth) {
        throw thrown;
      }
      int d = --m.depth;
      fn = m.frameFunction[d];
      m.frameFunction[d] = null;
      fp = m.frameBase[d];
      // A suspended frame stands just after its call, inside the call's try_table if any.
      int at = m.framePc[d] - 1;
      target = find(m, fn, at, fp, exception);
      if (target < 0) {
        thrown.left(fn, at);
      }
    }
    m.handlerFunction = fn;
    m.handlerBase = fp;
    return target;
  }

  /** Returns the landing pad of the clause of {@code fn} at {@code pc} that catches, or -1. */
  private static int find(Machine m, WasmFunction fn, int pc, int fp, ExceptionInstance exception) {
    int[] h = fn.code().handlers;
    // Below a delegate, only the groups opened before its target's block still apply.
    int limit = Integer.MAX_VALUE;
    for (int g = 0; g < h.length; g += HEADER + CLAUSE_SIZE * h[g + CLAUSES]) {
      if (h[g + OPEN] >= limit || pc < h[g + START] || pc >= h[g + END]) {
        continue;
      }
      if (h[g + DELEGATE_LIMIT] >= 0) {
        limit = h[g + DELEGATE_LIMIT];
        continue;
      }
      for (int c = 0; c < h[g + CLAUSES]; c++) {
        int at = g + HEADER + CLAUSE_SIZE * c;
        int kind = h[at];
        boolean all = kind == CATCH_ALL || kind == CATCH_ALL_REF || kind == LEGACY_CATCH_ALL;
        if (!all && fn.instance.tags[h[at + 1]] != exception.tag) {
          continue;
        }
        int dst = fp + h[at + 3];
        if (!all) {
          exception.copyValuesTo(m.lo, m.hi, m.refs, dst);
          dst += exception.lo.length;
        }
        if (kind == CATCH_REF || kind == CATCH_ALL_REF) {
          m.refs[dst] = exception;
        } else if (kind >= LEGACY_CATCH) {
          m.refs[fp + h[at + 4]] = exception;
        }
        return h[at + 2];
      }
    }
    return -1;
  }
}

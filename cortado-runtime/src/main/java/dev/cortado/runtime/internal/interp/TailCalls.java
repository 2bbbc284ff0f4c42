package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.internal.store.FunctionInstance;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.runtime.internal.store.WasmFunction;

/**
 * Tail calls ({@code return_call}, {@code return_call_indirect}, {@code return_call_ref}) in
 * constant space: the callee takes over the caller's frame instead of being pushed above it, so a
 * loop of tail calls never grows the frame stack or the Java stack.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/instructions.html#xref-syntax-instructions-syntax-instr-control-mathsf-return-call-x">
 *     return_call</a>
 */
final class TailCalls {
  private TailCalls() {}

  /**
   * Makes the tail call at {@code pc} ({@link Ir#RETURN_CALL} or {@link Ir#RETURN_CALL_INDIRECT})
   * of the frame at {@code fp}, running {@code caller}'s code in {@code inst}, after the fuel and
   * interruption check every call makes.
   *
   * @return the callee, whose arguments are now in slots {@code fp...} and whose frame is ready to
   *     run from its first instruction; or null if the callee ran outside the interpreter's loop (a
   *     host or compiled function) and left its results in slots {@code fp...}, for the {@link
   *     Ir#RETURN} that follows
   */
  static WasmFunction enter(
      Machine m, ModuleInstance inst, CompiledCode caller, int[] code, int pc, int fp) {
    FunctionInstance callee;
    int argBase;
    if (code[pc] == Ir.RETURN_CALL) {
      callee = inst.functions[code[pc + 1]];
      argBase = fp + code[pc + 2];
    } else if (code[pc] == Ir.RETURN_CALL_REF) {
      callee = ColdOps.refCallee(m.refs[fp + code[pc + 1]]);
      argBase = fp + code[pc + 2];
    } else {
      callee = MemoryOps.indirectCallee(inst, code, pc, m.lo, fp);
      argBase = fp + code[pc + 4];
    }
    Budget budget = m.budget;
    if (--budget.credit < 0) {
      budget.checkpoint();
    }
    if (callee instanceof WasmFunction w && w.compiled() == null) {
      CompiledCode c = w.code();
      m.moveSlots(argBase, fp, c.paramCount);
      Interpreter.enterFrame(m, c, fp);
      return w;
    }
    // Host and compiled functions run on the Java stack; their frames go above this one.
    m.top = fp + caller.frameSize;
    try {
      Interpreter.call(m, inst, callee, argBase);
    } catch (Trap | ExecutionInterruptedException e) {
      m.frameHandedOver = true;
      throw e;
    }
    m.moveSlots(argBase, fp, callee.type().results().size());
    return null;
  }
}

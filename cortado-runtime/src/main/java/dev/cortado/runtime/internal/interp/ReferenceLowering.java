package dev.cortado.runtime.internal.interp;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Opcode;

/**
 * Lowering of Wasm 3.0's typed function reference instructions ({@code call_ref}, {@code
 * return_call_ref}, {@code ref.as_non_null}, {@code br_on_null}, {@code br_on_non_null}), beside
 * {@link Lowering}, whose virtual stack and frames they use.
 */
final class ReferenceLowering {
  private ReferenceLowering() {}

  /** {@code call_ref $t} or {@code return_call_ref $t}: the reference is above the arguments. */
  static void callRef(Lowering l, Opcode op) {
    FuncType t = l.ctx.type(l.r.index());
    int ref = l.pop();
    int argBase = l.arguments(t);
    boolean tail = op == Opcode.RETURN_CALL_REF;
    l.emit(tail ? Ir.RETURN_CALL_REF : Ir.CALL_REF);
    l.out.add(ref);
    l.out.add(argBase);
    l.afterCall(t, tail);
  }

  /** {@code ref.as_non_null}: a copy that traps on null. */
  static void refAsNonNull(Lowering l) {
    var type = l.vtype[l.sp - 1];
    int a = l.pop();
    l.emit(Ir.REF_AS_NON_NULL);
    l.produce(type);
    l.out.add(a);
  }

  /**
   * {@code br_on_null l}: branches with the values below the reference when it is null, else leaves
   * the reference on the stack. {@code br_on_non_null l}: branches with the values and the
   * reference when it is not null, else drops the reference.
   */
  static void branchOnNull(Lowering l, Opcode op) {
    Lowering.Frame f = l.frames[l.depth - 1 - l.r.index()];
    boolean onNull = op == Opcode.BR_ON_NULL;
    int arity = f.labelTypes().size();
    // br_on_null's reference stays out of the branch: set it aside while the values move.
    if (onNull) {
      l.sp--;
    }
    int ref = l.vslot[onNull ? l.sp : l.sp - 1];
    l.branchIf(
        f, arity, onNull ? Ir.BR_NULL : Ir.BR_NON_NULL, onNull ? Ir.BR_NON_NULL : Ir.BR_NULL, ref);
    if (onNull) {
      l.sp++;
    } else {
      l.sp--;
    }
  }
}

package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.internal.store.Gc;
import dev.cortado.wasm.ArrayType;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.StructType;
import dev.cortado.wasm.ValType;

/**
 * Lowering of Wasm 3.0's garbage collection instructions, beside {@link Lowering}, whose virtual
 * stack and frames they use. Each becomes one {@link Ir#GC} instruction of a {@link GcOps} kind,
 * but for {@code br_on_cast} and {@code br_on_cast_fail} ({@link Ir#BR_CAST}, {@link
 * Ir#BR_CAST_FAIL}) and the conversions between {@code any} and {@code extern}, which are copies:
 * both hierarchies hold the same Java objects.
 */
final class GcLowering {
  private GcLowering() {}

  private static final RefType ANY = RefType.nullable(HeapType.Abstract.ANY);

  static void lower(Lowering l, Opcode op) {
    switch (op) {
      case REF_EQ -> {
        int b = l.pop();
        int a = l.pop();
        start(l, GcOps.REF_EQ, ValType.I32);
        l.args(a, b);
      }
      case STRUCT_NEW -> {
        int x = l.r.index();
        int base = l.operands(struct(l, x).fields().size());
        start(l, GcOps.STRUCT_NEW, ref(x));
        l.args(x, base);
      }
      case STRUCT_NEW_DEFAULT -> {
        int x = l.r.index();
        start(l, GcOps.STRUCT_NEW_DEFAULT, ref(x));
        l.out.add(x);
      }
      case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
        int x = l.r.index();
        int y = l.r.index2();
        int s = l.pop();
        start(l, GcOps.STRUCT_GET, struct(l, x).fields().get(y).unpacked());
        l.args(s, x, y);
        l.out.add(sign(op == Opcode.STRUCT_GET_S, op == Opcode.STRUCT_GET_U));
      }
      case STRUCT_SET -> {
        int v = l.pop();
        int s = l.pop();
        l.emit(Ir.GC);
        l.out.add(GcOps.STRUCT_SET);
        l.args(s, v);
        l.args(l.r.index(), l.r.index2());
      }
      case ARRAY_NEW -> {
        int n = l.pop();
        int v = l.pop();
        int x = l.r.index();
        start(l, GcOps.ARRAY_NEW, ref(x));
        l.args(x, v, n);
      }
      case ARRAY_NEW_DEFAULT -> {
        int n = l.pop();
        int x = l.r.index();
        start(l, GcOps.ARRAY_NEW_DEFAULT, ref(x));
        l.args(x, n);
      }
      case ARRAY_NEW_FIXED -> {
        int x = l.r.index();
        int n = l.r.index2();
        int base = l.operands(n);
        start(l, GcOps.ARRAY_NEW_FIXED, ref(x));
        l.args(x, base, n);
      }
      case ARRAY_NEW_DATA, ARRAY_NEW_ELEM -> {
        int n = l.pop();
        int s = l.pop();
        int x = l.r.index();
        start(l, op == Opcode.ARRAY_NEW_DATA ? GcOps.ARRAY_NEW_DATA : GcOps.ARRAY_NEW_ELEM, ref(x));
        l.args(x, l.r.index2(), s);
        l.out.add(n);
      }
      case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
        int i = l.pop();
        int a = l.pop();
        start(l, GcOps.ARRAY_GET, array(l, l.r.index()).element().unpacked());
        l.args(a, i, sign(op == Opcode.ARRAY_GET_S, op == Opcode.ARRAY_GET_U));
      }
      case ARRAY_SET -> {
        int v = l.pop();
        int i = l.pop();
        int a = l.pop();
        l.emit(Ir.GC);
        l.out.add(GcOps.ARRAY_SET);
        l.args(a, i, v);
      }
      case ARRAY_LEN -> {
        int a = l.pop();
        start(l, GcOps.ARRAY_LEN, ValType.I32);
        l.out.add(a);
      }
      case ARRAY_FILL -> {
        int n = l.pop();
        int v = l.pop();
        int d = l.pop();
        int a = l.pop();
        l.emit(Ir.GC);
        l.out.add(GcOps.ARRAY_FILL);
        l.args(a, d, v);
        l.out.add(n);
      }
      case ARRAY_COPY -> {
        int n = l.pop();
        int s = l.pop();
        int src = l.pop();
        int d = l.pop();
        int dst = l.pop();
        l.emit(Ir.GC);
        l.out.add(GcOps.ARRAY_COPY);
        l.args(dst, d, src);
        l.args(s, n);
      }
      case ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> {
        int n = l.pop();
        int s = l.pop();
        int d = l.pop();
        int a = l.pop();
        l.emit(Ir.GC);
        l.out.add(op == Opcode.ARRAY_INIT_DATA ? GcOps.ARRAY_INIT_DATA : GcOps.ARRAY_INIT_ELEM);
        l.args(a, d, s);
        l.args(n, l.r.index2());
      }
      case REF_TEST, REF_TEST_NULL, REF_CAST, REF_CAST_NULL -> {
        RefType t = l.r.castType();
        int a = l.pop();
        boolean test = op == Opcode.REF_TEST || op == Opcode.REF_TEST_NULL;
        start(l, test ? GcOps.REF_TEST : GcOps.REF_CAST, test ? ValType.I32 : t);
        l.args(a, Gc.heapOperand(t.heapType()), t.nullable() ? 1 : 0);
      }
      case BR_ON_CAST, BR_ON_CAST_FAIL -> branchOnCast(l, op);
      case ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> {
        int a = l.pop();
        l.emit(Ir.COPY_REF);
        l.produce(op == Opcode.ANY_CONVERT_EXTERN ? ANY : RefType.EXTERNREF);
        l.out.add(a);
      }
      case REF_I31 -> {
        int a = l.pop();
        start(l, GcOps.REF_I31, RefType.nullable(HeapType.Abstract.I31));
        l.out.add(a);
      }
      case I31_GET_S, I31_GET_U -> {
        int a = l.pop();
        start(l, GcOps.I31_GET, ValType.I32);
        l.args(a, op == Opcode.I31_GET_S ? 1 : 0);
      }
      default -> throw new AssertionError(op + " is not a GC instruction");
    }
  }

  /** Starts a GC instruction of {@code kind} with a result of type {@code t}. */
  private static void start(Lowering l, int kind, ValType t) {
    l.emit(Ir.GC);
    l.out.add(kind);
    l.produce(t);
  }

  private static RefType ref(int typeIndex) {
    return new RefType(false, new HeapType.Concrete(typeIndex));
  }

  private static StructType struct(Lowering l, int x) {
    return (StructType) l.ctx.composite(x);
  }

  private static ArrayType array(Lowering l, int x) {
    return (ArrayType) l.ctx.composite(x);
  }

  /** How a read extends a packed field: 0 not packed, 1 signed, 2 unsigned. */
  private static int sign(boolean signed, boolean unsigned) {
    return signed ? GcOps.SIGNED : unsigned ? GcOps.UNSIGNED : 0;
  }

  /**
   * {@code br_on_cast l rt1 rt2} branches with the values and the reference when the cast succeeds,
   * {@code br_on_cast_fail} when it fails; the reference stays on the stack either way.
   */
  private static void branchOnCast(Lowering l, Opcode op) {
    Lowering.Frame f = l.frames[l.depth - 1 - l.r.index()];
    RefType to = l.r.castType();
    boolean onSuccess = op == Opcode.BR_ON_CAST;
    int[] operands = {l.vslot[l.sp - 1], Gc.heapOperand(to.heapType()), to.nullable() ? 1 : 0};
    l.branchIf(
        f,
        f.labelTypes().size(),
        onSuccess ? Ir.BR_CAST : Ir.BR_CAST_FAIL,
        onSuccess ? Ir.BR_CAST_FAIL : Ir.BR_CAST,
        operands);
  }
}

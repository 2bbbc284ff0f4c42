package dev.cortado.wasm.valid;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.ValType;
import java.util.List;

/**
 * Validation of Wasm 3.0's typed function reference instructions: {@code call_ref}, {@code
 * return_call_ref}, {@code ref.as_non_null}, {@code br_on_null} and {@code br_on_non_null}. In
 * unreachable code an unknown operand (null) stands for the bottom type, and so does what these
 * instructions push from it.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/instructions.html#reference-instructions">
 *     Reference instructions</a>
 */
final class TypedReferenceRules {
  private TypedReferenceRules() {}

  /** Pops a reference of any type; returns null when it is unknown (unreachable code). */
  static RefType popRef(FunctionValidator v, Opcode op) {
    ValType t = v.pop();
    if (t == null) {
      return null;
    }
    if (!(t instanceof RefType r)) {
      throw v.fail("type mismatch: " + op.text() + " needs a reference, got " + t.text());
    }
    return r;
  }

  /** {@code ref.as_non_null}: {@code [(ref null ht)] -> [(ref ht)]}. */
  static void refAsNonNull(FunctionValidator v) {
    RefType r = popRef(v, Opcode.REF_AS_NON_NULL);
    v.push(r == null ? null : r.withNullable(false));
  }

  /**
   * {@code br_on_null l}: {@code [t* (ref null ht)] -> [t* (ref ht)]}, branching with {@code t*}
   * when the reference is null; {@code br_on_non_null l}: {@code [t* (ref null ht)] -> [t*]},
   * branching with {@code t* (ref ht)} when it is not.
   */
  static void branch(FunctionValidator v, Opcode op) {
    int label = v.reader.index();
    if (!v.hasLabel(label)) {
      throw v.fail("unknown label " + Integer.toUnsignedString(label));
    }
    RefType r = popRef(v, op);
    RefType nonNull = r == null ? null : r.withNullable(false);
    List<ValType> types = v.labelTypes(label);
    if (op == Opcode.BR_ON_NULL) {
      v.popAll(types);
      v.pushAll(types);
      v.push(nonNull);
      return;
    }
    if (types.isEmpty()) {
      throw v.fail("type mismatch: br_on_non_null needs a label carrying a reference, not []");
    }
    v.push(nonNull);
    v.popAll(types);
    v.pushAll(types.subList(0, types.size() - 1));
  }

  /** {@code call_ref $t} and {@code return_call_ref $t}: a call through a {@code (ref null $t)}. */
  static void callRef(FunctionValidator v, Opcode op) {
    int x = v.reader.index();
    if (!v.ctx.hasType(x)) {
      throw v.fail("unknown type " + Integer.toUnsignedString(x));
    }
    if (!v.ctx.isFuncType(x)) {
      throw v.fail("type mismatch: type " + x + " of " + op.text() + " is not a function type");
    }
    v.pop(new RefType(true, new HeapType.Concrete(x)));
    FuncType t = v.ctx.funcType(x);
    if (op == Opcode.RETURN_CALL_REF) {
      ControlRules.tailCall(v, op.text(), t);
    } else {
      v.popAll(t.params());
      v.pushAll(t.results());
    }
  }
}

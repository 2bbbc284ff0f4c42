package dev.cortado.wasm.valid;

import dev.cortado.wasm.BlockType;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.List;

/**
 * Validation of control and parametric instructions: blocks, branches, calls, {@code drop} and
 * {@code select}.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/instructions.html#control-instructions">
 *     Control instructions</a>
 */
final class ControlRules {
  private ControlRules() {}

  /** Instructions without immediates and without a fixed signature. */
  static void plain(FunctionValidator v, Opcode op) {
    switch (op) {
      case UNREACHABLE -> v.unreachable();
      case ELSE -> elseBranch(v);
      case END -> end(v);
      case RETURN -> {
        v.popAll(v.labelTypes(v.depth() - 1));
        v.unreachable();
      }
      case DROP -> v.pop();
      case SELECT -> select(v);
      case REF_IS_NULL -> ReferenceRules.refIsNull(v);
      case REF_AS_NON_NULL -> TypedReferenceRules.refAsNonNull(v);
      default -> throw new AssertionError("no rule for " + op);
    }
  }

  static void block(FunctionValidator v, Opcode op) {
    BlockType bt = v.reader.blockType();
    if (bt instanceof BlockType.Indexed i) {
      if (!v.ctx.hasType(i.typeIndex())) {
        throw v.fail("unknown type " + Integer.toUnsignedString(i.typeIndex()));
      }
      if (!v.ctx.isFuncType(i.typeIndex())) {
        throw v.fail("type " + i.typeIndex() + " of a block is not a function type");
      }
    }
    if (bt instanceof BlockType.Value val && !v.knownType(val.type())) {
      throw v.fail("unknown type: a block of " + val.type().text());
    }
    FuncType signature = bt.signature(v.ctx::funcType);
    List<ValType> params = signature.params();
    List<ValType> results = signature.results();
    if (op == Opcode.IF) {
      v.pop(ValType.I32);
    }
    v.popAll(params);
    int kind = FunctionInfo.kindCode(op);
    int b = v.openBlock(kind, params, results);
    v.pushCtrl(kind, b, params, results);
  }

  private static void elseBranch(FunctionValidator v) {
    if (v.topKind() != FunctionInfo.kindCode(Opcode.IF)) {
      throw v.fail("else without matching if");
    }
    int b = v.topBlock();
    List<ValType> params = v.topParams();
    List<ValType> results = v.topResults();
    v.popCtrl();
    v.recordElse(b);
    // The else branch is the same block again, now known to have its else.
    v.pushCtrl(FunctionInfo.kindCode(Opcode.IF) | ELSE_SEEN, b, params, results);
  }

  /** Added to an if's kind once its else is seen, so a second else is refused. */
  private static final int ELSE_SEEN = 0x100;

  private static void end(FunctionValidator v) {
    int kind = v.topKind();
    int b = v.topBlock();
    List<ValType> params = v.topParams();
    List<ValType> results = v.topResults();
    if (kind == FunctionInfo.kindCode(Opcode.IF) && !params.equals(results)) {
      // An if without else behaves as if its else passed the parameters through.
      throw v.fail(
          "type mismatch: if without else must have the same parameters and results, not "
              + FunctionValidator.text(params)
              + " -> "
              + FunctionValidator.text(results));
    }
    v.popCtrl();
    v.recordEnd(b);
    if (v.depth() > 0) {
      v.pushAll(results);
    }
  }

  static void branch(FunctionValidator v, Opcode op) {
    int label = v.reader.index();
    if (!v.hasLabel(label)) {
      throw v.fail("unknown label " + Integer.toUnsignedString(label));
    }
    List<ValType> types = v.labelTypes(label);
    if (op == Opcode.BR) {
      v.popAll(types);
      v.unreachable();
    } else {
      v.pop(ValType.I32);
      v.popAll(types);
      v.pushAll(types);
    }
  }

  static void brTable(FunctionValidator v) {
    InstructionReader r = v.reader;
    v.pop(ValType.I32);
    int def = r.defaultLabel();
    if (!v.hasLabel(def)) {
      throw v.fail("unknown label " + Integer.toUnsignedString(def));
    }
    int arity = v.labelTypes(def).size();
    for (int i = 0; i < r.labelCount(); i++) {
      int label = r.label(i);
      if (!v.hasLabel(label)) {
        throw v.fail("unknown label " + Integer.toUnsignedString(label));
      }
      List<ValType> types = v.labelTypes(label);
      if (types.size() != arity) {
        throw v.fail(
            "type mismatch: br_table targets carry " + arity + " and " + types.size() + " values");
      }
      // Each target checks the operands; in unreachable code they may differ per target.
      ValType[] popped = new ValType[arity];
      for (int k = arity - 1; k >= 0; k--) {
        popped[k] = v.pop(types.get(k));
      }
      for (int k = 0; k < arity; k++) {
        v.push(popped[k]);
      }
    }
    v.popAll(v.labelTypes(def));
    v.unreachable();
  }

  static void call(FunctionValidator v) {
    FuncType t = callee(v);
    v.popAll(t.params());
    v.pushAll(t.results());
  }

  /**
   * {@code return_call}: the callee's results must be the caller's, and the code after it is
   * unreachable, as after {@code return}.
   *
   * @see <a
   *     href="https://webassembly.github.io/spec/core/valid/instructions.html#xref-syntax-instructions-syntax-instr-control-mathsf-return-call-x">return_call</a>
   */
  static void returnCall(FunctionValidator v) {
    tailCall(v, "return_call", callee(v));
  }

  /** The type of the function a {@code call} or {@code return_call} names. */
  private static FuncType callee(FunctionValidator v) {
    int f = v.reader.index();
    if (!Context.inRange(f, v.ctx.functions.length)) {
      throw v.fail("unknown function " + Integer.toUnsignedString(f));
    }
    return v.ctx.function(f);
  }

  static void callIndirect(FunctionValidator v) {
    FuncType t = indirectType(v, "call_indirect");
    v.popAll(t.params());
    v.pushAll(t.results());
  }

  /** {@code return_call_indirect}: as {@code call_indirect}, then as {@link #returnCall}. */
  static void returnCallIndirect(FunctionValidator v) {
    tailCall(v, "return_call_indirect", indirectType(v, "return_call_indirect"));
  }

  /** Checks a tail call's operands and results against the caller's, then ends the code path. */
  static void tailCall(FunctionValidator v, String name, FuncType callee) {
    List<ValType> results = v.labelTypes(v.depth() - 1);
    if (!v.ctx.matchesAll(callee.results(), results)) {
      throw v.fail(
          "type mismatch: "
              + name
              + " of a function returning "
              + FunctionValidator.text(callee.results())
              + " from a function returning "
              + FunctionValidator.text(results));
    }
    v.popAll(callee.params());
    v.unreachable();
    v.tailCalls = true;
  }

  /**
   * Checks the table and type of {@code call_indirect} or {@code return_call_indirect}, pops the
   * table index, and returns the type.
   */
  private static FuncType indirectType(FunctionValidator v, String name) {
    int typeIndex = v.reader.index();
    int table = v.reader.index2();
    if (!Context.inRange(table, v.ctx.tables.length)) {
      throw v.fail("unknown table " + Integer.toUnsignedString(table));
    }
    TableType tt = v.ctx.table(table);
    if (!v.matches(tt.elementType(), RefType.FUNCREF)) {
      throw v.fail(
          "type mismatch: "
              + name
              + " needs a funcref table, table "
              + table
              + " holds "
              + tt.elementType().text());
    }
    if (!v.ctx.hasType(typeIndex)) {
      throw v.fail("unknown type " + Integer.toUnsignedString(typeIndex));
    }
    if (!v.ctx.isFuncType(typeIndex)) {
      throw v.fail("type " + typeIndex + " is not a function type");
    }
    v.pop(tt.addressType().valueType());
    return v.ctx.funcType(typeIndex);
  }

  private static void select(FunctionValidator v) {
    v.pop(ValType.I32);
    ValType t1 = v.pop();
    ValType t2 = v.pop();
    if (isReference(t1) || isReference(t2)) {
      throw v.fail("type mismatch: select without a type needs numbers or vectors, not references");
    }
    if (t1 != null && t2 != null && !t1.equals(t2)) {
      throw v.fail("type mismatch: select operands are " + t2.text() + " and " + t1.text());
    }
    v.push(t1 == null ? t2 : t1);
  }

  private static boolean isReference(ValType t) {
    return t != null && t.isReference();
  }

  static void selectTyped(FunctionValidator v) {
    InstructionReader r = v.reader;
    if (r.selectTypeCount() != 1) {
      throw v.fail(
          "invalid result arity: select takes exactly one type, not " + r.selectTypeCount());
    }
    ValType t = r.selectType(0);
    if (!v.knownType(t)) {
      throw v.fail("unknown type: select of " + t.text());
    }
    v.pop(ValType.I32);
    v.pop(t);
    v.pop(t);
    v.push(t);
  }
}

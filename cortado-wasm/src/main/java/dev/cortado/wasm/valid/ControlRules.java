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
    int f = v.reader.index();
    if (!Context.inRange(f, v.ctx.functions.length)) {
      throw v.fail("unknown function " + Integer.toUnsignedString(f));
    }
    FuncType t = v.ctx.function(f);
    v.popAll(t.params());
    v.pushAll(t.results());
  }

  static void callIndirect(FunctionValidator v) {
    int typeIndex = v.reader.index();
    int table = v.reader.index2();
    if (!Context.inRange(table, v.ctx.tables.length)) {
      throw v.fail("unknown table " + Integer.toUnsignedString(table));
    }
    TableType tt = v.ctx.table(table);
    if (!tt.elementType().equals(RefType.FUNCREF)) {
      throw v.fail(
          "type mismatch: call_indirect needs a funcref table, table "
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
    FuncType t = v.ctx.funcType(typeIndex);
    v.pop(ValType.I32);
    v.popAll(t.params());
    v.pushAll(t.results());
  }

  private static void select(FunctionValidator v) {
    v.pop(ValType.I32);
    ValType t1 = v.pop();
    ValType t2 = v.pop();
    if (isReference(t1) || isReference(t2)) {
      throw v.fail("type mismatch: select without a type needs numbers or vectors, not references");
    }
    if (t1 != null && t2 != null && !FunctionValidator.matches(t1, t2)) {
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
    v.pop(ValType.I32);
    v.pop(t);
    v.pop(t);
    v.push(t);
  }
}

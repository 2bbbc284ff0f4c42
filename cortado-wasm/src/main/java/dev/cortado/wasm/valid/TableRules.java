package dev.cortado.wasm.valid;

import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;

/**
 * Validation of table instructions and {@code elem.drop}.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/instructions.html#table-instructions">
 *     Table instructions</a>
 */
final class TableRules {
  private TableRules() {}

  static void check(FunctionValidator v, Opcode op) {
    InstructionReader r = v.reader;
    switch (op) {
      case TABLE_GET -> {
        TableType t = table(v, r.index());
        v.pop(ValType.I32);
        v.push(t.elementType());
      }
      case TABLE_SET -> {
        TableType t = table(v, r.index());
        v.pop(t.elementType());
        v.pop(ValType.I32);
      }
      case TABLE_SIZE -> {
        table(v, r.index());
        v.push(ValType.I32);
      }
      case TABLE_GROW -> {
        TableType t = table(v, r.index());
        v.pop(ValType.I32);
        v.pop(t.elementType());
        v.push(ValType.I32);
      }
      case TABLE_FILL -> {
        TableType t = table(v, r.index());
        v.pop(ValType.I32);
        v.pop(t.elementType());
        v.pop(ValType.I32);
      }
      case TABLE_COPY -> {
        TableType dst = table(v, r.index());
        TableType src = table(v, r.index2());
        if (!v.ctx.matches(src.elementType(), dst.elementType())) {
          throw v.fail(
              "type mismatch: table.copy from "
                  + src.elementType().text()
                  + " to "
                  + dst.elementType().text());
        }
        popThreeI32(v);
      }
      case TABLE_INIT -> {
        TableType t = table(v, r.index2());
        RefType elem = element(v, r.index());
        if (!v.ctx.matches(elem, t.elementType())) {
          throw v.fail(
              "type mismatch: table.init of "
                  + elem.text()
                  + " elements into a table of "
                  + t.elementType().text());
        }
        popThreeI32(v);
      }
      case ELEM_DROP -> element(v, r.index());
      default -> throw new AssertionError(op);
    }
  }

  private static void popThreeI32(FunctionValidator v) {
    v.pop(ValType.I32);
    v.pop(ValType.I32);
    v.pop(ValType.I32);
  }

  private static TableType table(FunctionValidator v, int x) {
    if (!Context.inRange(x, v.ctx.tables.length)) {
      throw v.fail("unknown table " + Integer.toUnsignedString(x));
    }
    return v.ctx.table(x);
  }

  private static RefType element(FunctionValidator v, int x) {
    if (!Context.inRange(x, v.ctx.elements.length)) {
      throw v.fail("unknown elem segment " + Integer.toUnsignedString(x));
    }
    return v.ctx.elements[x];
  }
}

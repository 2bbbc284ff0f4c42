package dev.cortado.wasm.valid;

import dev.cortado.wasm.AddressType;
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
        v.pop(index(t));
        v.push(t.elementType());
      }
      case TABLE_SET -> {
        TableType t = table(v, r.index());
        v.pop(t.elementType());
        v.pop(index(t));
      }
      case TABLE_SIZE -> v.push(index(table(v, r.index())));
      case TABLE_GROW -> {
        TableType t = table(v, r.index());
        v.pop(index(t));
        v.pop(t.elementType());
        v.push(index(t));
      }
      case TABLE_FILL -> {
        TableType t = table(v, r.index());
        v.pop(index(t));
        v.pop(t.elementType());
        v.pop(index(t));
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
        v.pop(AddressType.min(dst.addressType(), src.addressType()).valueType());
        v.pop(index(src));
        v.pop(index(dst));
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
        v.pop(ValType.I32);
        v.pop(ValType.I32);
        v.pop(index(t));
      }
      case ELEM_DROP -> element(v, r.index());
      default -> throw new AssertionError(op);
    }
  }

  /** Returns the type of {@code t}'s indexes: {@code i32}, or {@code i64} for a 64-bit table. */
  private static ValType index(TableType t) {
    return t.addressType().valueType();
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

package dev.cortado.wasm.binary;

import dev.cortado.wasm.ElementSegment;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.ByteReader;
import dev.cortado.wasm.internal.ModelAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * The element section (id 9). Its eight encodings (flags 0 to 7) combine the mode, an explicit
 * table index, and function indices versus expressions; all decode to the same model, with function
 * indices as {@code ref.func} expressions.
 */
final class ElementSection {
  private static final int PASSIVE_OR_DECLARATIVE = 0x01;
  private static final int EXPLICIT_TABLE_OR_DECLARATIVE = 0x02;
  private static final int EXPRESSIONS = 0x04;

  private ElementSection() {}

  static void read(ByteReader in, Decoding d) {
    int n = in.count();
    for (int i = 0; i < n; i++) {
      d.module.addElement(segment(in));
    }
  }

  private static ElementSegment segment(ByteReader in) {
    int at = in.position();
    int flags = in.u32();
    if (flags < 0 || flags > 7) {
      throw in.error("malformed elements segment kind " + Integer.toUnsignedString(flags), at);
    }
    ElementSegment.Mode mode;
    boolean active = (flags & PASSIVE_OR_DECLARATIVE) == 0;
    if (active) {
      int table = (flags & EXPLICIT_TABLE_OR_DECLARATIVE) != 0 ? in.u32() : 0;
      mode = new ElementSegment.Mode.Active(table, CodeScanner.constant(in));
    } else if ((flags & EXPLICIT_TABLE_OR_DECLARATIVE) != 0) {
      mode = new ElementSegment.Mode.Declarative();
    } else {
      mode = new ElementSegment.Mode.Passive();
    }
    boolean expressions = (flags & EXPRESSIONS) != 0;
    // Function indices are (ref func)s; flag 4 implies funcref; the others give the type.
    RefType type = expressions ? RefType.FUNCREF : RefType.FUNC;
    if (flags != 0 && flags != 4) {
      if (expressions) {
        type = in.refType();
      } else {
        int kindAt = in.position();
        if (in.u8() != 0x00) {
          throw in.error("malformed element kind", kindAt);
        }
      }
    }
    List<Expression> items;
    if (expressions) {
      int count = in.count();
      items = new ArrayList<>(count);
      for (int j = 0; j < count; j++) {
        items.add(CodeScanner.constant(in));
      }
    } else {
      items = refFuncs(in);
    }
    return new ElementSegment(type, items, mode);
  }

  /** Reads function indices as {@code ref.func} expressions sharing one array. */
  private static List<Expression> refFuncs(ByteReader in) {
    int count = in.count();
    ByteWriter code = new ByteWriter(count * 4);
    int[] ends = new int[count];
    long[] sources = new long[count];
    for (int j = 0; j < count; j++) {
      sources[j] = in.absolute(in.position());
      code.u8(Opcode.REF_FUNC.code()).u32(in.u32()).u8(Opcode.END.code());
      ends[j] = code.size();
    }
    byte[] all = code.toArray();
    List<Expression> items = new ArrayList<>(count);
    int from = 0;
    for (int j = 0; j < count; j++) {
      items.add(new Expression(ModelAccess.wrap(all, from, ends[j] - from), sources[j]));
      from = ends[j];
    }
    return items;
  }

  static boolean isEmpty(WasmModule m) {
    return m.elements().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.elements().size());
    for (ElementSegment e : m.elements()) {
      int[] funcs = e.type().equals(RefType.FUNC) ? funcIndices(e.items()) : null;
      int flags = funcs == null ? EXPRESSIONS : 0;
      switch (e.mode()) {
        case ElementSegment.Mode.Active a -> {
          if (a.tableIndex() != 0
              || !e.type().equals(funcs == null ? RefType.FUNCREF : RefType.FUNC)) {
            flags |= EXPLICIT_TABLE_OR_DECLARATIVE;
          }
        }
        case ElementSegment.Mode.Passive p -> flags |= PASSIVE_OR_DECLARATIVE;
        case ElementSegment.Mode.Declarative dcl ->
            flags |= PASSIVE_OR_DECLARATIVE | EXPLICIT_TABLE_OR_DECLARATIVE;
      }
      out.u32(flags);
      if (e.mode() instanceof ElementSegment.Mode.Active a) {
        if ((flags & EXPLICIT_TABLE_OR_DECLARATIVE) != 0) {
          out.u32(a.tableIndex());
        }
        out.bytes(a.offset().code());
      }
      if (flags != 0 && flags != 4) {
        if (funcs == null) {
          out.refType(e.type());
        } else {
          out.u8(0x00);
        }
      }
      out.u32(e.items().size());
      if (funcs == null) {
        e.items().forEach(x -> out.bytes(x.code()));
      } else {
        for (int f : funcs) {
          out.u32(f);
        }
      }
    }
  }

  /** Returns the function indices if every item is {@code ref.func i}, else null. */
  private static int[] funcIndices(List<Expression> items) {
    int[] funcs = new int[items.size()];
    for (int i = 0; i < funcs.length; i++) {
      InstructionReader r = InstructionReader.of(items.get(i));
      if (!r.hasNext() || r.next() != Opcode.REF_FUNC) {
        return null;
      }
      funcs[i] = r.index();
      if (!r.hasNext() || r.next() != Opcode.END || r.hasNext()) {
        return null;
      }
    }
    return funcs;
  }
}

package dev.cortado.wasm.binary;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.RecGroup;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import java.util.ArrayList;
import java.util.List;

/** The type section (id 1): function types. */
final class TypeSection {
  private static final int FUNC = 0x60;

  private TypeSection() {}

  static void read(ByteReader in, Decoding d) {
    int n = in.count();
    for (int i = 0; i < n; i++) {
      int at = in.position();
      int form = in.u8();
      if (form != FUNC) {
        throw in.error(
            "malformed type form 0x" + Integer.toHexString(form) + ", expected 0x60 (func)", at);
      }
      List<ValType> params = valTypes(in);
      List<ValType> results = valTypes(in);
      d.module.addType(new FuncType(params, results));
    }
  }

  private static List<ValType> valTypes(ByteReader in) {
    int n = in.count();
    List<ValType> types = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      types.add(in.valType());
    }
    return types;
  }

  static boolean isEmpty(WasmModule m) {
    return m.types().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.types().size());
    for (RecGroup g : m.recGroups()) {
      if (g.types().size() != 1) {
        throw new IllegalArgumentException("recursion groups need the GC proposal's encoding");
      }
      SubType t = g.types().get(0);
      if (!t.isFinal() || !t.supertypes().isEmpty() || !(t.composite() instanceof FuncType f)) {
        throw new IllegalArgumentException("type " + t + " needs the GC proposal's encoding");
      }
      out.u8(FUNC);
      out.u32(f.params().size());
      f.params().forEach(out::valType);
      out.u32(f.results().size());
      f.results().forEach(out::valType);
    }
  }
}

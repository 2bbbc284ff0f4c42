package dev.cortado.wasm.binary;

import dev.cortado.wasm.Export;
import dev.cortado.wasm.ExternKind;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.ByteReader;

/** The export section (id 7). */
final class ExportSection {
  private static final ExternKind[] KINDS = {
    ExternKind.FUNC, ExternKind.TABLE, ExternKind.MEMORY, ExternKind.GLOBAL, ExternKind.TAG
  };

  private ExportSection() {}

  static void read(ByteReader in, Decoding d) {
    int n = in.count();
    for (int i = 0; i < n; i++) {
      String name = in.linkName();
      int at = in.position();
      int kind = in.u8();
      if (kind >= KINDS.length) {
        throw in.error("malformed export kind 0x" + Integer.toHexString(kind), at);
      }
      d.module.addExport(new Export(name, KINDS[kind], in.u32()));
    }
  }

  static boolean isEmpty(WasmModule m) {
    return m.exports().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.exports().size());
    for (Export e : m.exports()) {
      out.name(e.name()).u8(e.kind().ordinal()).u32(e.index());
    }
  }
}

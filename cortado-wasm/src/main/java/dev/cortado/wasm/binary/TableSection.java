package dev.cortado.wasm.binary;

import dev.cortado.wasm.TableType;
import dev.cortado.wasm.WasmModule;

/** The table section (id 4). */
final class TableSection {
  private TableSection() {}

  static void read(ByteReader in, Decoding d) {
    int n = in.count();
    for (int i = 0; i < n; i++) {
      d.module.addTable(Types.tableType(in));
    }
  }

  static boolean isEmpty(WasmModule m) {
    return m.tables().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.tables().size());
    for (TableType t : m.tables()) {
      Types.tableType(out, t);
    }
  }
}

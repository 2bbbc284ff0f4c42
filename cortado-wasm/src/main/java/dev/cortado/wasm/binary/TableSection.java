package dev.cortado.wasm.binary;

import dev.cortado.wasm.TableType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.ByteReader;

/** The table section (id 4). */
final class TableSection {
  private TableSection() {}

  static void read(ByteReader in, Decoding d) {
    int n = in.count();
    for (int i = 0; i < n; i++) {
      if (in.peekU8() == INIT) {
        // Wasm 3.0: 0x40 0x00, the table type, then the expression its elements start as.
        in.u8();
        int at = in.position();
        if (in.u8() != 0) {
          throw in.error("malformed table: expected 0x00 after 0x40", at);
        }
        TableType type = Types.tableType(in, d.version);
        d.module.addTable(type, CodeScanner.constant(in));
      } else {
        d.module.addTable(Types.tableType(in, d.version));
      }
    }
  }

  static boolean isEmpty(WasmModule m) {
    return m.tables().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.tables().size());
    for (int i = 0; i < m.tables().size(); i++) {
      var init = m.tableInit(i);
      if (init.isPresent()) {
        out.u8(INIT).u8(0);
      }
      Types.tableType(out, m.tables().get(i));
      init.ifPresent(e -> out.bytes(e.code()));
    }
  }

  /** The byte that starts a table with an initializer expression. */
  private static final int INIT = 0x40;
}

package dev.cortado.wasm.binary;

import dev.cortado.wasm.Global;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.ByteReader;

/** The global section (id 6). */
final class GlobalSection {
  private GlobalSection() {}

  static void read(ByteReader in, Decoding d) {
    int n = in.count();
    for (int i = 0; i < n; i++) {
      d.module.addGlobal(new Global(Types.globalType(in), CodeScanner.constant(in)));
    }
  }

  static boolean isEmpty(WasmModule m) {
    return m.globals().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.globals().size());
    for (Global g : m.globals()) {
      Types.globalType(out, g.type());
      out.bytes(g.init().code());
    }
  }
}

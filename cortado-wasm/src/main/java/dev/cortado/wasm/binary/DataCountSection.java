package dev.cortado.wasm.binary;

import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.ByteReader;

/** The data count section (id 12). */
final class DataCountSection {
  private DataCountSection() {}

  static void read(ByteReader in, Decoding d) {
    d.dataCount = in.u32();
    d.module.dataCount(d.dataCount);
  }

  static boolean isEmpty(WasmModule m) {
    return m.dataCount().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.dataCount().getAsInt());
  }
}

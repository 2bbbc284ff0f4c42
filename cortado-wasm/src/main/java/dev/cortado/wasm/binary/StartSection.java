package dev.cortado.wasm.binary;

import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.ByteReader;

/** The start section (id 8): the function run at instantiation. */
final class StartSection {
  private StartSection() {}

  static void read(ByteReader in, Decoding d) {
    d.module.start(in.u32());
  }

  static boolean isEmpty(WasmModule m) {
    return m.start().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.start().getAsInt());
  }
}

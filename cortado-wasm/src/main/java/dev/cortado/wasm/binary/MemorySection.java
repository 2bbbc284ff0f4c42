package dev.cortado.wasm.binary;

import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.ByteReader;

/** The memory section (id 5). */
final class MemorySection {
  private MemorySection() {}

  static void read(ByteReader in, Decoding d) {
    int n = in.count();
    for (int i = 0; i < n; i++) {
      d.module.addMemory(Types.memoryType(in, d.version));
    }
  }

  static boolean isEmpty(WasmModule m) {
    return m.memories().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.memories().size());
    for (MemoryType t : m.memories()) {
      Types.memoryType(out, t);
    }
  }
}

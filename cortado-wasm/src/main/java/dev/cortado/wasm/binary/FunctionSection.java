package dev.cortado.wasm.binary;

import dev.cortado.wasm.Function;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.ByteReader;

/** The function section (id 3): the type index of each defined function. */
final class FunctionSection {
  private FunctionSection() {}

  static void read(ByteReader in, Decoding d) {
    int n = in.count();
    int[] types = new int[n];
    for (int i = 0; i < n; i++) {
      types[i] = in.u32();
    }
    d.functionTypes = types;
  }

  static boolean isEmpty(WasmModule m) {
    return m.functions().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.functions().size());
    for (Function f : m.functions()) {
      out.u32(f.typeIndex());
    }
  }
}

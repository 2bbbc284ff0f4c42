package dev.cortado.wasm.binary;

import dev.cortado.wasm.DataSegment;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.ByteReader;

/** The data section (id 11). */
final class DataSection {
  private DataSection() {}

  static void read(ByteReader in, Decoding d) {
    int n = in.count();
    d.dataSectionCount = n;
    for (int i = 0; i < n; i++) {
      int at = in.position();
      int flags = in.u32();
      DataSegment.Mode mode =
          switch (flags) {
            case 0 -> new DataSegment.Mode.Active(0, CodeScanner.constant(in));
            case 1 -> new DataSegment.Mode.Passive();
            case 2 -> {
              int memory = in.u32();
              yield new DataSegment.Mode.Active(memory, CodeScanner.constant(in));
            }
            default ->
                throw in.error(
                    "malformed data segment kind " + Integer.toUnsignedString(flags), at);
          };
      int lenAt = in.position();
      int len = in.u32();
      if (len < 0 || len > in.remaining()) {
        throw in.error(
            "unexpected end of section or function: data segment length out of bounds", lenAt);
      }
      d.module.addData(new DataSegment(in.bytes(len), mode));
    }
  }

  static boolean isEmpty(WasmModule m) {
    return m.datas().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.datas().size());
    for (DataSegment s : m.datas()) {
      switch (s.mode()) {
        case DataSegment.Mode.Passive p -> out.u8(1);
        case DataSegment.Mode.Active a when a.memoryIndex() == 0 ->
            out.u8(0).bytes(a.offset().code());
        case DataSegment.Mode.Active a -> out.u8(2).u32(a.memoryIndex()).bytes(a.offset().code());
      }
      out.u32(s.init().length()).bytes(s.init());
    }
  }
}

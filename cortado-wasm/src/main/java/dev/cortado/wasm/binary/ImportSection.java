package dev.cortado.wasm.binary;

import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.ByteReader;

/** The import section (id 2). */
final class ImportSection {
  private ImportSection() {}

  static void read(ByteReader in, Decoding d) {
    int n = in.count();
    for (int i = 0; i < n; i++) {
      String module = in.linkName();
      String name = in.linkName();
      int at = in.position();
      int kind = in.u8();
      ImportDesc desc =
          switch (kind) {
            case 0x00 -> new ImportDesc.Func(in.u32());
            case 0x01 -> new ImportDesc.Table(Types.tableType(in, d.version));
            case 0x02 -> new ImportDesc.Memory(Types.memoryType(in, d.version));
            case 0x03 -> new ImportDesc.Global(Types.globalType(in));
            case 0x04 -> new ImportDesc.Tag(TagSection.tagType(in));
            default -> throw in.error("malformed import kind 0x" + Integer.toHexString(kind), at);
          };
      d.module.addImport(new Import(module, name, desc));
    }
  }

  static boolean isEmpty(WasmModule m) {
    return m.imports().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.imports().size());
    for (Import i : m.imports()) {
      out.name(i.module()).name(i.name());
      switch (i.desc()) {
        case ImportDesc.Func f -> out.u8(0x00).u32(f.typeIndex());
        case ImportDesc.Table t -> Types.tableType(out.u8(0x01), t.type());
        case ImportDesc.Memory mem -> Types.memoryType(out.u8(0x02), mem.type());
        case ImportDesc.Global g -> Types.globalType(out.u8(0x03), g.type());
        case ImportDesc.Tag tg -> out.u8(0x04).u8(0x00).u32(tg.typeIndex());
      }
    }
  }
}

package dev.cortado.wasm.binary;

import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.ValType;

/** Encodings of the types that imports and definitions share: limits, tables, memories, globals. */
final class Types {
  private Types() {}

  static Limits limits(ByteReader in) {
    int at = in.position();
    int flags = in.u8();
    if ((flags & 0x80) != 0) {
      throw in.error("integer representation too long: limits flags", at);
    }
    return switch (flags) {
      case 0x00 -> Limits.of(in.u32() & 0xFFFFFFFFL);
      case 0x01 -> {
        long min = in.u32() & 0xFFFFFFFFL;
        long max = in.u32() & 0xFFFFFFFFL;
        yield Limits.of(min, max);
      }
      default ->
          throw in.error(
              "integer too large: malformed limits flags 0x" + Integer.toHexString(flags), at);
    };
  }

  static TableType tableType(ByteReader in) {
    return new TableType(in.refType(), limits(in));
  }

  static MemoryType memoryType(ByteReader in) {
    return new MemoryType(limits(in));
  }

  static GlobalType globalType(ByteReader in) {
    ValType t = in.valType();
    int at = in.position();
    int mut = in.u8();
    if (mut > 1) {
      throw in.error("malformed mutability", at);
    }
    return new GlobalType(t, mut == 1);
  }

  static void tableType(ByteWriter out, TableType t) {
    out.refType(t.elementType()).limits(t.limits());
  }

  static void memoryType(ByteWriter out, MemoryType t) {
    out.limits(t.limits());
  }

  static void globalType(ByteWriter out, GlobalType t) {
    out.valType(t.valueType()).u8(t.mutable() ? 1 : 0);
  }
}

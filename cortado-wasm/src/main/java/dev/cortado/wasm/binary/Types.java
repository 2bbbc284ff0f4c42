package dev.cortado.wasm.binary;

import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.internal.ByteReader;

/** Encodings of the types that imports and definitions share: limits, tables, memories, globals. */
final class Types {
  private Types() {}

  /**
   * Limits, the address type, sharing and page size their flags give: bit 0 a maximum, bit 1 shared
   * (the threads proposal, memories only), bit 2 64-bit (Wasm 3.0 memory64), bit 3 a page size's
   * exponent after the limits (the custom page sizes proposal, memories only).
   */
  private record Flagged(
      Limits limits, AddressType addressType, boolean shared, int pageSizeLog2) {}

  private static Flagged limits(ByteReader in, WasmVersion version, boolean memory) {
    int at = in.position();
    int flags = in.u8();
    if ((flags & 0x80) != 0) {
      throw in.error("integer representation too long: limits flags", at);
    }
    boolean wasm3 = version != WasmVersion.WASM_2_0;
    boolean wide = (flags & 0x04) != 0 && wasm3;
    boolean shared = (flags & 0x02) != 0 && wasm3 && memory;
    boolean paged = (flags & 0x08) != 0 && wasm3 && memory;
    int known = 0x01 | (wide ? 0x04 : 0) | (shared ? 0x02 : 0) | (paged ? 0x08 : 0);
    if ((flags & ~known) != 0) {
      throw in.error(
          "integer too large: malformed limits flags 0x" + Integer.toHexString(flags), at);
    }
    long min = wide ? in.u64() : in.u32() & 0xFFFFFFFFL;
    Limits limits =
        (flags & 0x01) == 0
            ? Limits.of(min)
            : Limits.of(min, wide ? in.u64() : in.u32() & 0xFFFFFFFFL);
    int pageSizeLog2 = MemoryType.DEFAULT_PAGE_SIZE_LOG2;
    if (paged) {
      int exponentAt = in.position();
      int exponent = in.u32();
      // A page size must fit a u64; which sizes are valid is the validator's business.
      if (exponent < 0 || exponent > 63) {
        throw in.error(
            "invalid custom page size: 2^" + Integer.toUnsignedString(exponent), exponentAt);
      }
      pageSizeLog2 = exponent;
    }
    return new Flagged(limits, wide ? AddressType.I64 : AddressType.I32, shared, pageSizeLog2);
  }

  static TableType tableType(ByteReader in, WasmVersion version) {
    RefType element = in.refType();
    Flagged l = limits(in, version, false);
    return new TableType(element, l.limits(), l.addressType());
  }

  static MemoryType memoryType(ByteReader in, WasmVersion version) {
    Flagged l = limits(in, version, true);
    return new MemoryType(l.limits(), l.addressType(), l.shared(), l.pageSizeLog2());
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
    out.refType(t.elementType()).limits(t.limits(), t.addressType());
  }

  static void memoryType(ByteWriter out, MemoryType t) {
    out.limits(t.limits(), t.addressType(), t.shared(), t.pageSizeLog2());
  }

  static void globalType(ByteWriter out, GlobalType t) {
    out.valType(t.valueType()).u8(t.mutable() ? 1 : 0);
  }
}

package dev.cortado.component.internal;

import dev.cortado.component.CoreType;
import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.internal.ByteReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the core types a component defines: core function types and core module types (whose
 * imports and exports are core import descriptions).
 */
final class CoreTypeDecoder {
  private final ByteReader in;
  private final TypeDecoder types;

  CoreTypeDecoder(ByteReader in, TypeDecoder types) {
    this.in = in;
    this.types = types;
  }

  CoreType coreType() {
    int at = in.position();
    int b = in.u8();
    if (b == 0x00) {
      // The current encoding of a module type: 0x00 0x50, apart from the GC proposal's 0x50 (sub).
      Expect.next(in, 0x50, "core module type");
      return moduleType();
    }
    return switch (b) {
      case 0x60 -> new CoreType.Func(new FuncType(valTypes(), valTypes()));
      case 0x50 -> moduleType();
      default ->
          throw in.error(
              "unsupported core type 0x" + Integer.toHexString(b) + " (GC types in components)",
              at);
    };
  }

  private CoreType.ModuleType moduleType() {
    types.enter();
    int n = in.count();
    List<CoreType.ModuleDecl> decls = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = in.position();
      decls.add(
          switch (in.u8()) {
            case 0x00 -> new CoreType.ImportDecl(new Import(in.name(), in.name(), importDesc()));
            case 0x01 -> new CoreType.TypeDecl(coreType());
            case 0x02 -> {
              types.coreSort();
              Expect.next(in, 0x01, "core alias (only outer aliases)");
              yield new CoreType.OuterAlias(in.u32(), in.u32());
            }
            case 0x03 -> new CoreType.ExportDecl(in.name(), importDesc());
            default -> throw in.error("malformed module type declaration", at);
          });
    }
    types.leave();
    return new CoreType.ModuleType(decls);
  }

  private ImportDesc importDesc() {
    int at = in.position();
    return switch (in.u8()) {
      case 0x00 -> new ImportDesc.Func(in.u32());
      case 0x01 -> {
        RefType element = refType();
        Limits limits = limits();
        yield new ImportDesc.Table(new TableType(element, limits, AddressType.I32));
      }
      case 0x02 -> new ImportDesc.Memory(new MemoryType(limits(), AddressType.I32));
      case 0x03 -> {
        ValType t = valType();
        int m = in.position();
        boolean mutable =
            switch (in.u8()) {
              case 0 -> false;
              case 1 -> true;
              default -> throw in.error("malformed mutability", m);
            };
        yield new ImportDesc.Global(new GlobalType(t, mutable));
      }
      case 0x04 -> {
        Expect.next(in, 0x00, "tag attribute");
        yield new ImportDesc.Tag(in.u32());
      }
      default -> throw in.error("malformed import kind", at);
    };
  }

  private Limits limits() {
    int at = in.position();
    int flags = in.u8();
    if ((flags & ~0x03) != 0) {
      throw in.error("unsupported limits flags 0x" + Integer.toHexString(flags), at);
    }
    long min = Integer.toUnsignedLong(in.u32());
    return (flags & 1) != 0 ? Limits.of(min, Integer.toUnsignedLong(in.u32())) : Limits.of(min);
  }

  private List<ValType> valTypes() {
    int n = in.count();
    List<ValType> types = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      types.add(valType());
    }
    return types;
  }

  private ValType valType() {
    int at = in.position();
    return switch (in.u8()) {
      case 0x7F -> ValType.I32;
      case 0x7E -> ValType.I64;
      case 0x7D -> ValType.F32;
      case 0x7C -> ValType.F64;
      case 0x7B -> ValType.V128;
      case 0x70 -> RefType.FUNCREF;
      case 0x6F -> RefType.EXTERNREF;
      default -> throw in.error("unsupported core value type", at);
    };
  }

  private RefType refType() {
    ValType t = valType();
    if (!(t instanceof RefType r)) {
      throw in.error("malformed reference type");
    }
    return r;
  }
}

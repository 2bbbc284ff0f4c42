package dev.cortado.wasm.text;

import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmVersion;
import java.util.Optional;

/**
 * Parses the types of the text format: value, reference, heap, table, memory and global types and
 * limits.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/types.html">Types</a>
 */
final class Types {
  private Types() {}

  /** Returns whether a value type comes next. */
  static boolean peekValType(Cursor c) {
    return c.peekParens("ref") || (c.peekToken(Token.Kind.KEYWORD) && keywordType(c).isPresent());
  }

  /** Returns whether a reference type comes next. */
  static boolean peekRefType(Cursor c) {
    return peekValType(c) && (c.peekParens("ref") || keywordType(c).get().isReference());
  }

  private static Optional<ValType> keywordType(Cursor c) {
    String word = Cursor.token(c.peek()).text();
    if (word.endsWith("ref")) {
      for (HeapType.Abstract h : HeapType.Abstract.values()) {
        if (RefType.shorthand(h).equals(word)) {
          return Optional.of(RefType.nullable(h));
        }
      }
    }
    return switch (word) {
      case "i32" -> Optional.of(ValType.I32);
      case "i64" -> Optional.of(ValType.I64);
      case "f32" -> Optional.of(ValType.F32);
      case "f64" -> Optional.of(ValType.F64);
      case "v128" -> Optional.of(ValType.V128);
      default -> Optional.empty();
    };
  }

  /** Reads a value type. */
  static ValType valType(Cursor c, TypeTable types) {
    if (!peekValType(c)) {
      throw c.unexpected("a value type");
    }
    if (c.peekParens("ref")) {
      return ref(c, types);
    }
    ValType t = keywordType(c).get();
    c.next();
    return t;
  }

  /** Reads a reference type: {@code funcref}, {@code externref} or {@code (ref null? ht)}. */
  static RefType refType(Cursor c, TypeTable types) {
    if (!peekRefType(c)) {
      throw c.unexpected("a reference type (funcref or externref)");
    }
    return (RefType) valType(c, types);
  }

  private static RefType ref(Cursor c, TypeTable types) {
    Cursor r = c.expectParens("ref");
    boolean nullable = r.peekKeyword("null");
    if (nullable) {
      r.next();
    }
    HeapType heap = heapType(r, types);
    r.expectEnd();
    return new RefType(nullable, heap);
  }

  /** Reads a heap type: {@code func}, {@code extern} or a type index. */
  static HeapType heapType(Cursor c, TypeTable types) {
    if (c.peekIndex()) {
      return new HeapType.Concrete(types.resolve(Cursor.token(c.next())));
    }
    return abstractHeapType(c);
  }

  /** Reads an abstract heap type: {@code func}, {@code extern}, {@code any}, {@code nofunc}, ... */
  static HeapType.Abstract abstractHeapType(Cursor c) {
    for (HeapType.Abstract h : HeapType.Abstract.values()) {
      if (c.peekKeyword(h.text())) {
        c.next();
        return h;
      }
    }
    throw c.unexpected(
        "a heap type (func, extern, any, eq, i31, struct, array, ... or a type index)");
  }

  /**
   * Reads limits: a minimum and an optional maximum, each a {@code u64} as in Wasm 3.0's text
   * format (unsigned in the longs; the validator checks they fit the memory or table), or a {@code
   * u32} in Wasm 2.0's.
   */
  static Limits limits(Cursor c, WasmVersion version) {
    long min = limit(c.expect(Token.Kind.NAT, "a limit"), version);
    if (c.peekToken(Token.Kind.NAT)) {
      long max = limit(Cursor.token(c.next()), version);
      return Limits.of(min, max);
    }
    return Limits.of(min);
  }

  private static long limit(Token t, WasmVersion version) {
    return version == WasmVersion.WASM_2_0
        ? Integer.toUnsignedLong(IntLiterals.u32(t, "limit"))
        : IntLiterals.u64(t, "limit");
  }

  /**
   * Reads the optional address type that starts a table or memory type: {@code i32} or {@code i64}
   * (Wasm 3.0 memory64); {@code i32} if absent.
   */
  static AddressType addressType(Cursor c, WasmVersion version) {
    if (version != WasmVersion.WASM_2_0) {
      if (c.peekKeyword("i64")) {
        c.next();
        return AddressType.I64;
      }
      if (c.peekKeyword("i32")) {
        c.next();
      }
    }
    return AddressType.I32;
  }

  /** Reads a table type: an address type, limits then a reference type. */
  static TableType tableType(Cursor c, TypeTable types, WasmVersion version) {
    return tableType(c, types, version, addressType(c, version));
  }

  /** Reads a table type after its address type: limits then a reference type. */
  static TableType tableType(Cursor c, TypeTable types, WasmVersion version, AddressType at) {
    Limits limits = limits(c, version);
    return new TableType(refType(c, types), limits, at);
  }

  /** Reads a memory type: an address type and limits. */
  static MemoryType memoryType(Cursor c, WasmVersion version) {
    return memoryType(c, version, addressType(c, version));
  }

  /**
   * Reads a memory type after its address type: limits, then with Wasm 3.0 {@code shared} (the
   * threads proposal) and {@code (pagesize n)} (custom page sizes), in either order.
   */
  static MemoryType memoryType(Cursor c, WasmVersion version, AddressType at) {
    Limits limits = limits(c, version);
    boolean shared = false;
    int pageSizeLog2 = MemoryType.DEFAULT_PAGE_SIZE_LOG2;
    // shared (threads) and (pagesize n) (custom page sizes), in either order, with Wasm 3.0.
    while (version != WasmVersion.WASM_2_0) {
      if (!shared && c.peekKeyword("shared")) {
        c.next();
        shared = true;
      } else if (pageSizeLog2 == MemoryType.DEFAULT_PAGE_SIZE_LOG2 && c.peekParens("pagesize")) {
        pageSizeLog2 = pageSize(c);
      } else {
        break;
      }
    }
    return new MemoryType(limits, at, shared, pageSizeLog2);
  }

  /**
   * Reads {@code (pagesize n)} and returns n's exponent: n must be a power of two (else the text is
   * malformed); whether that size is allowed is the validator's business.
   */
  static int pageSize(Cursor c) {
    Cursor p = c.expectParens("pagesize");
    MalformedException notPowerOfTwo = p.errorHere("invalid custom page size: not a power of two");
    long size = IntLiterals.u64(p.expect(Token.Kind.NAT, "a page size"), "page size");
    p.expectEnd();
    if (Long.bitCount(size) != 1) {
      throw notPowerOfTwo;
    }
    return Long.numberOfTrailingZeros(size);
  }

  /** Reads a global type: a value type, or {@code (mut t)}. */
  static GlobalType globalType(Cursor c, TypeTable types) {
    if (c.peekParens("mut")) {
      Cursor m = c.expectParens("mut");
      ValType t = valType(m, types);
      m.expectEnd();
      return new GlobalType(t, true);
    }
    return new GlobalType(valType(c, types), false);
  }
}

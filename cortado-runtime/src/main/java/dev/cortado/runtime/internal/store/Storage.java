package dev.cortado.runtime.internal.store;

import dev.cortado.wasm.PackedType;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.StorageType;
import dev.cortado.wasm.ValType;

/**
 * How a struct field or an array element is stored (Wasm 3.0 GC): its size in bytes in a data
 * segment, and whether it is a number, a vector or a reference.
 */
public enum Storage {
  /** A packed 8-bit integer. */
  I8(1),
  /** A packed 16-bit integer. */
  I16(2),
  /** An {@code i32} or {@code f32}, as 32 bits. */
  I32(4),
  /** An {@code i64} or {@code f64}, as 64 bits. */
  I64(8),
  /** A {@code v128}. */
  V128(16),
  /** A reference. */
  REF(0);

  /** The bytes a value takes in a data segment ({@code array.new_data}); 0 for references. */
  public final int bytes;

  Storage(int bytes) {
    this.bytes = bytes;
  }

  /** Returns how values of {@code t} are stored. */
  public static Storage of(StorageType t) {
    if (t == PackedType.I8) {
      return I8;
    } else if (t == PackedType.I16) {
      return I16;
    } else if (t == ValType.I32 || t == ValType.F32) {
      return I32;
    } else if (t == ValType.I64 || t == ValType.F64) {
      return I64;
    } else if (t == ValType.V128) {
      return V128;
    } else if (t instanceof RefType) {
      return REF;
    }
    throw new AssertionError(t);
  }
}

package dev.cortado.wasm;

import java.util.Objects;

/**
 * A struct field or an array element's type (Wasm 3.0 GC): what it stores and whether it may
 * change.
 *
 * @param storage the value or packed type stored
 * @param mutable whether {@code struct.set}/{@code array.set} may change it
 * @see <a
 *     href="https://webassembly.github.io/spec/core/syntax/types.html#aggregate-types">Aggregate
 *     types</a>
 */
public record FieldType(StorageType storage, boolean mutable) {
  /** Checks the storage type is present. */
  public FieldType {
    Objects.requireNonNull(storage, "storage");
  }

  /** Returns the type a read gives: the stored value type, or {@code i32} for a packed one. */
  public ValType unpacked() {
    return storage instanceof ValType t ? t : ValType.I32;
  }

  /** Returns whether the field stores a packed type ({@code i8} or {@code i16}). */
  public boolean isPacked() {
    return storage instanceof PackedType;
  }

  /** Returns the field as the text format writes it: {@code t} or {@code (mut t)}. */
  public String text() {
    return mutable ? "(mut " + storage.text() + ")" : storage.text();
  }

  @Override
  public String toString() {
    return text();
  }
}

package dev.cortado.wasm;

/**
 * A value type: a number, a vector or a reference type.
 *
 * <p>Number and vector types are enum constants, so they compare with {@code ==}; reference types
 * are records.
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#value-types">Value
 *     types</a>
 */
public sealed interface ValType extends StorageType permits NumType, VecType, RefType {
  /** The 32-bit integer type. */
  ValType I32 = NumType.I32;

  /** The 64-bit integer type. */
  ValType I64 = NumType.I64;

  /** The 32-bit float type. */
  ValType F32 = NumType.F32;

  /** The 64-bit float type. */
  ValType F64 = NumType.F64;

  /** The 128-bit vector type. */
  ValType V128 = VecType.V128;

  /** The nullable function reference type. */
  RefType FUNCREF = RefType.FUNCREF;

  /** The nullable external reference type. */
  RefType EXTERNREF = RefType.EXTERNREF;

  /** Returns the type as the text format writes it, for example {@code i32} or {@code funcref}. */
  String text();

  /**
   * Returns whether values of this type are references.
   *
   * <p>(Abstract on purpose: a default method here would make initializing {@code NumType}
   * initialize this interface first, whose constants read {@code NumType}'s, still null then.)
   */
  boolean isReference();
}

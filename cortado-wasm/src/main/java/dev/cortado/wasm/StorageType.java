package dev.cortado.wasm;

/**
 * What a struct field or an array element holds (Wasm 3.0 GC): a value type, or a packed integer
 * type that only storage has.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/syntax/types.html#aggregate-types">Aggregate
 *     types</a>
 */
public sealed interface StorageType permits ValType, PackedType {
  /** Returns the type as the text format writes it. */
  String text();
}

package dev.cortado.wasm;

/**
 * The shape of a defined type. Wasm 2.0 has only function types; the GC proposal of Wasm 3.0 adds
 * structs and arrays as further permitted subtypes.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/syntax/types.html#composite-types">Composite
 *     types</a>
 */
public sealed interface CompositeType permits FuncType, StructType, ArrayType {}

package dev.cortado.wasm;

/**
 * An exception tag defined in the module (Wasm 3.0): the identity a {@code throw} names and a
 * {@code catch} matches, with the function type of the values it carries (its results are empty).
 *
 * @param typeIndex index into the module's types: the type of the tag's payload, as parameters
 * @see <a href="https://webassembly.github.io/spec/core/syntax/modules.html#tags">Tags</a>
 */
public record Tag(int typeIndex) {}

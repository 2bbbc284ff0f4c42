/**
 * The WebAssembly module model: immutable records and sealed types for every construct of a module,
 * the one {@link dev.cortado.wasm.Opcode} table, and the exceptions for malformed and invalid
 * modules.
 *
 * <p>Code is kept in its binary encoding ({@link dev.cortado.wasm.Expression}); the {@code binary}
 * package reads and writes it.
 */
package dev.cortado.wasm;

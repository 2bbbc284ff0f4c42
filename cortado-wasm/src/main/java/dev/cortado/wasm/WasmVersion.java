package dev.cortado.wasm;

/**
 * The edition of the WebAssembly standard that the text parser and the validator follow. Wasm 3.0
 * (the default) is the current standard; Wasm 2.0 rejects what 3.0 added or relaxed: its
 * instructions (tail calls, relaxed SIMD), extended constant expressions and constant expressions
 * reading globals defined in the module, and text-format limits above {@code 2^32-1}. It exists to
 * check that a module stays within 2.0 (for older runtimes), and to run the 2.0 spec suite as it
 * was written.
 */
public enum WasmVersion {
  /** WebAssembly 2.0 (2022). */
  WASM_2_0,

  /** WebAssembly 3.0 (2025), the default. */
  WASM_3_0
}

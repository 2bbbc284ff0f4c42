package dev.cortado.wasm;

/**
 * The immediates of a memory access: alignment hint, constant offset and memory.
 *
 * @param alignExponent the alignment as a power of two (0 = byte aligned)
 * @param offset the constant added to the address operand
 * @param memoryIndex the memory accessed (0 in Wasm 2.0)
 * @see <a
 *     href="https://webassembly.github.io/spec/core/syntax/instructions.html#memory-instructions">
 *     Memory instructions</a>
 */
public record MemArg(int alignExponent, long offset, int memoryIndex) {
  /** Returns the alignment in bytes. */
  public long alignBytes() {
    return 1L << alignExponent;
  }
}

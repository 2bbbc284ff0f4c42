package dev.cortado.wasm;

/**
 * The immediates of a memory access: alignment hint, constant offset and memory.
 *
 * @param alignExponent the alignment as a power of two (0 = byte aligned)
 * @param offset the constant added to the address operand
 * @param memoryIndex the memory accessed (always 0 in Wasm 2.0)
 * @see <a
 *     href="https://webassembly.github.io/spec/core/syntax/instructions.html#memory-instructions">
 *     Memory instructions</a>
 */
public record MemArg(int alignExponent, long offset, int memoryIndex) {
  /** The bits of a memarg's flags that hold the alignment exponent. */
  public static final int ALIGN_MASK = 0x3F;

  /** The flag bit that says a memory index follows the flags (Wasm 3.0 multi-memory). */
  public static final int MEMORY_INDEX_FLAG = 0x40;

  /** Returns the alignment in bytes. */
  public long alignBytes() {
    return 1L << alignExponent;
  }
}

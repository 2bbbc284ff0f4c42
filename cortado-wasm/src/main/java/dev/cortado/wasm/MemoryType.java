package dev.cortado.wasm;

import java.util.Objects;

/**
 * The type of a linear memory: its size limits in 64 KiB pages.
 *
 * @param limits the size range, in pages
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#memory-types">Memory
 *     types</a>
 */
public record MemoryType(Limits limits) {
  /** The size of a page in bytes. */
  public static final int PAGE_SIZE = 65536;

  /** The most pages a 32-bit memory can have (4 GiB). */
  public static final long MAX_PAGES_32 = 65536;

  /** Checks the limits are present. */
  public MemoryType {
    Objects.requireNonNull(limits, "limits");
  }

  @Override
  public String toString() {
    return limits.toString();
  }
}

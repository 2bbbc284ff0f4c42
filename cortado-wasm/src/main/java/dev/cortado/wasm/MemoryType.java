package dev.cortado.wasm;

import java.util.Objects;

/**
 * The type of a linear memory: its size limits in 64 KiB pages and its address type.
 *
 * @param limits the size range, in pages
 * @param addressType whether addresses are 32-bit or 64-bit (memory64)
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#memory-types">Memory
 *     types</a>
 */
public record MemoryType(Limits limits, AddressType addressType) {
  /** The size of a page in bytes. */
  public static final int PAGE_SIZE = 65536;

  /** The most pages a 32-bit memory can have (4 GiB). */
  public static final long MAX_PAGES_32 = 65536;

  /** The most pages a 64-bit memory can have (2^64 bytes). */
  public static final long MAX_PAGES_64 = 1L << 48;

  /** Checks both parts are present. */
  public MemoryType {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(addressType, "addressType");
  }

  /** Returns the type of a 32-bit memory with {@code limits}. */
  public MemoryType(Limits limits) {
    this(limits, AddressType.I32);
  }

  /** Returns the most pages a memory of this address type can have. */
  public long maxPages() {
    return addressType == AddressType.I32 ? MAX_PAGES_32 : MAX_PAGES_64;
  }

  @Override
  public String toString() {
    return addressType == AddressType.I32 ? limits.toString() : "i64 " + limits;
  }
}

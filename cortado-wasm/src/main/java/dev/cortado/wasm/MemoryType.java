package dev.cortado.wasm;

import java.util.Objects;

/**
 * The type of a linear memory: its size limits in pages, its address type, whether it is shared,
 * and its page size.
 *
 * @param limits the size range, in pages
 * @param addressType whether addresses are 32-bit or 64-bit (memory64)
 * @param shared whether threads may share the memory (the threads proposal): such a memory has a
 *     maximum, never moves, and is where {@code memory.atomic.wait32}/{@code wait64} can wait
 * @param pageSizeLog2 the page size as a power of two: 16 (64 KiB, the standard's) or, with the
 *     custom page sizes proposal, 0 (one byte); other values are invalid
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#memory-types">Memory
 *     types</a>
 */
public record MemoryType(Limits limits, AddressType addressType, boolean shared, int pageSizeLog2) {
  /** The size of a standard page in bytes. */
  public static final int PAGE_SIZE = 65536;

  /** The exponent of the standard page size: 2^16 bytes. */
  public static final int DEFAULT_PAGE_SIZE_LOG2 = 16;

  /** The most pages a 32-bit memory can have (4 GiB). */
  public static final long MAX_PAGES_32 = 65536;

  /** The most pages a 64-bit memory can have (2^64 bytes). */
  public static final long MAX_PAGES_64 = 1L << 48;

  /** Checks the parts are present and the page size's exponent is one of a u64's bits. */
  public MemoryType {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(addressType, "addressType");
    if (pageSizeLog2 < 0 || pageSizeLog2 > 63) {
      throw new IllegalArgumentException("page size 2^" + pageSizeLog2 + " is not a u64");
    }
  }

  /** Returns the type of a memory of standard (64 KiB) pages. */
  public MemoryType(Limits limits, AddressType addressType, boolean shared) {
    this(limits, addressType, shared, DEFAULT_PAGE_SIZE_LOG2);
  }

  /** Returns the type of an unshared memory with {@code limits} and {@code addressType}. */
  public MemoryType(Limits limits, AddressType addressType) {
    this(limits, addressType, false);
  }

  /** Returns the type of an unshared 32-bit memory with {@code limits}. */
  public MemoryType(Limits limits) {
    this(limits, AddressType.I32);
  }

  /** Returns the page size in bytes. */
  public long pageSize() {
    return 1L << pageSizeLog2;
  }

  /**
   * Returns the most pages a memory of this address type and page size can have, as an unsigned
   * long: as many as fill the address space (2^32 or 2^64 bytes), and no more than the address type
   * counts (2^32 - 1 pages of one byte for a 32-bit memory, 2^64 - 1 for a 64-bit one).
   */
  public long maxPages() {
    int addressBits = addressType == AddressType.I32 ? 32 : 64;
    long counted = addressBits == 32 ? 0xFFFF_FFFFL : -1L;
    int pageBits = addressBits - pageSizeLog2;
    return pageBits >= addressBits ? counted : 1L << pageBits;
  }

  @Override
  public String toString() {
    String text = addressType == AddressType.I32 ? limits.toString() : "i64 " + limits;
    if (shared) {
      text += " shared";
    }
    return pageSizeLog2 == DEFAULT_PAGE_SIZE_LOG2 ? text : text + " (pagesize " + pageSize() + ")";
  }
}

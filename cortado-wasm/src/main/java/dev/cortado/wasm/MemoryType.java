package dev.cortado.wasm;

import java.util.Objects;

/**
 * The type of a linear memory: its size limits in 64 KiB pages and its address type.
 *
 * @param limits the size range, in pages
 * @param addressType whether addresses are 32-bit or 64-bit (memory64)
 * @param shared whether threads may share the memory (the threads proposal): such a memory has a
 *     maximum, never moves, and is where {@code memory.atomic.wait32}/{@code wait64} can wait
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#memory-types">Memory
 *     types</a>
 */
public record MemoryType(Limits limits, AddressType addressType, boolean shared) {
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

  /** Returns the type of an unshared memory with {@code limits} and {@code addressType}. */
  public MemoryType(Limits limits, AddressType addressType) {
    this(limits, addressType, false);
  }

  /** Returns the type of an unshared 32-bit memory with {@code limits}. */
  public MemoryType(Limits limits) {
    this(limits, AddressType.I32);
  }

  /** Returns the most pages a memory of this address type can have. */
  public long maxPages() {
    return addressType == AddressType.I32 ? MAX_PAGES_32 : MAX_PAGES_64;
  }

  @Override
  public String toString() {
    String text = addressType == AddressType.I32 ? limits.toString() : "i64 " + limits;
    return shared ? text + " shared" : text;
  }
}

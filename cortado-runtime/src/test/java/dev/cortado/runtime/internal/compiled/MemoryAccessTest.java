package dev.cortado.runtime.internal.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MemoryAccessTest {
  // Addresses, offsets (both read as u32s) and memory sizes around every edge the bounds check has:
  // zero, the last bytes of a memory, 2^30 (where the check changes form), 2^31 and 2^32.
  private static final int[] ADDRESSES = {
    0,
    1,
    3,
    7,
    8,
    15,
    16,
    65_535,
    65_536,
    1 << 20,
    (1 << 30) - 8,
    1 << 30,
    (1 << 30) + 1,
    Integer.MAX_VALUE - 16,
    Integer.MAX_VALUE - 1,
    Integer.MAX_VALUE,
    Integer.MIN_VALUE,
    Integer.MIN_VALUE + 1,
    -65_536,
    -16,
    -8,
    -1
  };
  private static final int[] MEMORY_SIZES = {
    0,
    1,
    7,
    8,
    16,
    65_536,
    1 << 20,
    1 << 30,
    (1 << 30) + 65_536,
    Integer.MAX_VALUE - 65_535,
    Integer.MAX_VALUE
  };

  @Test
  void effectiveAddressIsInBoundsExactlyWhenEveryByteIsInsideTheMemory() {
    for (int address : ADDRESSES) {
      for (int offset : ADDRESSES) {
        for (int size : new int[] {1, 2, 4, 8, 16}) {
          for (int memSize : MEMORY_SIZES) {
            long ea = Integer.toUnsignedLong(address) + Integer.toUnsignedLong(offset);
            String what = address + " + " + offset + " (" + size + " bytes of " + memSize + ")";
            if (ea + size <= memSize) {
              assertEquals(ea, MemoryAccess.at(address, offset, size, memSize), what);
            } else {
              assertThrows(
                  IndexOutOfBoundsException.class,
                  () -> MemoryAccess.at(address, offset, size, memSize),
                  what);
            }
          }
        }
      }
    }
  }
}

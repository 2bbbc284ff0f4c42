package dev.cortado.runtime.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Trap;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MemoryType;
import org.junit.jupiter.api.Test;

class MemoryInstanceTest {
  private static final int PAGE = MemoryType.PAGE_SIZE;

  @Test
  void growingPageByPageReplacesTheArrayOnlyLogarithmicallyOften() {
    MemoryInstance mem = new MemoryInstance(new MemoryType(Limits.of(1)), MemoryInstance.MAX_PAGES);
    int replacements = 0;
    byte[] last = mem.bytes;
    for (int i = 1; i < 2048; i++) {
      assertEquals(i, mem.grow(1));
      if (mem.bytes != last) {
        replacements++;
        last = mem.bytes;
      }
    }
    assertEquals(2048, mem.pages());
    assertEquals(2048L * PAGE, mem.size);
    assertTrue(replacements <= 12, replacements + " copies for 2047 one-page grows");
  }

  @Test
  void capacityNeverExceedsTheMaximumNorTheStoresLimit() {
    MemoryInstance declared = new MemoryInstance(new MemoryType(Limits.of(1, 5)), 100);
    for (int i = 0; i < 4; i++) {
      declared.grow(1);
    }
    assertEquals(5L * PAGE, declared.bytes.length);
    assertEquals(-1, declared.grow(1));

    MemoryInstance limited = new MemoryInstance(new MemoryType(Limits.of(1)), 3);
    limited.grow(1);
    limited.grow(1);
    assertEquals(3L * PAGE, limited.bytes.length);
    assertEquals(-1, limited.grow(1));
  }

  @Test
  void theSizeTheGuestSeesStaysExactAndBytesBeyondItAreOutOfBounds() {
    MemoryInstance mem = new MemoryInstance(new MemoryType(Limits.of(1)), MemoryInstance.MAX_PAGES);
    mem.grow(2);
    assertEquals(3, mem.pages());
    assertTrue(mem.bytes.length >= 3 * PAGE);
    assertThrows(Trap.class, () -> mem.checkRange(3L * PAGE - 3, 4));
    mem.checkRange(3L * PAGE - 4, 4);
    assertEquals(0, mem.grow(0) - 3);
  }

  @Test
  void pagesGainedByGrowingAreZeroEvenWhereCapacityWasReserved() {
    MemoryInstance mem = new MemoryInstance(new MemoryType(Limits.of(1)), MemoryInstance.MAX_PAGES);
    mem.grow(1);
    byte[] b = mem.bytes;
    for (int i = 0; i < mem.size; i++) {
      b[i] = (byte) 0xAB;
    }
    mem.grow(1);
    for (long i = 2L * PAGE; i < 3L * PAGE; i++) {
      assertEquals(0, mem.bytes[(int) i], "byte " + i);
    }
  }
}

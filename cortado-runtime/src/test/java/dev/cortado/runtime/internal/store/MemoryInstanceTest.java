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
  void growingPageByPageKeepsArraysExactUntilTheCopyBudgetThenReplacesThemLogarithmicallyOften() {
    // Exactness is the JVM's: it may have ended in an earlier test, and ends here at the latest.
    boolean exactAtStart = !ExactArrays.ended();
    MemoryInstance mem = new MemoryInstance(new MemoryType(Limits.of(1)), MemoryInstance.MAX_PAGES);
    int exactCopies = 0;
    int replacements = 0;
    long copied = 0;
    byte[] last = mem.bytes;
    for (int i = 1; i < 2048; i++) {
      boolean exactBefore = !ExactArrays.ended();
      int before = mem.size;
      assertEquals(i, mem.grow(1));
      if (mem.bytes != last) {
        last = mem.bytes;
        if (exactBefore && !ExactArrays.ended()) {
          exactCopies++;
          copied += before;
          assertEquals(mem.size, mem.bytes.length, "an exact array after growing to " + (i + 1));
          assertTrue(ExactArrays.hold());
        } else {
          replacements++;
        }
      }
    }
    assertEquals(2048, mem.pages());
    assertEquals(2048L * PAGE, mem.size);
    assertTrue(ExactArrays.ended() && !ExactArrays.hold(), "exactness ends past the budget");
    assertTrue(copied <= MemoryInstance.EXACT_COPY_BUDGET, copied + " bytes copied exactly");
    if (exactAtStart) {
      // 1 + 2 + ... + n pages copied: n(n + 1) / 2 * 64 KiB within the budget.
      assertTrue(exactCopies >= 40, exactCopies + " exact copies");
    }
    assertTrue(replacements <= 12, replacements + " copies with spare capacity");
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

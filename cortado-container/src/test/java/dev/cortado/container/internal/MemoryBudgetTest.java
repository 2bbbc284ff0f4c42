package dev.cortado.container.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
  private static final long MIB = 1 << 20;

  @Test
  void noLimitLeavesTheDefaults() {
    assertTrue(MemoryBudget.of(OptionalLong.empty(), 65536).isEmpty());
  }

  @Test
  void aLargeLimitKeepsRoomOutsideTheHeapAndForTheRuntime() {
    MemoryBudget b = MemoryBudget.of(OptionalLong.of(512 * MIB), 65536).orElseThrow();
    assertEquals((512 - MemoryBudget.NON_HEAP_MIB) * MIB, b.heapBytes());
    assertEquals((512 - MemoryBudget.NON_HEAP_MIB - MemoryBudget.RUNTIME_MIB) * 16, b.guestPages());
    assertEquals("-Xmx464m", b.xmx());
  }

  @Test
  void aSmallLimitGivesHalfToTheHeapAndHalfOfThatToTheGuest() {
    MemoryBudget b = MemoryBudget.of(OptionalLong.of(64 * MIB), 65536).orElseThrow();
    assertEquals(32 * MIB, b.heapBytes());
    assertEquals(16 * 16, b.guestPages());
  }

  @Test
  void theGuestNeverExceedsTheStoresMaximum() {
    MemoryBudget b = MemoryBudget.of(OptionalLong.of(64L << 30), 1000).orElseThrow();
    assertEquals(1000, b.guestPages());
  }

  @Test
  void aTinyLimitStillGivesAWorkableHeap() {
    MemoryBudget b = MemoryBudget.of(OptionalLong.of(4 * MIB), 65536).orElseThrow();
    assertEquals(8 * MIB, b.heapBytes());
    assertTrue(b.guestPages() >= 1);
  }
}

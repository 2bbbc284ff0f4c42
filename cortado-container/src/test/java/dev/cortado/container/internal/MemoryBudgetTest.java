package dev.cortado.container.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
  private static final long MIB = 1 << 20;

  @Test
  void noLimitLeavesTheDefaults() {
    assertTrue(MemoryBudget.of(OptionalLong.empty(), 65536).isEmpty());
  }

  @Test
  void aLargeLimitKeepsRoomOutsideTheHeapAndForAGrowingMemorysTwoArrays() {
    MemoryBudget b = MemoryBudget.of(OptionalLong.of(512 * MIB), 65536).orElseThrow();
    assertEquals(464 * MIB, b.heapBytes());
    assertEquals(58 * MIB, b.youngBytes());
    // (464 - 58 - 16) / 2 = 195 MiB, in 64 KiB pages
    assertEquals(195 * 16, b.guestPages());
    assertEquals(List.of("-Xmx464m", "-Xmn58m"), b.jvmOptions());
  }

  @Test
  void aSmallLimitGivesHalfToTheHeap() {
    MemoryBudget b = MemoryBudget.of(OptionalLong.of(64 * MIB), 65536).orElseThrow();
    assertEquals(32 * MIB, b.heapBytes());
    assertEquals(4 * MIB, b.youngBytes());
    // a quarter of the 28 MiB old generation for the runtime: (28 - 7) / 2 = 10.5 MiB
    assertEquals(168, b.guestPages());
  }

  @Test
  void theGuestNeverExceedsTheStoresMaximum() {
    assertEquals(
        1000, MemoryBudget.of(OptionalLong.of(64L << 30), 1000).orElseThrow().guestPages());
  }

  @Test
  void aTinyLimitStillGivesAWorkableHeap() {
    MemoryBudget b = MemoryBudget.of(OptionalLong.of(4 * MIB), 65536).orElseThrow();
    assertEquals(16 * MIB, b.heapBytes());
    // old generation 14 MiB, a quarter for the runtime: (14 - 3.5) / 2 = 5.25 MiB
    assertEquals(84, b.guestPages());
  }
}

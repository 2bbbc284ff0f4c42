package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.internal.compiled.MemoryAccess;
import dev.cortado.runtime.internal.compiled.Support;
import dev.cortado.runtime.internal.interp.PollGate;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runtime methods compiled code calls at every access and poll keep the sizes HotSpot's
 * inlining depends on: a memory access at most {@code MaxInlineSize} (35 bytes), so that C2 inlines
 * it at warm call sites too; the poll and the poll gate's test too, so that C2 inlines them and
 * folds the closed gate away wherever a poll is (RATIONALE.md, "One bounds check per access" and
 * "The poll gate compares its target").
 */
class InlineSizesTest {
  @Test
  void thePollAndTheGatesTestFitMaxInlineSize() throws IOException {
    int gate = lengths(PollGate.class).get("isOpen()Z");
    assertTrue(gate <= 35, "PollGate.isOpen has " + gate + " bytes of code");
    int poll = lengths(Support.class).get("poll(Ldev/cortado/runtime/internal/interp/Machine;)V");
    assertTrue(poll <= 35, "Support.poll has " + poll + " bytes of code");
  }

  @Test
  void everyMemoryAccessFitsMaxInlineSize() throws IOException {
    int checked = 0;
    for (var e : lengths(MemoryAccess.class).entrySet()) {
      if (e.getKey().matches("[if](32|64)(Load|Store).*\\(.*")) {
        assertTrue(e.getValue() <= 35, e.getKey() + " has " + e.getValue() + " bytes of code");
        checked++;
      }
    }
    assertTrue(checked >= 23, "only " + checked + " access methods found");
  }

  private static Map<String, Integer> lengths(Class<?> c) throws IOException {
    try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
      return CodeLengths.of(in.readAllBytes());
    }
  }
}

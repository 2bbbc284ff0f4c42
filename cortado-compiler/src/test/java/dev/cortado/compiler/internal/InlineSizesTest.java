package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.internal.compiled.MemoryAccess;
import dev.cortado.runtime.internal.interp.PollGate;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runtime methods compiled code calls at every access and poll keep the sizes HotSpot's
 * inlining depends on: a memory access at most {@code MaxInlineSize} (35 bytes), so that C2 inlines
 * it at warm call sites too; the poll gate's test over C1's limit (also 35), so that C1 calls it
 * instead of inlining its method handle chain, and within C2's {@code FreqInlineSize} (325), so
 * that C2 inlines it and folds it away (RATIONALE.md, "One bounds check per access" and "Polls
 * behind a gate").
 */
class InlineSizesTest {
  @Test
  void theGatesTestIsCalledByC1AndInlinedByC2() throws IOException {
    int size = lengths(PollGate.class).get("isOpen()Z");
    assertTrue(size > 35 && size <= 325, "PollGate.isOpen has " + size + " bytes of code");
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

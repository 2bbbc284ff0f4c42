package dev.cortado.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompileProgressTest {
  /** A module of 300 functions: three classes of them (128 functions to a class). */
  private static byte[] module() {
    StringBuilder wat = new StringBuilder("(module");
    for (int i = 0; i < 300; i++) {
      wat.append(" (func (param i32) (result i32) (i32.add (local.get 0) (i32.const ")
          .append(i)
          .append(")))");
    }
    return ModuleEncoder.encode(TextParser.parseModule(wat.append(")").toString()));
  }

  @Test
  void progressRisesWithEachClassToTheWholeCode() {
    List<long[]> heard = new ArrayList<>();
    PrecompiledModule compiled =
        PrecompiledModule.compile(module(), (done, total) -> heard.add(new long[] {done, total}));
    assertEquals(300, compiled.compiledFunctions());
    assertEquals(3, heard.size(), "one report per class of functions");
    long total = heard.get(0)[1];
    long before = 0;
    for (long[] h : heard) {
      assertEquals(total, h[1]);
      assertTrue(h[0] > before, "done grows: " + h[0] + " after " + before);
      before = h[0];
    }
    assertEquals(total, before, "the last report is the whole code");
  }

  @Test
  void aNullListenerIsRefusedByName() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> PrecompiledModule.compile(module(), null));
    assertEquals("progress", e.getMessage());
  }
}

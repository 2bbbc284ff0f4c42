package dev.cortado.runtime.internal.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.Opcode;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every numeric and vector instruction (Wasm 2.0 and relaxed SIMD) has an implementation. */
class InstructionCoverageTest {
  /** The SIMD instructions that only move memory or a constant: the interpreter's own work. */
  private static final Set<String> INTERPRETER_SIMD =
      Set.of(
          "v128.load",
          "v128.store",
          "v128.const",
          "v128.load8_splat",
          "v128.load16_splat",
          "v128.load32_splat",
          "v128.load64_splat",
          "v128.load8_lane",
          "v128.load16_lane",
          "v128.load32_lane",
          "v128.load64_lane",
          "v128.store8_lane",
          "v128.store16_lane",
          "v128.store32_lane",
          "v128.store64_lane");

  private static boolean isNumeric(Opcode op) {
    String t = op.text();
    boolean numericPrefix = t.matches("(i32|i64|f32|f64)\\..*") || op.prefix() == 0xFD;
    // Wide arithmetic's two results are no one helper's (WideArithmetic has the high halves; its
    // spec script runs on every engine).
    return numericPrefix
        && op.accessBytes() == 0
        && !t.endsWith(".const")
        && !op.isWideArithmetic();
  }

  @Test
  void everySimdInstructionButMemoryAndConstHasAHelper() {
    Map<String, Method> helpers = InstructionTable.helperMethods();
    List<String> missing = new ArrayList<>();
    int simd = 0;
    for (Opcode op : Opcode.values()) {
      if (op.prefix() != 0xFD) {
        continue;
      }
      simd++;
      if (!INTERPRETER_SIMD.contains(op.text())
          && !helpers.containsKey(InstructionTable.methodName(op.text()))) {
        missing.add(op.text());
      }
    }
    assertEquals(236 + 20, simd, "236 fixed-width SIMD instructions and 20 relaxed ones");
    assertEquals(List.of(), missing);
  }

  @Test
  void everyNumericInstructionIsBoundToAHelperOrAJavaOperator() {
    InstructionTable table = new InstructionTable();
    Set<String> missing = new TreeSet<>();
    for (Opcode op : Opcode.values()) {
      if (isNumeric(op) && table.lookup(op.text()) == null) {
        missing.add(op.text());
      }
    }
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyPublicHelperImplementsAnInstruction() {
    Set<String> names = new TreeSet<>();
    for (Opcode op : Opcode.values()) {
      names.add(InstructionTable.methodName(op.text()));
    }
    Set<String> extra = new TreeSet<>(InstructionTable.helperMethods().keySet());
    extra.removeAll(names);
    assertTrue(extra.isEmpty(), "helpers named after no instruction: " + extra);
  }
}

package dev.cortado.compiler.internal;

import static dev.cortado.compiler.internal.MethodSizes.assertEveryFunctionCompiledAndEveryMethodSmall;
import static dev.cortado.compiler.internal.MethodSizes.assertSmall;
import static dev.cortado.compiler.internal.MethodSizes.emit;
import static dev.cortado.compiler.internal.MethodSizes.instance;
import static dev.cortado.compiler.internal.MethodSizes.methods;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmStackFrame;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Functions too large for one JVM method are cut into methods that each stay under HotSpot's
 * 8,000-byte JIT limit, and still compute what the interpreter computes.
 */
class SplittingTest {
  /** One expression over 20,000 instructions: the operand stack never empties in between. */
  private static byte[] oneLongExpression(int terms) {
    StringBuilder b = new StringBuilder("(module\n");
    b.append("  (func $small (export \"small\") (param i32) (result i32)\n");
    b.append("    (i32.add (call $big (local.get 0)) (i32.const 1)))\n");
    b.append("  (func $big (export \"big\") (param i32) (result i32)\n    local.get 0\n");
    for (int i = 0; i < terms; i++) {
      b.append("    i32.const ").append(i * 7919).append(" i32.add i32.const 3 i32.xor\n");
    }
    return ModuleEncoder.encode(TextParser.parseModule(b.append("))").toString()));
  }

  @Test
  void oneLongExpressionIsCutWhereValuesPassBetweenPieces() {
    byte[] wasm = oneLongExpression(20_000);
    assertEveryFunctionCompiledAndEveryMethodSmall(wasm, 2);
    int expected =
        instance(ExecutionEngine.INTERPRETER, wasm)
            .func("small")
            .orElseThrow()
            .asIntUnary()
            .applyAsInt(5);
    assertEquals(
        expected,
        instance(ExecutionEngine.COMPILER, wasm)
            .func("small")
            .orElseThrow()
            .asIntUnary()
            .applyAsInt(5));
  }

  /**
   * A function of more than 1 MB of code: statements on locals and memory, loops, nested blocks
   * left by branches from deep inside, early returns, and calls; every piece boundary is crossed by
   * locals written on one side and read on the other.
   */
  static byte[] megabyteFunction(int statements) {
    StringBuilder b = new StringBuilder("(module\n  (memory 1)\n");
    b.append("  (func $mix (param i32 i32) (result i32)\n");
    b.append("    (i32.xor (i32.mul (local.get 0) (i32.const 31)) (local.get 1)))\n");
    b.append("  (func $big (export \"big\") (param $n i32) (result i32)\n");
    b.append("    (local $a i32) (local $b i64) (local $c f64) (local $i i32)\n");
    b.append("    (local.set $a (local.get $n))\n");
    b.append("    (block $out\n");
    for (int s = 0; s < statements; s++) {
      switch (s % 6) {
        case 0 ->
            b.append("    (local.set $a (i32.add (local.get $a) (i32.const ")
                .append(s)
                .append(")))\n");
        case 1 ->
            b.append(
                "    (local.set $b (i64.add (local.get $b) (i64.extend_i32_u (local.get $a))))\n");
        case 2 ->
            b.append("    (i32.store (i32.const ")
                .append((s % 1000) * 4)
                .append(") (local.get $a))\n    (local.set $a (i32.rotl (i32.load (i32.const ")
                .append((s % 1000) * 4)
                .append(")) (i32.const 3)))\n");
        case 3 ->
            b.append("    (block $skip (br_if $skip (i32.and (local.get $a) (i32.const 1)))")
                .append(" (local.set $c (f64.add (local.get $c) (f64.const 0.5)))")
                .append(" (br_if $out (i32.eq (local.get $a) (i32.const ")
                .append(s * 17)
                .append("))))\n");
        case 4 ->
            b.append("    (local.set $i (i32.const 0))")
                .append(" (loop $l (local.set $a (call $mix (local.get $a) (local.get $i)))")
                .append(" (local.set $i (i32.add (local.get $i) (i32.const 1)))")
                .append(" (br_if $l (i32.lt_u (local.get $i) (i32.const 3))))\n");
        default ->
            b.append("    (if (i32.eq (local.get $n) (i32.const ")
                .append(s)
                .append(
                    ")) (then (return (i32.add (local.get $a) (i32.wrap_i64 (local.get $b))))))\n");
      }
    }
    b.append("    )\n");
    b.append("    (i32.add (i32.add (local.get $a) (i32.wrap_i64 (local.get $b)))");
    b.append(" (i32.trunc_f64_s (local.get $c))))\n)");
    return ModuleEncoder.encode(TextParser.parseModule(b.toString()));
  }

  @Test
  void aFunctionOfAMegabyteRunsCutIntoSmallMethods() {
    byte[] wasm = megabyteFunction(56_000);
    assertTrue(wasm.length > 1_000_000, "module of " + wasm.length + " bytes");
    assertEveryFunctionCompiledAndEveryMethodSmall(wasm, 2);
    var interpreted = instance(ExecutionEngine.INTERPRETER, wasm).func("big").orElseThrow();
    var compiled = instance(ExecutionEngine.COMPILER, wasm).func("big").orElseThrow();
    // Arguments that return early at several depths, leave $out, or run to the end.
    for (int n : new int[] {0, 5, 11, 23_999, 55_997, 7, 1 << 20}) {
      assertEquals(
          interpreted.asIntUnary().applyAsInt(n), compiled.asIntUnary().applyAsInt(n), "n=" + n);
    }
  }

  @Test
  void aFunctionUsingVectorsIsCutAndItsPiecesShareTheVectorRegisters() {
    StringBuilder b = new StringBuilder("(module\n");
    b.append("  (func (export \"big\") (param $n i32) (result i32)\n");
    b.append(
        "    (call $big (local.get $n) (i32x4.splat (i32.mul (local.get $n) (i32.const 3)))))\n");
    b.append("  (func $big (param $n i32) (param $p v128) (result i32)");
    b.append(" (local $v v128) (local $a i32)\n");
    b.append("    (local.set $v (i32x4.splat (local.get $n)))\n");
    b.append("    (i32x4.extract_lane 0 (block $out (result v128)\n");
    for (int i = 0; i < 3_000; i++) {
      b.append("      (local.set $v (i32x4.add (local.get $v) (v128.const i32x4 1 2 3 ")
          .append(i)
          .append(")))\n");
      b.append(
          "      (local.set $a (i32.add (local.get $a) (i32x4.extract_lane 2 (local.get $v))))\n");
      if (i % 11 == 0) {
        // The vector parameter, read in whichever piece this lands in.
        b.append("      (local.set $v (i32x4.sub (local.get $v) (local.get $p)))\n");
      }
      if (i % 7 == 0) {
        // A block whose v128 result may be left in another piece.
        b.append("      (local.set $v (block (result v128) (i32x4.mul (local.get $v)")
            .append(" (v128.const i32x4 3 1 1 1))))\n");
      }
      if (i % 50 == 0) {
        // A branch out carrying a vector, from wherever the cut puts it.
        b.append("      (drop (br_if $out (local.get $v) (i32.eq (local.get $n) (i32.const ")
            .append(i)
            .append("))))\n");
      }
    }
    b.append("      (local.get $v)))\n    (local.get $a) (i32.add)))");
    byte[] wasm = ModuleEncoder.encode(TextParser.parseModule(b.toString()));
    assertEveryFunctionCompiledAndEveryMethodSmall(wasm, 2);
    var interpreted = instance(ExecutionEngine.INTERPRETER, wasm).func("big").orElseThrow();
    var compiled = instance(ExecutionEngine.COMPILER, wasm).func("big").orElseThrow();
    for (int n : new int[] {0, 50, 1_500, 2_950, 7, -1}) {
      assertEquals(
          interpreted.asIntUnary().applyAsInt(n), compiled.asIntUnary().applyAsInt(n), "n=" + n);
    }
  }

  /**
   * Go's shape of function: a loop around hundreds of nested blocks, a {@code br_table} on a resume
   * point in the innermost, and code after each block's end that goes round the loop again.
   */
  @Test
  void aResumeTableOverHundredsOfNestedBlocksIsCut() {
    int blocks = 400;
    StringBuilder b = new StringBuilder("(module (memory 1)\n");
    b.append("  (func (export \"run\") (param $pc i32) (result i32) (local $acc i32)\n");
    b.append("    (loop $top\n");
    for (int i = blocks - 1; i >= 0; i--) {
      b.append("(block $b").append(i).append(' ');
    }
    b.append("(br_table");
    for (int i = 0; i < blocks; i++) {
      b.append(" $b").append(i);
    }
    b.append(" $b0 (local.get $pc)))\n");
    for (int i = 0; i < blocks; i++) {
      // After block i: work, then stop or resume at another point.
      b.append(
              "      (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 31)) (i32.const ")
          .append(i)
          .append(")))\n      (i32.store (i32.const ")
          .append(i % 64 * 4)
          .append(") (local.get $acc))\n");
      b.append(
          "      (if (i32.eqz (i32.and (local.get $acc) (i32.const 3))) (then (return (local.get $acc))))\n");
      b.append(
              "      (local.set $pc (i32.rem_u (i32.add (local.get $pc) (i32.const 7)) (i32.const ")
          .append(blocks)
          .append(")))\n      (br $top))\n");
    }
    b.append("    unreachable))");
    byte[] wasm = ModuleEncoder.encode(TextParser.parseModule(b.toString()));
    assertEveryFunctionCompiledAndEveryMethodSmall(wasm, 1);
    var interpreted = instance(ExecutionEngine.INTERPRETER, wasm).func("run").orElseThrow();
    var compiled = instance(ExecutionEngine.COMPILER, wasm).func("run").orElseThrow();
    for (int pc : new int[] {0, 1, 199, 398, 399, 1_000}) {
      assertEquals(
          interpreted.asIntUnary().applyAsInt(pc),
          compiled.asIntUnary().applyAsInt(pc),
          "pc=" + pc);
    }
  }

  @Test
  void brTableWithAHundredThousandTargetsCompiles() {
    StringBuilder b =
        new StringBuilder("(module (func (export \"pick\") (param i32) (result i32)\n");
    b.append("  (block $c (block $b (block $a (local.get 0) (br_table");
    for (int i = 0; i < 100_000; i++) {
      b.append(i % 3 == 0 ? " $a" : i % 3 == 1 ? " $b" : " $c");
    }
    b.append(" $c)) (return (i32.const 10))) (return (i32.const 20))) (i32.const 30)))");
    byte[] wasm = ModuleEncoder.encode(TextParser.parseModule(b.toString()));
    ModuleClasses classes = emit(wasm);
    assertEquals(1, classes.compiled().cardinality());
    for (MethodSizes.MethodSize m : methods(classes.classes())) {
      assertSmall(m);
    }
    var pick = instance(ExecutionEngine.COMPILER, wasm).func("pick").orElseThrow().asIntUnary();
    assertEquals(10, pick.applyAsInt(0));
    assertEquals(20, pick.applyAsInt(1));
    assertEquals(30, pick.applyAsInt(2));
    assertEquals(20, pick.applyAsInt(99_997));
    assertEquals(30, pick.applyAsInt(100_000));
    assertEquals(30, pick.applyAsInt(-1));
  }

  @Test
  void fiftyThousandLocalsCompile() {
    StringBuilder b = new StringBuilder("(module (func (export \"f\") (param i64) (result i64)");
    b.append(" (local");
    for (int i = 0; i < 50_000 - 1; i++) {
      b.append(" i64");
    }
    b.append(")\n");
    // Touch locals all over the range, so that they cannot all be JVM locals of one method.
    for (int i = 1; i < 50_000; i += 7) {
      b.append("  (local.set ").append(i).append(" (i64.add (local.get ").append(i - 1);
      b.append(") (i64.const ").append(i).append(")))\n");
    }
    b.append("  (local.get 49996)))");
    byte[] wasm = ModuleEncoder.encode(TextParser.parseModule(b.toString()));
    assertEquals(1, emit(wasm).compiled().cardinality());
    var interpreted = instance(ExecutionEngine.INTERPRETER, wasm).func("f").orElseThrow();
    var compiled = instance(ExecutionEngine.COMPILER, wasm).func("f").orElseThrow();
    assertEquals(interpreted.call(WasmValue.i64(3)), compiled.call(WasmValue.i64(3)));
  }

  @Test
  void aTrapInAPieceReportsOneFrameForItsFunctionAtTheRightOffset() {
    StringBuilder b = new StringBuilder("(module (memory 1)\n");
    b.append("  (func $big (export \"big\") (param i32) (result i32) (local $a i32)\n");
    for (int i = 0; i < 6_000; i++) {
      b.append("    (local.set $a (i32.add (local.get $a) (i32.load (i32.const ")
          .append(i % 100 * 4)
          .append("))))\n");
    }
    b.append("    (i32.load (local.get 0)))\n");
    b.append("  (func (export \"outer\") (param i32) (result i32) (call $big (local.get 0))))");
    byte[] wasm = ModuleEncoder.encode(TextParser.parseModule(b.toString()));
    assertEveryFunctionCompiledAndEveryMethodSmall(wasm, 2);
    List<WasmStackFrame> expected = trapFrames(ExecutionEngine.INTERPRETER, wasm);
    List<WasmStackFrame> actual = trapFrames(ExecutionEngine.COMPILER, wasm);
    assertEquals(2, actual.size(), actual.toString());
    assertEquals(expected, actual);
  }

  private static List<WasmStackFrame> trapFrames(ExecutionEngine kind, byte[] wasm) {
    var outer = instance(kind, wasm).func("outer").orElseThrow().asIntUnary();
    try {
      outer.applyAsInt(70_000);
      throw new AssertionError("no trap");
    } catch (Trap t) {
      assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
      return t.wasmStackTrace();
    }
  }
}

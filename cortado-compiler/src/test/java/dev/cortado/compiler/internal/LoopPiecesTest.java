package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import org.junit.jupiter.api.Test;

/**
 * A big function that runs several loops one after another, and is not itself called over and over,
 * has each outermost loop compiled as a method of its own (a piece), so that HotSpot compiles each
 * loop alone; it computes what the interpreter computes. The same function called from a loop, or
 * through a table or a global, stays whole. A function that runs once per run of its one caller has
 * even a single loop cut out, from a smaller size.
 */
class LoopPiecesTest {
  /**
   * {@code $main}: four loops in a row over memory, each summing many loads, the last one nested;
   * params and locals shared between them; an early return from the third.
   */
  private static String main() {
    StringBuilder w = new StringBuilder();
    w.append(
        "(func $main (export \"main\") (param $n i32) (result i64)"
            + " (local $i i32) (local $j i32) (local $acc i64) (local $t i32)\n");
    for (int loop = 0; loop < 4; loop++) {
      w.append("(local.set $i (i32.const 0))\n");
      w.append("(block $done").append(loop).append(" (loop $next").append(loop).append('\n');
      w.append("(local.set $t (i32.const ").append(loop).append("))\n");
      for (int k = 0; k < 40; k++) {
        w.append("(local.set $t (i32.add (local.get $t) (i32.mul (i32.load offset=")
            .append(4 * k)
            .append(" (i32.and (i32.shl (local.get $i) (i32.const 2)) (i32.const 1023)))")
            .append(" (i32.const ")
            .append(k + 3 * loop + 1)
            .append("))))\n");
      }
      if (loop == 2) {
        // Leaves the function from inside the loop when the sum is a multiple of 1,000.
        w.append(
            "(if (i32.eqz (i32.rem_u (local.get $t) (i32.const 1000)))"
                + " (then (return (i64.extend_i32_u (local.get $t)))))\n");
      }
      if (loop == 3) {
        w.append(
            "(local.set $j (i32.const 0)) (loop $inner (local.set $acc (i64.add (local.get $acc)"
                + " (i64.extend_i32_u (local.get $j)))) (br_if $inner (i32.lt_u (local.tee $j"
                + " (i32.add (local.get $j) (i32.const 1))) (i32.const 5))))\n");
      }
      w.append("(local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31))")
          .append(" (i64.extend_i32_u (local.get $t))))\n");
      w.append("(br_if $next")
          .append(loop)
          .append(" (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))")
          .append(" (local.get $n)))))\n");
    }
    return w.append("(local.get $acc))\n").toString();
  }

  /**
   * {@code $main}: one loop over memory holding an inner loop, about 2,000 bytes of code: too small
   * for the rule of several loops, and a single loop anyway.
   */
  private static String nest() {
    StringBuilder w = new StringBuilder();
    w.append(
        "(func $main (export \"main\") (param $n i32) (result i64)"
            + " (local $i i32) (local $j i32) (local $acc i64) (local $t i32)\n"
            + "(loop $next\n");
    for (int k = 0; k < 80; k++) {
      w.append("(local.set $t (i32.add (local.get $t) (i32.mul (i32.load offset=")
          .append(4 * k)
          .append(" (i32.and (i32.shl (local.get $i) (i32.const 2)) (i32.const 1023)))")
          .append(" (i32.const ")
          .append(k + 1)
          .append("))))\n");
    }
    w.append(
        "(local.set $j (i32.const 0)) (loop $inner (local.set $acc (i64.add (local.get $acc)"
            + " (i64.extend_i32_u (i32.add (local.get $t) (local.get $j))))) (br_if $inner"
            + " (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 5))))\n"
            + "(br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))"
            + " (local.get $n))))\n");
    return w.append("(local.get $acc))\n").toString();
  }

  private static final String MEMORY =
      "(memory 1) (data (i32.const 0) \"\\01\\02\\03\\05\\08\\0d\\15\\22\\37\\59\\90\\e9\")\n";

  private static final String ONCE = "(module " + MEMORY + main() + ")";

  private static final String IN_A_LOOP =
      "(module "
          + MEMORY
          + main()
          + "(func (export \"driver\") (result i64) (local $k i32) (local $s i64)"
          + " (loop $l (local.set $s (i64.add (local.get $s) (call $main (local.get $k))))"
          + " (br_if $l (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1)))"
          + " (i32.const 3)))) (local.get $s)))";

  private static final String IN_A_TABLE =
      "(module " + MEMORY + main() + "(table 1 funcref) (elem (i32.const 0) $main))";

  private static final String IN_A_GLOBAL =
      "(module " + MEMORY + main() + "(global funcref (ref.func $main)))";

  private static final String NEST_ONCE =
      "(module "
          + MEMORY
          + nest()
          + "(func (export \"start\") (result i64) (call $main (i32.const 9))))";

  private static final String NEST_CALLED_TWICE =
      "(module "
          + MEMORY
          + nest()
          + "(func (export \"a\") (result i64) (call $main (i32.const 9)))"
          + "(func (export \"b\") (result i64) (call $main (i32.const 2))))";

  private static boolean piecesOfMain(String wat) {
    var module = Validator.validate(TextParser.parseModule(wat));
    var classes = ModuleClasses.emit(module, "ef".repeat(32));
    assertTrue(classes.compiled().get(0), "main is compiled");
    // Pieces of defined function 0 live in classes of their own, named after it.
    return classes.classes().keySet().stream().anyMatch(name -> name.endsWith("P0_0"));
  }

  @Test
  void theLoopsOfAFunctionCalledOnceArePiecesAndComputeWhatTheInterpreterDoes() {
    assertTrue(piecesOfMain(ONCE));
    Fixtures.assertCompiledAgrees(ONCE, "main", 0, 1, 7, 300);
  }

  @Test
  void aFunctionCalledInALoopOrThroughATableOrAGlobalStaysWhole() {
    assertFalse(piecesOfMain(IN_A_LOOP));
    assertFalse(piecesOfMain(IN_A_TABLE));
    assertFalse(piecesOfMain(IN_A_GLOBAL));
    Instance compiled = Fixtures.instance(ExecutionEngine.COMPILER, IN_A_LOOP);
    Instance interpreted = Fixtures.instance(ExecutionEngine.INTERPRETER, IN_A_LOOP);
    assertEquals(
        interpreted.func("driver").orElseThrow().call(),
        compiled.func("driver").orElseThrow().call());
  }

  @Test
  void theOneLoopOfAFunctionRunOnceByItsOneCallerIsAPieceAndComputesWhatTheInterpreterDoes() {
    assertTrue(piecesOfMain(NEST_ONCE));
    Fixtures.assertCompiledAgrees(NEST_ONCE, "main", 0, 1, 9, 300);
  }

  @Test
  void aFunctionWithOneLoopCalledFromTwoPlacesStaysWhole() {
    assertFalse(piecesOfMain(NEST_CALLED_TWICE));
  }
}

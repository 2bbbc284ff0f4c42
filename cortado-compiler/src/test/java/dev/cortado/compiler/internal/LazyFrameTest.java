package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.testing.AllocatedBytes;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A function cut into pieces makes its frame (the arrays its locals pass through to its pieces)
 * only on the way to its first piece: a call that returns before reaching one allocates nothing.
 */
class LazyFrameTest {
  /**
   * {@code f(x)}: 7 at once when x is 0; else a long computation over locals, in a block, that the
   * compiler must cut into pieces, the locals crossing between them.
   */
  private static byte[] earlyReturnThenLongTail(int terms) {
    StringBuilder b = new StringBuilder("(module\n");
    b.append(
        "  (func $f (export \"f\") (param $x i32) (result i32) (local $a i32) (local $b i32)\n");
    b.append("    (if (i32.eqz (local.get $x)) (then (return (i32.const 7))))\n");
    b.append("    (local.set $a (local.get $x))\n    (block $tail\n");
    for (int i = 0; i < terms; i++) {
      b.append("    (local.set $b (i32.xor (local.get $a) (i32.const ")
          .append(i * 7919)
          .append(")))\n");
      b.append("    (local.set $a (i32.add (local.get $b) (i32.const 3)))\n");
    }
    b.append("    )\n    (local.get $a)))");
    return ModuleEncoder.encode(TextParser.parseModule(b.toString()));
  }

  private static IntUnaryOperator f(ExecutionEngine kind, byte[] wasm) {
    Engine engine =
        Engine.create(EngineConfig.defaults().withExecutionEngine(kind).withoutCodeCache());
    return Linker.create()
        .instantiate(Store.create(engine), Module.compile(engine, wasm))
        .func("f")
        .orElseThrow()
        .asIntUnary();
  }

  /** Returns the bytes this thread allocated running {@code r}. */
  private static long allocatedBy(Runnable r) {
    long before = AllocatedBytes.sofar();
    r.run();
    return AllocatedBytes.sofar() - before;
  }

  @Test
  void aSplitFunctionComputesWhatTheInterpreterDoesOnBothPaths() {
    byte[] wasm = earlyReturnThenLongTail(6_000);
    IntUnaryOperator interpreted = f(ExecutionEngine.INTERPRETER, wasm);
    IntUnaryOperator compiled = f(ExecutionEngine.COMPILER, wasm);
    for (int x : new int[] {0, 1, 5, -3, 0, 12345}) {
      assertEquals(interpreted.applyAsInt(x), compiled.applyAsInt(x), "f(" + x + ")");
    }
  }

  @Test
  void aCallThatReachesNoPieceAllocatesNoFrame() {
    assumeTrue(AllocatedBytes.sofar() >= 0, "this JVM does not count allocated bytes per thread");
    byte[] wasm = earlyReturnThenLongTail(6_000);
    IntUnaryOperator compiled = f(ExecutionEngine.COMPILER, wasm);
    ModuleClasses classes =
        ModuleClasses.emit(Validator.validate(ModuleDecoder.decode(wasm)), "0".repeat(64));
    assertTrue(
        classes.classes().keySet().stream().anyMatch(n -> n.contains("P0_")),
        "the function is cut into pieces: " + classes.classes().keySet());
    int calls = 50_000;
    long early =
        allocatedBy(
            () -> {
              for (int i = 0; i < calls; i++) compiled.applyAsInt(0);
            });
    long late =
        allocatedBy(
            () -> {
              for (int i = 0; i < calls / 100; i++) compiled.applyAsInt(1);
            });
    // A frame is 48 bytes here: a few hundred kilobytes if each call made one. The calls that
    // reach the pieces make theirs.
    assertTrue(early < calls * 8L, early + " bytes allocated by " + calls + " calls");
    assertTrue(late >= calls / 100 * 40L, late + " bytes allocated by " + calls / 100 + " calls");
  }
}

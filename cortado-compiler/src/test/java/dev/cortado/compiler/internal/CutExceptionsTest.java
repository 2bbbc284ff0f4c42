package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Functions that catch exceptions and are too large for one method are cut into pieces like any
 * other: a handler in one method sees the locals a piece wrote before the throw (a piece stores
 * them to the frame as the exception leaves it), and handlers inside pieces branch out of them.
 */
class CutExceptionsTest {
  private static final int WORK = 400;
  private static final int TRIES = 150;

  private static final String WAT =
      """
      (module
        (tag $e (param i32))
        (func $throw (param i32) (throw $e (local.get 0)))
        (func (export "tryTable") (param $i i32) (result i32) (local $acc i32)
          (block $h (result i32)
            (try_table (catch $e $h)
              %1$s
              (if (i32.eq (local.get $i) (i32.const 3)) (then (call $throw (local.get $acc))))
              %1$s)
            (return (local.get $acc)))
          ;; the exception's value and the local, written by a piece before the throw
          (i32.add (local.get $acc)))
        (func (export "legacy") (param $i i32) (result i32) (local $acc i32)
          (try (result i32)
            (do
              %1$s
              (if (i32.eq (local.get $i) (i32.const 3)) (then (call $throw (local.get $acc))))
              %1$s
              (local.get $acc))
            (catch $e
              %1$s
              (i32.add (local.get $acc)))))
        (func (export "tryInPieces") (param $i i32) (result i32) (local $acc i32)
          %1$s
          (block $out (result i32)
            %2$s
            (local.get $acc))))
      """
          .formatted(Fixtures.work(WORK), tries(TRIES));

  /** {@code n} small try_tables, each catching what it throws on odd {@code $i} and adding it. */
  private static String tries(int n) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < n; k++) {
      b.append(
          """
              (block $c%1$d (result i32)
                (try_table (catch $e $c%1$d)
                  (if (i32.and (local.get $i) (i32.const 1))
                    (then (call $throw (i32.const %1$d))))
                  (local.set $acc (i32.add (local.get $acc) (i32.const 1))))
                (i32.const 0))
              (local.set $acc (i32.add (local.get $acc)))
              """
              .formatted(k));
    }
    return b.toString();
  }

  private static int call(String name, int arg) {
    Engine engine = Fixtures.compilerEngine();
    Instance i = Linker.create().instantiate(Store.create(engine), Module.compileText(engine, WAT));
    return ((WasmValue.I32) i.func(name).orElseThrow().call(WasmValue.i32(arg)).get(0)).value();
  }

  @Test
  void theFunctionsAreCompiledAndCut() {
    // Below about 350 bytes a try's handler and piece calls leave too little room: the planner
    // gives up and the function runs in the interpreter (still correct, as the other tests show).
    assumeTrue(FunctionSplitter.LIMIT >= 350, "methods cut too small to hold a try");
    Fixtures.assertEveryFunctionCompiled(WAT);
    Map<String, byte[]> classes =
        ModuleClasses.emit(Validator.validate(TextParser.parseModule(WAT)), "cd".repeat(32))
            .classes();
    for (int defined = 1; defined <= 3; defined++) {
      String piecePrefix = "P" + defined + "_";
      assertTrue(
          classes.keySet().stream().anyMatch(n -> n.contains(piecePrefix)),
          "function " + defined + " was cut: " + classes.keySet());
    }
  }

  @Test
  void aHandlerSeesTheLocalsAPieceWroteBeforeTheThrow() {
    assertEquals(2 * Fixtures.sum(1, WORK), call("tryTable", 1));
    assertEquals(2 * Fixtures.sum(3, WORK), call("tryTable", 3));
  }

  @Test
  void aLegacyCatchOfACutFunctionSeesTheLocalsToo() {
    assertEquals(2 * Fixtures.sum(1, WORK), call("legacy", 1));
    // Caught at Fixtures.sum(3, WORK); the catch adds the work again, then the value.
    assertEquals(3 * Fixtures.sum(3, WORK), call("legacy", 3));
  }

  @Test
  void handlersInsidePiecesCatchAndGoOn() {
    // Even: every try adds 1. Odd: every try throws its index, which is added.
    assertEquals(Fixtures.sum(2, WORK) + TRIES, call("tryInPieces", 2));
    assertEquals(Fixtures.sum(1, WORK) + (TRIES - 1) * TRIES / 2, call("tryInPieces", 1));
  }
}

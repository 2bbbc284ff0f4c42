package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Cases where the interpreter's lowering takes shortcuts (values read in place, results written
 * into locals, comparisons fused with branches) and could get them wrong.
 */
class LoweringTest {
  private final Engine engine = Engine.create();
  private final Store store = Store.create(engine);

  private Func func(String wat, String name) {
    return Linker.create()
        .instantiate(store, Module.compileText(engine, wat))
        .func(name)
        .orElseThrow();
  }

  @Test
  void aComparisonKeptInALocalByTeeSurvivesTheBranch() {
    Func f =
        func(
            """
            (module (func (export "f") (param i32) (result i32) (local $c i32)
              (block $b
                (br_if $b (local.tee $c (i32.lt_s (local.get 0) (i32.const 10)))))
              (local.get $c)))
            """,
            "f");
    assertEquals(1, f.asIntUnary().applyAsInt(3));
    assertEquals(0, f.asIntUnary().applyAsInt(30));
  }

  @Test
  void aComparisonBeforeALoopIsNotFusedWithABranchInsideIt() {
    // The loop's first br_if consumes a comparison made before the loop on the first iteration,
    // and the constant 1 on the second: it must run inside the loop, every iteration.
    Func f =
        func(
            """
            (module (func (export "f") (param i32) (result i32) (local $n i32)
              (block $exit
                (i32.eqz (local.get 0))
                (loop $l (param i32)
                  (br_if $exit)
                  (local.set $n (i32.add (local.get $n) (i32.const 1)))
                  (br_if $exit (i32.ge_s (local.get $n) (i32.const 3)))
                  (i32.const 1)
                  (br $l)))
              (local.get $n)))
            """,
            "f");
    assertEquals(1, f.asIntUnary().applyAsInt(5));
    assertEquals(0, f.asIntUnary().applyAsInt(0));
  }

  @Test
  void anEqzBackEdgeStillCountsFuel() {
    Func f =
        func(
            """
            (module (func (export "f") (local $i i32)
              (loop $l (br_if $l (i32.eqz (i32.const 0))))))
            """,
            "f");
    store.setFuel(10_000);
    assertThrows(ExecutionInterruptedException.class, f::call);
  }

  @Test
  void aLocalReadBeforeItChangesKeepsItsOldValue() {
    Func f =
        func(
            """
            (module (func (export "f") (param $x i32) (result i32)
              (local.get $x)
              (local.set $x (i32.add (local.get $x) (i32.const 100)))
              (local.get $x)
              (i32.sub)))
            """,
            "f");
    assertEquals(-100, f.asIntUnary().applyAsInt(7));
  }

  @Test
  void resultsReturnedFromLowLocalsDoNotOverwriteEachOther() {
    Func f =
        func(
            """
            (module (func (export "f") (param i32 i32) (result i32 i32)
              (local.get 1) (local.get 0)))
            """,
            "f");
    assertEquals(
        java.util.List.of(WasmValue.i32(2), WasmValue.i32(1)),
        f.call(WasmValue.i32(1), WasmValue.i32(2)));
  }

  @Test
  void anIfFusedWithItsConditionTakesBothArms() {
    Func f =
        func(
            """
            (module (func (export "f") (param i32) (result i32)
              (if (result i32) (i32.ge_u (local.get 0) (i32.const 5))
                (then (i32.const 1)) (else (i32.const 2)))))
            """,
            "f");
    assertEquals(1, f.asIntUnary().applyAsInt(5));
    assertEquals(2, f.asIntUnary().applyAsInt(4));
    assertEquals(1, f.asIntUnary().applyAsInt(-1));
  }
}

package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.text.TextParser;
import org.junit.jupiter.api.Test;

/**
 * Compiled code reloads its memory after a call only when the callee may grow a memory: what may is
 * found from the bodies, conservatively, and a caller sees a memory a callee grew however deep the
 * growth happened.
 */
class MemoryGrowthTest {
  // Function indexes: 0 the import, then 1 $leaf, 2 $grows, 3 $callsGrows, 4 $callsLeaf,
  // 5 $callsImport, 6 $indirect, 7 $ping, 8 $pong, 9 $self, 10 $selfGrows.
  private static final String WAT =
      """
      (module
        (import "host" "f" (func $host))
        (memory 1)
        (table 1 funcref)
        (type $v (func))
        (func $leaf (i32.store (i32.const 0) (i32.const 1)))
        (func $grows (drop (memory.grow (i32.const 1))))
        (func $callsGrows (call $grows))
        (func $callsLeaf (call $leaf) (call $leaf))
        (func $callsImport (call $host))
        (func $indirect (call_indirect (type $v) (i32.const 0)))
        (func $ping (call $pong))
        (func $pong (call $ping))
        (func $self (param i32) (if (local.get 0) (then (call $self (i32.const 0)))))
        (func $selfGrows (param i32)
          (if (local.get 0) (then (call $selfGrows (i32.const 0))))
          (call $callsGrows)))
      """;

  @Test
  void onlyBodiesThatCannotReachAGrowthStay() {
    MemoryGrowth growth = new MemoryGrowth(TextParser.parseModule(WAT));
    assertTrue(growth.mayGrow(0), "an import: the host may grow it");
    assertFalse(growth.mayGrow(1), "a leaf");
    assertTrue(growth.mayGrow(2), "memory.grow");
    assertTrue(growth.mayGrow(3), "a call of a function that grows");
    assertFalse(growth.mayGrow(4), "calls of a leaf");
    assertTrue(growth.mayGrow(5), "a call of an import");
    assertTrue(growth.mayGrow(6), "call_indirect: any function may answer");
    // A cycle through other functions is answered conservatively.
    assertTrue(growth.mayGrow(7));
    assertTrue(growth.mayGrow(8));
    // A function calling itself is answered by the rest of its body.
    assertFalse(growth.mayGrow(9));
    assertTrue(growth.mayGrow(10));
  }

  @Test
  void aCallChainDeeperThanTheLimitMayGrowAndAShallowerOneStays() {
    assertFalse(new MemoryGrowth(chain(MemoryGrowth.DEPTH)).mayGrow(0));
    assertTrue(new MemoryGrowth(chain(MemoryGrowth.DEPTH + 1)).mayGrow(0));
    // Asked from nearer the end first, the same chain is answered from what is recorded.
    MemoryGrowth growth = new MemoryGrowth(chain(MemoryGrowth.DEPTH + 1));
    assertFalse(growth.mayGrow(MemoryGrowth.DEPTH));
    assertFalse(growth.mayGrow(0));
  }

  // Functions 0..n-1, each calling the next; the last stores and returns.
  private static WasmModule chain(int n) {
    StringBuilder wat = new StringBuilder("(module (memory 1)");
    for (int i = 0; i < n - 1; i++) {
      wat.append("(func (call ").append(i + 1).append("))");
    }
    wat.append("(func (i32.store (i32.const 0) (i32.const 7))))");
    return TextParser.parseModule(wat.toString());
  }

  @Test
  void aCallerSeesTheMemoryItsCalleesGrewAndKeepsItsOwnAcrossOtherCalls() {
    String wat =
        """
        (module
          (memory (export "memory") 1)
          (func $leaf (param i32) (i32.store (local.get 0) (i32.const 5)))
          (func $grows (result i32) (memory.grow (i32.const 2)))
          (func $middle (result i32) (call $grows))
          (func $outer (result i32) (call $middle))
          ;; Grows at the bottom of its recursion; every level writes the new page on the way up.
          (func $recursive (param i32)
            (if (local.get 0)
              (then
                (call $recursive (i32.sub (local.get 0) (i32.const 1)))
                (i32.store (i32.const 262140)
                  (i32.add (i32.load (i32.const 262140)) (local.get 0))))
              (else (drop (memory.grow (i32.const 1))))))
          (func (export "run") (result i32)
            (local $i i32) (local $sum i32)
            ;; A loop around calls that cannot grow the memory.
            (loop $again
              (call $leaf (i32.mul (local.get $i) (i32.const 4)))
              (local.set $sum (i32.add (local.get $sum)
                (i32.load (i32.mul (local.get $i) (i32.const 4)))))
              (br_if $again (i32.lt_u
                (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 100))))
            ;; Grown three calls down; the next pages are writable here at once.
            (drop (call $outer))
            (i32.store (i32.const 131068) (i32.const 41))
            (call $leaf (i32.const 196604))
            (call $recursive (i32.const 10))
            (i32.add (i32.add (local.get $sum) (i32.load (i32.const 262140)))
              (i32.add (i32.load (i32.const 131068)) (i32.load (i32.const 196604))))))
        """;
    for (ExecutionEngine kind :
        new ExecutionEngine[] {ExecutionEngine.COMPILER, ExecutionEngine.INTERPRETER}) {
      Engine engine =
          Engine.create(EngineConfig.defaults().withExecutionEngine(kind).withoutCodeCache());
      Instance i =
          Linker.create().instantiate(Store.create(engine), Module.compileText(engine, wat));
      assertEquals(
          WasmValue.i32(500 + 55 + 41 + 5), i.func("run").orElseThrow().call().get(0), kind.name());
      assertEquals(4 * 65536, i.memory("memory").orElseThrow().size(), kind.name());
    }
  }
}

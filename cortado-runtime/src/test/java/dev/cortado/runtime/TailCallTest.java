package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code return_call} and {@code return_call_indirect} on the interpreter: constant space, the fuel
 * check, traps and host callees.
 */
class TailCallTest {
  private static final String MODULE =
      """
      (module
        (import "env" "twice" (func $twice (param i64) (result i64)))
        (type $i64->i32 (func (param i64) (result i32)))
        (table funcref (elem $even $odd))
        (func $count (export "count") (param $n i64) (param $acc i64) (result i64)
          (if (result i64) (i64.eqz (local.get $n))
            (then (local.get $acc))
            (else
              (return_call $count
                (i64.sub (local.get $n) (i64.const 1))
                (i64.add (local.get $acc) (i64.const 1))))))
        (func $even (export "even") (param $n i64) (result i32)
          (if (result i32) (i64.eqz (local.get $n))
            (then (i32.const 1))
            (else (return_call $odd (i64.sub (local.get $n) (i64.const 1))))))
        (func $odd (export "odd") (param $n i64) (result i32)
          (if (result i32) (i64.eqz (local.get $n))
            (then (i32.const 0))
            (else
              (return_call_indirect (type $i64->i32)
                (i64.sub (local.get $n) (i64.const 1)) (i32.const 0)))))
        (func $forever (export "forever") (return_call $forever))
        (func $divide (param $a i32) (param $b i32) (result i32)
          (i32.div_u (local.get $a) (local.get $b)))
        (func $tail-to-divide (param i32) (result i32)
          (return_call $divide (i32.const 1) (local.get 0)))
        (func (export "divide-through-tail-call") (param i32) (result i32)
          (i32.add (i32.const 1) (call $tail-to-divide (local.get 0))))
        (func (export "to-host") (param i64) (result i64)
          (return_call $twice (i64.add (local.get 0) (i64.const 1))))
        (func (export "wrong-type") (result i32)
          (return_call_indirect (result i32) (i32.const 0))))
      """;

  private final Engine engine = Engine.create();

  private Instance instance(Store store) {
    Linker linker = Linker.create();
    linker.define(
        "env",
        "twice",
        FuncType.of(List.of(ValType.I64), List.of(ValType.I64)),
        (caller, args, results) -> results.setI64(0, args.i64(0) * 2));
    return linker.instantiate(store, Module.compileText(engine, MODULE));
  }

  /** A store allowing only 8 nested calls: every loop below would need millions. */
  private Store shallowStore() {
    return Store.create(engine, StoreConfig.defaults().withMaxCallDepth(8));
  }

  // About 3 s; with a call-depth limit of 8, a single frame too many per iteration would trap.
  @Test
  void aTailRecursiveLoopOfAHundredMillionCallsRunsInConstantSpace() {
    Func count = instance(shallowStore()).func("count").orElseThrow();
    long n = 100_000_000L;
    assertEquals(List.of(WasmValue.i64(n + 5)), count.call(WasmValue.i64(n), WasmValue.i64(5)));
  }

  @Test
  void mutualTailRecursionThroughATableRunsInConstantSpace() {
    Instance i = instance(shallowStore());
    Func even = i.func("even").orElseThrow();
    Func odd = i.func("odd").orElseThrow();
    assertEquals(List.of(WasmValue.i32(1)), even.call(WasmValue.i64(1_000_000)));
    assertEquals(List.of(WasmValue.i32(1)), odd.call(WasmValue.i64(1_000_001)));
    assertEquals(List.of(WasmValue.i32(0)), even.call(WasmValue.i64(999_999)));
  }

  @Test
  void tailCallsSpendFuel() {
    Store store = Store.create(engine);
    Func forever = instance(store).func("forever").orElseThrow();
    store.setFuel(10_000);
    ExecutionInterruptedException e =
        assertThrows(ExecutionInterruptedException.class, forever::call);
    assertEquals(ExecutionInterruptedException.Reason.OUT_OF_FUEL, e.reason());
  }

  @Test
  void aTrapInATailCalledFunctionShowsItInPlaceOfItsCaller() {
    Func f = instance(Store.create(engine)).func("divide-through-tail-call").orElseThrow();
    assertEquals(List.of(WasmValue.i32(2)), f.call(WasmValue.i32(1)));
    Trap t = assertThrows(Trap.class, () -> f.call(WasmValue.i32(0)));
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, t.kind());
    // $divide (function 5) replaced $tail-to-divide (6), which the export (7) called.
    List<Integer> frames = t.wasmStackTrace().stream().map(WasmStackFrame::functionIndex).toList();
    assertEquals(List.of(5, 7), frames);
  }

  @Test
  void aTailCallToAHostFunctionReturnsItsResults() {
    Func f = instance(Store.create(engine)).func("to-host").orElseThrow();
    assertEquals(List.of(WasmValue.i64(42)), f.call(WasmValue.i64(20)));
  }

  @Test
  void anIndirectTailCallOfTheWrongTypeTraps() {
    Func f = instance(Store.create(engine)).func("wrong-type").orElseThrow();
    Trap t = assertThrows(Trap.class, f::call);
    assertEquals(TrapKind.INDIRECT_CALL_TYPE_MISMATCH, t.kind());
  }
}

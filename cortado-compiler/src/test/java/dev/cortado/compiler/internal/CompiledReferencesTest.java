package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Typed function references in compiled code: {@code call_ref} to compiled functions and through
 * the slots, and {@code br_on_null}, {@code br_on_non_null} and {@code ref.as_non_null} in
 * functions long enough to be cut into pieces when methods are small (the {@code
 * every-function-cut} run), where a branch leaves a piece.
 */
class CompiledReferencesTest {
  private static final String WAT =
      """
      (module
        (type $unary (func (param i32) (result i32)))
        (import "host" "twice" (func $twice (type $unary)))
        (table $t 4 (ref null $unary))
        (elem (table $t) (i32.const 0) (ref null $unary) (ref.func $inc) (ref.func $twice))
        (func $inc (type $unary) (i32.add (local.get 0) (i32.const 1)))
        (func (export "callRef") (param $slot i32) (param $x i32) (result i32)
          (call_ref $unary (local.get $x) (table.get $t (local.get $slot))))
        (func (export "onNull") (param $i i32) (result i32) (local $acc i32)
          (block $null
            (block $body
              %1$s
              (br_on_null $null (table.get $t (local.get $i)))
              (drop)
              %1$s
              (return (local.get $acc))))
          (i32.const -1))
        (func (export "onNonNull") (param $i i32) (result i32) (local $acc i32)
          (local $f (ref null $unary))
          (block $found (result (ref $unary))
            %1$s
            (br_on_non_null $found (table.get $t (local.get $i)))
            %1$s
            (return (local.get $acc)))
          (local.set $f)
          (call_ref $unary (local.get $acc) (local.get $f)))
        (func (export "asNonNull") (param $i i32) (result i32) (local $acc i32)
          %1$s
          (call_ref $unary (local.get $acc) (ref.as_non_null (table.get $t (local.get $i))))))
      """
          .formatted(Fixtures.work(40));

  private static Instance instance() {
    Engine engine = Fixtures.compilerEngine();
    Linker linker = Linker.create();
    linker.define(
        "host",
        "twice",
        FuncType.of(List.of(ValType.I32), List.of(ValType.I32)),
        (caller, args, results) -> results.setI32(0, 2 * args.i32(0)));
    return linker.instantiate(Store.create(engine), Module.compileText(engine, WAT));
  }

  private static int call(Instance i, String name, int... args) {
    WasmValue[] values = new WasmValue[args.length];
    for (int k = 0; k < args.length; k++) {
      values[k] = WasmValue.i32(args[k]);
    }
    return ((WasmValue.I32) i.func(name).orElseThrow().call(values).get(0)).value();
  }

  @Test
  void everyFunctionIsCompiled() {
    Fixtures.assertEveryFunctionCompiled(WAT);
  }

  @Test
  void callRefCallsACompiledFunctionAndAnImportAndTrapsOnNull() {
    Instance i = instance();
    assertEquals(8, call(i, "callRef", 0, 7));
    assertEquals(14, call(i, "callRef", 1, 7));
    Trap t = assertThrows(Trap.class, () -> call(i, "callRef", 2, 7));
    assertEquals(TrapKind.NULL_FUNCTION_REFERENCE, t.kind());
  }

  @Test
  void brOnNullBranchesOnNullOnly() {
    Instance i = instance();
    assertEquals(2 * Fixtures.sum(1, 40), call(i, "onNull", 1));
    assertEquals(-1, call(i, "onNull", 3));
  }

  @Test
  void brOnNonNullBranchesWithTheReference() {
    Instance i = instance();
    // Slot 1 is $twice: the branch carries it, called with the sum so far.
    assertEquals(2 * Fixtures.sum(1, 40), call(i, "onNonNull", 1));
    assertEquals(2 * Fixtures.sum(2, 40), call(i, "onNonNull", 2));
  }

  @Test
  void refAsNonNullTrapsOnNull() {
    Instance i = instance();
    assertEquals(Fixtures.sum(0, 40) + 1, call(i, "asNonNull", 0));
    Trap t = assertThrows(Trap.class, () -> call(i, "asNonNull", 2));
    assertEquals(TrapKind.NULL_REFERENCE, t.kind());
  }
}

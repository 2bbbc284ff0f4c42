package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 64-bit memories and tables (Wasm 3.0 memory64), on the interpreter and the tiered engine (the
 * compiler, which this module's tests cannot see, has CompiledMemoriesTest).
 */
class Memory64Test {
  private static final String WAT =
      """
      (module
        (memory $m i64 1 3)
        (memory $small 1)
        (table $t i64 2 10 funcref)
        (data (memory $m) (i64.const 8) "\\2a\\00\\00\\00")
        (elem (table $t) (i64.const 1) func $seven)
        (type $r (func (result i32)))
        (func $seven (result i32) (i32.const 7))
        (func (export "load") (param i64) (result i32) (i32.load (local.get 0)))
        (func (export "load_far") (param i64) (result i32)
          (i32.load offset=0x1_0000_0000 (local.get 0)))
        (func (export "store") (param i64 i32) (i32.store (local.get 0) (local.get 1)))
        (func (export "size") (result i64) (memory.size))
        (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0)))
        (func (export "fill") (param i64 i32 i64) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
        (func (export "copy_to_small") (param i32 i64 i32)
          (memory.copy $small $m (local.get 0) (local.get 1) (local.get 2)))
        (func (export "load_small") (param i32) (result i32) (i32.load $small (local.get 0)))
        (func (export "call") (param i64) (result i32) (call_indirect $t (type $r) (local.get 0)))
        (func (export "table_size") (result i64) (table.size $t))
        (func (export "table_grow") (param i64) (result i64) (table.grow $t (ref.null func) (local.get 0)))
        (func (export "is_null") (param i64) (result i32) (ref.is_null (table.get $t (local.get 0)))))
      """;

  private static Instance instance(ExecutionEngine kind) {
    return TestInstances.of(kind, WAT);
  }

  private static WasmValue call(Instance i, String name, WasmValue... args) {
    List<WasmValue> results = i.func(name).orElseThrow().call(args);
    return results.isEmpty() ? WasmValue.i32(0) : results.get(0);
  }

  private static void assertTraps(TrapKind kind, Runnable r) {
    assertEquals(kind, assertThrows(Trap.class, r::run).kind());
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"INTERPRETER", "AUTO"})
  void addressesAreI64AndBoundsHoldForEveryValue(ExecutionEngine kind) {
    Instance i = instance(kind);
    assertEquals(WasmValue.i32(42), call(i, "load", WasmValue.i64(8)));
    call(i, "store", WasmValue.i64(65532), WasmValue.i32(5));
    assertEquals(WasmValue.i32(5), call(i, "load", WasmValue.i64(65532)));
    TrapKind oob = TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS;
    // Past the end, past 2^32 (which a 32-bit truncation would wrap to 8), and past 2^63.
    assertTraps(oob, () -> call(i, "load", WasmValue.i64(65533)));
    assertTraps(oob, () -> call(i, "load", WasmValue.i64((1L << 32) + 8)));
    assertTraps(oob, () -> call(i, "load", WasmValue.i64(-8)));
    assertTraps(oob, () -> call(i, "load_far", WasmValue.i64(0)));
    assertTraps(
        oob, () -> call(i, "fill", WasmValue.i64(1L << 32), WasmValue.i32(1), WasmValue.i64(0)));
    assertTraps(
        oob, () -> call(i, "fill", WasmValue.i64(0), WasmValue.i32(1), WasmValue.i64(1L << 32)));
    assertTraps(
        oob, () -> call(i, "copy_to_small", WasmValue.i32(0), WasmValue.i64(-1), WasmValue.i32(1)));
    call(i, "copy_to_small", WasmValue.i32(100), WasmValue.i64(8), WasmValue.i32(4));
    assertEquals(WasmValue.i32(42), call(i, "load_small", WasmValue.i32(100)));
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"INTERPRETER", "AUTO"})
  void sizesAndGrowthAreI64(ExecutionEngine kind) {
    Instance i = instance(kind);
    assertEquals(WasmValue.i64(1), call(i, "size"));
    assertEquals(WasmValue.i64(-1), call(i, "grow", WasmValue.i64(1L << 32)));
    assertEquals(WasmValue.i64(-1), call(i, "grow", WasmValue.i64(3)));
    assertEquals(WasmValue.i64(1), call(i, "grow", WasmValue.i64(2)));
    assertEquals(WasmValue.i64(3), call(i, "size"));
    assertEquals(WasmValue.i32(0), call(i, "load", WasmValue.i64(3 * 65536 - 4)));
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"INTERPRETER", "AUTO"})
  void tableIndexesAreI64(ExecutionEngine kind) {
    Instance i = instance(kind);
    assertEquals(WasmValue.i32(7), call(i, "call", WasmValue.i64(1)));
    assertTraps(TrapKind.UNINITIALIZED_ELEMENT, () -> call(i, "call", WasmValue.i64(0)));
    assertTraps(TrapKind.UNDEFINED_ELEMENT, () -> call(i, "call", WasmValue.i64((1L << 32) + 1)));
    assertEquals(WasmValue.i64(2), call(i, "table_size"));
    assertEquals(WasmValue.i64(-1), call(i, "table_grow", WasmValue.i64(1L << 32)));
    assertEquals(WasmValue.i64(2), call(i, "table_grow", WasmValue.i64(3)));
    assertEquals(WasmValue.i32(1), call(i, "is_null", WasmValue.i64(4)));
    assertTraps(
        TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, () -> call(i, "is_null", WasmValue.i64(1L << 33)));
  }
}

package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several memories in one module (Wasm 3.0 multi-memory), on the interpreter and the tiered engine
 * (the compiler, which this module's tests cannot see, has CompiledMemoriesTest).
 */
class MultiMemoryTest {
  private static final String WAT =
      """
      (module
        (memory $a (export "a") 1)
        (memory $b (export "b") 2 3)
        (data (memory $b) (i32.const 16) "\\01\\02\\03\\04")
        (data $passive "\\aa\\bb")
        (func (export "load_b") (param i32) (result i32) (i32.load $b (local.get 0)))
        (func (export "load_a") (param i32) (result i32) (i32.load $a (local.get 0)))
        (func (export "store_b") (param i32 i32) (i32.store $b offset=4 (local.get 0) (local.get 1)))
        (func (export "copy_b_to_a") (param i32 i32 i32)
          (memory.copy $a $b (local.get 0) (local.get 1) (local.get 2)))
        (func (export "init_b") (param i32)
          (memory.init $b $passive (local.get 0) (i32.const 0) (i32.const 2)))
        (func (export "fill_b") (param i32 i32 i32)
          (memory.fill $b (local.get 0) (local.get 1) (local.get 2)))
        (func (export "sizes") (result i32 i32) (memory.size $a) (memory.size $b))
        (func (export "grow_b") (param i32) (result i32) (memory.grow $b (local.get 0)))
        (func (export "lane_b") (param i32) (result i32)
          (i32x4.extract_lane 1
            (v128.load32_lane $b 1 (local.get 0) (v128.const i32x4 0 0 0 0)))))
      """;

  private static Instance instance(ExecutionEngine kind) {
    return TestInstances.of(kind, WAT);
  }

  private static int call(Instance i, String name, int... args) {
    WasmValue[] values = new WasmValue[args.length];
    for (int k = 0; k < args.length; k++) {
      values[k] = WasmValue.i32(args[k]);
    }
    List<WasmValue> results = i.func(name).orElseThrow().call(values);
    return results.isEmpty() ? 0 : ((WasmValue.I32) results.get(0)).value();
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"INTERPRETER", "AUTO"})
  void eachInstructionReachesItsOwnMemory(ExecutionEngine kind) {
    Instance i = instance(kind);
    assertEquals(0x04030201, call(i, "load_b", 16));
    assertEquals(0, call(i, "load_a", 16));
    call(i, "store_b", 100, 0x11223344);
    assertEquals(0x11223344, call(i, "load_b", 104));
    assertEquals(0, call(i, "load_a", 104));
    assertEquals(0x04030201, call(i, "lane_b", 16));

    call(i, "copy_b_to_a", 8, 16, 4);
    assertEquals(0x04030201, call(i, "load_a", 8));
    call(i, "init_b", 200);
    assertEquals(0xbbaa, call(i, "load_b", 200) & 0xFFFF);
    call(i, "fill_b", 300, 7, 4);
    assertEquals(0x07070707, call(i, "load_b", 300));
    Memory a = i.memory("a").orElseThrow();
    Memory b = i.memory("b").orElseThrow();
    assertArrayEquals(new byte[] {1, 2, 3, 4}, a.read(8, 4));
    assertArrayEquals(new byte[] {7, 7, 7, 7}, b.read(300, 4));
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"INTERPRETER", "AUTO"})
  void boundsAndGrowthArePerMemory(ExecutionEngine kind) {
    Instance i = instance(kind);
    List<WasmValue> sizes = i.func("sizes").orElseThrow().call();
    assertEquals(List.of(WasmValue.i32(1), WasmValue.i32(2)), sizes);
    // Memory b has two pages, memory a one: an address in b's second page is out of a's bounds.
    assertEquals(0, call(i, "load_b", 65536 + 8));
    Trap t = assertThrows(Trap.class, () -> call(i, "load_a", 65536 + 8));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
    assertEquals(2, call(i, "grow_b", 1));
    assertEquals(-1, call(i, "grow_b", 1));
    assertEquals(0, call(i, "load_b", 2 * 65536 + 8));
    assertThrows(Trap.class, () -> call(i, "copy_b_to_a", 65536 - 8, 0, 16));
    assertThrows(Trap.class, () -> call(i, "copy_b_to_a", 0, 3 * 65536 - 8, 16));
  }
}

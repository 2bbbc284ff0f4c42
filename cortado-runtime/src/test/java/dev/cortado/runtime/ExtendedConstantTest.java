package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extended constant expressions evaluated at instantiation. */
class ExtendedConstantTest {
  private final Engine engine = Engine.create();
  private final Store store = Store.create(engine);

  private Instance instantiate(Linker linker, String wat) {
    return linker.instantiate(store, Module.compileText(engine, wat));
  }

  private static WasmValue global(Instance i, String name) {
    return i.global(name).orElseThrow().get();
  }

  @Test
  void globalsAreComputedFromImportedAndEarlierGlobals() {
    Linker linker = Linker.create();
    linker.define(
        "env",
        "base",
        Global.create(store, new GlobalType(ValType.I32, false), WasmValue.i32(100)));
    Instance i =
        instantiate(
            linker,
            """
            (module
              (global $base (import "env" "base") i32)
              (global $a (export "a") i32 (i32.add (global.get $base) (i32.const 23)))
              (global $b (export "b") i32 (i32.mul (global.get $a) (i32.const 2)))
              (global (export "c") i32 (i32.sub (i32.const 0) (global.get $b)))
              (global (export "d") i64
                (i64.sub (i64.mul (i64.const 0x1_0000_0000) (i64.const 3)) (i64.const 1))))
            """);
    assertEquals(WasmValue.i32(123), global(i, "a"));
    assertEquals(WasmValue.i32(246), global(i, "b"));
    assertEquals(WasmValue.i32(-246), global(i, "c"));
    assertEquals(WasmValue.i64(0x3_0000_0000L - 1), global(i, "d"));
  }

  @Test
  void i32ArithmeticWrapsAround() {
    Instance i =
        instantiate(
            Linker.create(),
            """
            (module
              (global (export "sum") i32 (i32.add (i32.const 0x7fff_ffff) (i32.const 1)))
              (global (export "product") i32 (i32.mul (i32.const 0x10000) (i32.const 0x10000)))
              (global (export "difference") i64
                (i64.sub (i64.const 0x8000_0000_0000_0000) (i64.const 1))))
            """);
    assertEquals(WasmValue.i32(Integer.MIN_VALUE), global(i, "sum"));
    assertEquals(WasmValue.i32(0), global(i, "product"));
    assertEquals(WasmValue.i64(Long.MAX_VALUE), global(i, "difference"));
  }

  @Test
  void segmentOffsetsAreComputed() {
    Instance i =
        instantiate(
            Linker.create(),
            """
            (module
              (global $at i32 (i32.const 4))
              (memory (export "mem") 1)
              (data (offset (i32.add (global.get $at) (i32.mul (i32.const 2) (i32.const 3))))
                "hi")
              (table 8 funcref)
              (func $seven (result i32) (i32.const 7))
              (elem (offset (i32.sub (global.get $at) (i32.const 1))) func $seven)
              (func (export "call") (param i32) (result i32)
                (call_indirect (result i32) (local.get 0))))
            """);
    Memory mem = i.memory("mem").orElseThrow();
    assertEquals("hi", mem.readUtf8(10, 2));
    assertEquals(List.of(WasmValue.i32(7)), i.func("call").orElseThrow().call(WasmValue.i32(3)));
  }

  @Test
  void aComputedOffsetOutOfBoundsTraps() {
    Trap t =
        assertThrows(
            Trap.class,
            () ->
                instantiate(
                    Linker.create(),
                    """
                    (module
                      (memory 1)
                      (data (i32.mul (i32.const 0x1000) (i32.const 0x10)) "x"))
                    """));
    assertTrue(t.problem().startsWith("out of bounds memory access"), t.problem());
  }
}

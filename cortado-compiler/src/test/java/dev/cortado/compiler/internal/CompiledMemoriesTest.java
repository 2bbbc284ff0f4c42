package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several memories and 64-bit memories and tables (Wasm 3.0) are compiled, not left to the
 * interpreter: memory 0 in the method's locals, the others fetched per access, i64 operands clamped
 * to u32s.
 */
class CompiledMemoriesTest {
  private static final String WAT =
      """
      (module
        (memory $a 1)
        (memory $w i64 1 4)
        (table $t i64 3 funcref)
        (elem (table $t) (i64.const 2) func $nine)
        (type $r (func (result i32)))
        (func $nine (result i32) (i32.const 9))
        (func (export "store_wide") (param i64 i32) (i32.store $w (local.get 0) (local.get 1)))
        (func (export "load_wide") (param i64) (result i32) (i32.load $w (local.get 0)))
        (func (export "store_a") (param i32 i32) (i32.store $a (local.get 0) (local.get 1)))
        (func (export "load_a") (param i32) (result i32) (i32.load $a (local.get 0)))
        (func (export "v128_wide") (param i64) (result i64)
          (i64x2.extract_lane 0 (v128.load $w (local.get 0))))
        (func (export "copy") (param i32 i64 i32)
          (memory.copy $a $w (local.get 0) (local.get 1) (local.get 2)))
        (func (export "fill_wide") (param i64 i32 i64)
          (memory.fill $w (local.get 0) (local.get 1) (local.get 2)))
        (func (export "grow_wide") (param i64) (result i64) (memory.grow $w (local.get 0)))
        (func (export "size_wide") (result i64) (memory.size $w))
        (func (export "call") (param i64) (result i32) (call_indirect $t (type $r) (local.get 0)))
        (func (export "set_null") (param i64) (table.set $t (local.get 0) (ref.null func)))
        (func (export "grow_table") (param i64) (result i64)
          (table.grow $t (ref.null func) (local.get 0))))
      """;

  private static Instance instance() {
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(ExecutionEngine.COMPILER)
                .withoutCodeCache());
    return Linker.create().instantiate(Store.create(engine), Module.compileText(engine, WAT));
  }

  private static WasmValue call(Instance i, String name, WasmValue... args) {
    List<WasmValue> r = i.func(name).orElseThrow().call(args);
    return r.isEmpty() ? WasmValue.i32(0) : r.get(0);
  }

  private static void traps(TrapKind kind, Instance i, String name, WasmValue... args) {
    assertEquals(kind, assertThrows(Trap.class, () -> call(i, name, args)).kind());
  }

  @Test
  void everyFunctionIsCompiled() {
    var module = Validator.validate(TextParser.parseModule(WAT));
    assertEquals(
        module.module().functions().size(),
        ModuleClasses.emit(module, "cd".repeat(32)).compiled().cardinality());
  }

  @Test
  void accessesReachTheirMemoryWithinItsBounds() {
    Instance i = instance();
    call(i, "store_wide", WasmValue.i64(100), WasmValue.i32(7));
    call(i, "store_a", WasmValue.i32(100), WasmValue.i32(5));
    assertEquals(WasmValue.i32(7), call(i, "load_wide", WasmValue.i64(100)));
    assertEquals(WasmValue.i32(5), call(i, "load_a", WasmValue.i32(100)));
    assertEquals(WasmValue.i64(7), call(i, "v128_wide", WasmValue.i64(100)));
    call(i, "copy", WasmValue.i32(200), WasmValue.i64(100), WasmValue.i32(4));
    assertEquals(WasmValue.i32(7), call(i, "load_a", WasmValue.i32(200)));
    TrapKind oob = TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS;
    traps(oob, i, "load_wide", WasmValue.i64((1L << 32) + 100));
    traps(oob, i, "load_wide", WasmValue.i64(-1));
    traps(oob, i, "v128_wide", WasmValue.i64(1L << 40));
    traps(oob, i, "store_wide", WasmValue.i64(1L << 32), WasmValue.i32(1));
    traps(oob, i, "fill_wide", WasmValue.i64(0), WasmValue.i32(1), WasmValue.i64(1L << 33));
    traps(oob, i, "copy", WasmValue.i32(0), WasmValue.i64(1L << 32), WasmValue.i32(0));
  }

  @Test
  void sizesGrowthAndTableIndexesAreI64() {
    Instance i = instance();
    assertEquals(WasmValue.i64(1), call(i, "size_wide"));
    assertEquals(WasmValue.i64(-1), call(i, "grow_wide", WasmValue.i64(1L << 32)));
    assertEquals(WasmValue.i64(1), call(i, "grow_wide", WasmValue.i64(1)));
    assertEquals(WasmValue.i32(0), call(i, "load_wide", WasmValue.i64(2 * 65536 - 4)));
    assertEquals(WasmValue.i32(9), call(i, "call", WasmValue.i64(2)));
    traps(TrapKind.UNDEFINED_ELEMENT, i, "call", WasmValue.i64((1L << 32) + 2));
    traps(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, i, "set_null", WasmValue.i64(1L << 32));
    assertEquals(WasmValue.i64(3), call(i, "grow_table", WasmValue.i64(2)));
    assertEquals(WasmValue.i64(-1), call(i, "grow_table", WasmValue.i64(-1)));
  }
}

package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Memory;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import org.junit.jupiter.api.Test;

/**
 * Compiled code tells HotSpot the least size memory 0 can have, from the module's type of it: the
 * minimum in bytes, whatever the page size, and only a lower bound, as an imported memory may be
 * larger.
 */
class MemoryMinimumTest {
  @Test
  void theMinimumIsTheDeclaredPagesInBytes() {
    assertEquals(2 * 65_536, minimum("(module (memory 2))"));
    assertEquals(0, minimum("(module (memory 0))"));
    assertEquals(0, minimum("(module)"));
    assertEquals(5, minimum("(module (memory 5 (pagesize 1)))"));
    assertEquals(3 * 65_536, minimum("(module (import \"m\" \"mem\" (memory 3)))"));
    // A 64-bit memory's minimum beyond 2^30 bytes counts as 2^30: enough for every offset checked.
    assertEquals(1 << 30, minimum("(module (memory i64 65536))"));
  }

  @Test
  void anImportedMemoryLargerThanItsTypeIsUsedWhole() {
    String wat =
        """
        (module
          (import "host" "mem" (memory 1))
          (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
          (func (export "load") (param i32) (result i32) (i32.load (local.get 0))))
        """;
    for (ExecutionEngine kind :
        new ExecutionEngine[] {ExecutionEngine.COMPILER, ExecutionEngine.INTERPRETER}) {
      Engine engine =
          Engine.create(EngineConfig.defaults().withExecutionEngine(kind).withoutCodeCache());
      Store store = Store.create(engine);
      Memory memory = Memory.create(store, new MemoryType(Limits.of(3)));
      Instance i =
          Linker.create()
              .define("host", "mem", memory)
              .instantiate(store, Module.compileText(engine, wat));
      int last = 3 * 65_536 - 4;
      i.func("store").orElseThrow().call(WasmValue.i32(last), WasmValue.i32(77));
      assertEquals(
          WasmValue.i32(77), i.func("load").orElseThrow().call(WasmValue.i32(last)).get(0));
      Trap t =
          assertThrows(
              Trap.class,
              () -> i.func("load").orElseThrow().call(WasmValue.i32(last + 1)),
              kind.name());
      assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind(), kind.name());
    }
  }

  private static int minimum(String wat) {
    return new ModuleContext(Validator.validate(TextParser.parseModule(wat)), "p").memoryMinimum;
  }
}

package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An instance's exports: by name, in the module's order, and by position in that order. */
class InstanceExportsTest {
  private final Engine engine = Engine.create();

  private Instance instance() {
    Module module =
        Module.compileText(
            engine,
            """
            (module
              (func (export "z") (result i32) i32.const 7)
              (memory (export "mem") 1)
              (global (export "g") i32 (i32.const 3))
              (table (export "t") 2 funcref)
              (export "again" (func 0)))
            """);
    return Instance.create(Store.create(engine), module, List.of());
  }

  @Test
  void exportsByNameKeepTheModulesOrder() {
    assertEquals(
        List.of("z", "mem", "g", "t", "again"), List.copyOf(instance().exports().keySet()));
  }

  @Test
  void theExportListHoldsTheSameExternsAsTheMapInTheSameOrder() {
    Instance instance = instance();
    List<Extern> list = instance.exportList();
    assertEquals(List.copyOf(instance.exports().values()), list);
    assertSame(list.get(0), instance.func("z").orElseThrow());
    assertSame(list.get(1), instance.memory("mem").orElseThrow());
    assertSame(list.get(2), instance.global("g").orElseThrow());
    assertSame(list.get(3), instance.table("t").orElseThrow());
    assertSame(list.get(4), instance.export("again").orElseThrow());
    assertThrows(UnsupportedOperationException.class, () -> list.set(0, list.get(1)));
  }

  @Test
  void aLookupOfTheWrongKindOrAMissingNameFindsNothing() {
    Instance instance = instance();
    assertTrue(instance.memory("z").isEmpty());
    assertTrue(instance.func("mem").isEmpty());
    assertTrue(instance.export("missing").isEmpty());
    assertEquals(WasmValue.i32(7), instance.func("again").orElseThrow().call().get(0));
  }
}

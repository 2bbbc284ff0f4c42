package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Element segments at instantiation: one of function indices (read through indices decoded once per
 * module), one whose items mix {@code ref.null} and {@code ref.func} (evaluated item by item), and
 * a passive one, in every instance of the same module.
 */
class ElementSegmentsTest {
  private static final String WAT =
      """
      (module
        (type $r (func (result i32)))
        (table $t 8 funcref)
        (func $one (result i32) (i32.const 1))
        (func $two (result i32) (i32.const 2))
        (func $three (result i32) (i32.const 3))
        (elem (table $t) (i32.const 0) func $three $one $two)
        (elem (table $t) (i32.const 4) funcref (ref.func $two) (ref.null func) (ref.func $one))
        (elem $passive func $three $three)
        (func (export "call") (param i32) (result i32)
          (call_indirect $t (type $r) (local.get 0)))
        (func (export "isNull") (param i32) (result i32)
          (ref.is_null (table.get $t (local.get 0))))
        (func (export "init")
          (table.init $t $passive (i32.const 6) (i32.const 0) (i32.const 2))))
      """;

  private static int call(Instance i, String name, int arg) {
    WasmValue v = i.func(name).orElseThrow().call(WasmValue.i32(arg)).get(0);
    return ((WasmValue.I32) v).value();
  }

  @Test
  void everyInstanceGetsEachSegmentsFunctionsInOrder() {
    for (ExecutionEngine kind : List.of(ExecutionEngine.INTERPRETER, ExecutionEngine.AUTO)) {
      Module m = TestInstances.module(kind, WAT);
      for (int round = 0; round < 3; round++) {
        Instance i = Instance.create(Store.create(m.engine()), m, List.of());
        assertEquals(
            List.of(3, 1, 2), List.of(call(i, "call", 0), call(i, "call", 1), call(i, "call", 2)));
        assertEquals(1, call(i, "isNull", 3));
        assertEquals(2, call(i, "call", 4));
        assertEquals(1, call(i, "isNull", 5));
        assertEquals(1, call(i, "call", 6));
        assertEquals(1, call(i, "isNull", 7));
        i.func("init").orElseThrow().call();
        assertEquals(3, call(i, "call", 6));
        assertEquals(3, call(i, "call", 7));
      }
    }
  }
}

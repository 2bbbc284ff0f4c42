package dev.cortado.compiler;

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
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

class IndirectCallsTest {
  /**
   * {@code n} functions of one type in a table (more than one dispatch group), one of another type,
   * and {@code call(i, x)} calling entry {@code i} with {@code x}.
   */
  private static String table(int n) {
    StringBuilder b = new StringBuilder("(module (type $t (func (param i32) (result i32)))\n");
    b.append("  (table ").append(n + 1).append(" funcref)\n  (elem (i32.const 0)");
    for (int i = 0; i <= n; i++) {
      b.append(" $f").append(i);
    }
    b.append(")\n");
    for (int i = 0; i < n; i++) {
      b.append("  (func $f").append(i).append(" (type $t) (i32.add (local.get 0) (i32.const ");
      b.append(i * 31).append(")))\n");
    }
    b.append("  (func $f").append(n).append(" (param i64) (result i64) (local.get 0))\n");
    b.append("  (func (export \"call\") (param i32 i32) (result i32)\n");
    b.append("    (call_indirect (type $t) (local.get 1) (local.get 0))))");
    return b.toString();
  }

  private static IntBinaryOperator call(ExecutionEngine kind, String wat) {
    Engine engine = Engine.create(EngineConfig.defaults().withExecutionEngine(kind));
    Instance i = Linker.create().instantiate(Store.create(engine), Module.compileText(engine, wat));
    return i.func("call").orElseThrow().asIntBinary();
  }

  @Test
  void callsEveryFunctionOfATypeWithMoreFunctionsThanOneDispatchGroup() {
    int n = 700;
    String wat = table(n);
    IntBinaryOperator interpreted = call(ExecutionEngine.INTERPRETER, wat);
    IntBinaryOperator compiled = call(ExecutionEngine.COMPILER, wat);
    for (int i = 0; i < n; i++) {
      assertEquals(interpreted.applyAsInt(i, 1000 + i), compiled.applyAsInt(i, 1000 + i), "f" + i);
      assertEquals(1000 + i + i * 31, compiled.applyAsInt(i, 1000 + i));
    }
    Trap t = assertThrows(Trap.class, () -> compiled.applyAsInt(n, 1));
    assertEquals(TrapKind.INDIRECT_CALL_TYPE_MISMATCH, t.kind());
    t = assertThrows(Trap.class, () -> compiled.applyAsInt(n + 1, 1));
    assertEquals(TrapKind.UNDEFINED_ELEMENT, t.kind());
  }

  /**
   * 30,000 functions in a table: their dispatch references every one, more than one class's
   * constant pool holds, so the switches spread over several classes.
   */
  @Test
  void callsEveryFunctionOfATableTooLargeForOneDispatchClass() {
    int n = 30_000;
    IntBinaryOperator compiled = call(ExecutionEngine.COMPILER, table(n));
    for (int i = 0; i < n; i += 97) {
      assertEquals(1000 + i + i * 31, compiled.applyAsInt(i, 1000 + i), "f" + i);
    }
    assertEquals(1000 + (n - 1) * 32, compiled.applyAsInt(n - 1, 1000 + n - 1));
  }
}

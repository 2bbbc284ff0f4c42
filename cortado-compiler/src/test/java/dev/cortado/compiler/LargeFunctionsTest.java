package dev.cortado.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import org.junit.jupiter.api.Test;

class LargeFunctionsTest {
  /** A function whose JVM code would exceed 64 KiB, called directly from a small one. */
  private static String moduleWithAHugeFunction(int additions) {
    StringBuilder b = new StringBuilder("(module\n");
    b.append("  (func $small (export \"small\") (param i32) (result i32)\n");
    b.append("    (i32.add (call $big (local.get 0)) (i32.const 1)))\n");
    b.append("  (func $big (export \"big\") (param i32) (result i32)\n    local.get 0\n");
    for (int i = 0; i < additions; i++) {
      b.append("    i32.const ").append(i * 7919).append(" i32.add i32.const 3 i32.xor\n");
    }
    return b.append("))").toString();
  }

  private static int run(ExecutionEngine kind, String wat, String export, int arg) {
    Engine engine = Engine.create(EngineConfig.defaults().withExecutionEngine(kind));
    Instance i = Linker.create().instantiate(Store.create(engine), Module.compileText(engine, wat));
    return i.func(export).orElseThrow().asIntUnary().applyAsInt(arg);
  }

  @Test
  void aFunctionTooLargeForOneJvmMethodStillRunsAndItsCallersStayCompiled() {
    String wat = moduleWithAHugeFunction(20_000);
    int expected = run(ExecutionEngine.INTERPRETER, wat, "small", 5);
    assertEquals(expected, run(ExecutionEngine.COMPILER, wat, "small", 5));
    assertEquals(expected - 1, run(ExecutionEngine.COMPILER, wat, "big", 5));
  }
}

package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.StoreConfig;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmStackFrame;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Functions making tail calls run in the interpreter, the others compiled, and calls cross between
 * them both ways, tail calls included.
 */
class TailCallsLeftToInterpreterTest {
  private static final String WAT =
      """
      (module
        (type $leaf (func (param i64) (result i64)))
        (table funcref (elem $leaf))
        (func $leaf (param i64) (result i64)
          (i64.div_u (i64.const 1000) (local.get 0)))
        (func $loop (param $n i64) (param $acc i64) (result i64)
          (if (result i64) (i64.eqz (local.get $n))
            (then (return_call $leaf (local.get $acc)))
            (else
              (return_call $loop
                (i64.sub (local.get $n) (i64.const 1))
                (i64.add (local.get $acc) (i64.const 1))))))
        (func $indirect (param i64) (result i64)
          (return_call_indirect (type $leaf) (local.get 0) (i32.const 0)))
        (func (export "main") (param i64 i64) (result i64)
          (i64.add (i64.const 1) (call $loop (local.get 0) (local.get 1))))
        (func (export "indirect") (param i64) (result i64)
          (call $indirect (local.get 0))))
      """;

  private static Func export(String name) {
    Engine engine =
        Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.COMPILER));
    Store store = Store.create(engine, StoreConfig.defaults().withMaxCallDepth(16));
    return Linker.create()
        .instantiate(store, Module.compileText(engine, WAT))
        .func(name)
        .orElseThrow();
  }

  @Test
  void onlyTheFunctionsMakingTailCallsAreLeftOut() {
    var module = Validator.validate(TextParser.parseModule(WAT));
    BitSet compiled = ModuleClasses.emit(module, "cd".repeat(32)).compiled();
    BitSet expected = new BitSet();
    expected.set(0);
    expected.set(3, 5);
    assertEquals(expected, compiled);
  }

  @Test
  void compiledCodeCallsATailRecursiveLoopThatEndsInACompiledFunction() {
    Func main = export("main");
    assertEquals(
        List.of(WasmValue.i64(1 + 1000 / 1_000_000)),
        main.call(WasmValue.i64(1_000_000), WasmValue.i64(0)));
    assertEquals(
        List.of(WasmValue.i64(1 + 1000 / 8)), main.call(WasmValue.i64(3), WasmValue.i64(5)));
  }

  @Test
  void aTrapInACompiledFunctionReachedByATailCallHasAStackTrace() {
    Func main = export("main");
    Trap t = assertThrows(Trap.class, () -> main.call(WasmValue.i64(0), WasmValue.i64(0)));
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, t.kind());
    // $leaf (0) replaced $loop (1), which main (3) called.
    assertEquals(
        List.of(0, 3), t.wasmStackTrace().stream().map(WasmStackFrame::functionIndex).toList());
  }

  @Test
  void anIndirectTailCallReachesACompiledFunction() {
    assertEquals(List.of(WasmValue.i64(250)), export("indirect").call(WasmValue.i64(4)));
  }
}

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
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Functions making tail calls are compiled, and a chain of tail calls takes no Java stack however
 * long it is: direct, through tables and references, to host functions, from functions cut into
 * methods, with several results and vectors.
 */
class CompiledTailCallsTest {
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
    return export(WAT, name, ExecutionEngine.COMPILER);
  }

  /**
   * Export {@code name} of module {@code wat} on engine {@code kind}, in a store allowing 16 nested
   * calls: far fewer than the chains of tail calls below.
   */
  private static Func export(String wat, String name, ExecutionEngine kind) {
    Engine engine =
        Engine.create(EngineConfig.defaults().withExecutionEngine(kind).withoutCodeCache());
    Store store = Store.create(engine, StoreConfig.defaults().withMaxCallDepth(16));
    Linker linker = Linker.create();
    linker.define(
        "host",
        "twice",
        FuncType.of(List.of(ValType.I64), List.of(ValType.I64)),
        (caller, args, results) -> results.setI64(0, 2 * args.i64(0)));
    return linker.instantiate(store, Module.compileText(engine, wat)).func(name).orElseThrow();
  }

  @Test
  void everyFunctionIsCompiled() {
    for (String wat : List.of(WAT, MUTUAL, cutModule(), wideModule())) {
      var module = Validator.validate(TextParser.parseModule(wat));
      BitSet compiled = ModuleClasses.emit(module, "cd".repeat(32)).compiled();
      assertEquals(module.module().functions().size(), compiled.cardinality());
    }
  }

  /**
   * {@code $even} and {@code $odd} call each other in tail position through a table and through
   * references, carrying a vector along, and end in a tail call of a host function or in several
   * results.
   */
  private static final String MUTUAL =
      """
      (module
        (import "host" "twice" (func $twice (param i64) (result i64)))
        (type $step (func (param i64 v128) (result i64 i32)))
        (table funcref (elem $odd))
        (elem declare func $even)
        (func $even (type $step)
          (if (result i64 i32) (i64.eqz (local.get 0))
            (then (i64.const 0) (i32x4.extract_lane 1 (local.get 1)))
            (else
              (return_call_indirect (type $step)
                (i64.sub (local.get 0) (i64.const 1))
                (i32x4.add (local.get 1) (v128.const i32x4 0 1 0 0))
                (i32.const 0)))))
        (func $odd (type $step)
          (if (result i64 i32) (i64.eqz (local.get 0))
            (then (i64.const 1) (i32x4.extract_lane 1 (local.get 1)))
            (else
              (return_call_ref $step
                (i64.sub (local.get 0) (i64.const 1))
                (local.get 1)
                (ref.func $even)))))
        (func $down (param i64) (result i64)
          (if (result i64) (i64.eqz (local.get 0))
            (then (return_call $twice (i64.const 21)))
            (else (return_call $down (i64.sub (local.get 0) (i64.const 1))))))
        (func (export "parity") (param i64) (result i64 i32)
          (call $even (local.get 0) (v128.const i32x4 0 0 0 0)))
        (func (export "host") (param i64) (result i64)
          (call $down (local.get 0))))
      """;

  @Test
  void mutualTailCallsThroughTablesAndReferencesRunInConstantStack() {
    for (ExecutionEngine kind : ExecutionEngine.values()) {
      Func parity = export(MUTUAL, "parity", kind);
      // $even adds one to the vector's lane 1 at each of its 500,001 steps of 1,000,001.
      assertEquals(
          List.of(WasmValue.i64(1), WasmValue.i32(500_001)),
          parity.call(WasmValue.i64(1_000_001)),
          kind.toString());
      assertEquals(List.of(WasmValue.i64(0), WasmValue.i32(0)), parity.call(WasmValue.i64(0)));
    }
  }

  @Test
  void aChainOfTailCallsEndsInAHostFunction() {
    for (ExecutionEngine kind : ExecutionEngine.values()) {
      assertEquals(
          List.of(WasmValue.i64(42)),
          export(MUTUAL, "host", kind).call(WasmValue.i64(300_000)),
          kind.toString());
    }
  }

  /**
   * A function too large for one method, cut into pieces, whose tail calls are made from inside
   * them: a loop of 200,000 of them.
   */
  private static String cutModule() {
    StringBuilder b = new StringBuilder("(module (memory 1)\n");
    b.append("  (func $spin (param $n i32) (param $acc i32) (result i32)\n");
    for (int i = 0; i < 2_000; i++) {
      b.append("    (local.set $acc (i32.xor (i32.mul (local.get $acc) (i32.const 31)) (i32.const ")
          .append(i)
          .append(")))\n");
      if (i % 500 == 250) {
        b.append("    (if (i32.eqz (local.get $n)) (then (return (local.get $acc))))\n");
        b.append("    (block (br_if 0 (i32.and (local.get $n) (i32.const ")
            .append(1 << (i / 500))
            .append("))) (return_call $spin (i32.sub (local.get $n) (i32.const 1))")
            .append(" (local.get $acc)))\n");
      }
    }
    b.append("    (return_call $spin (i32.sub (local.get $n) (i32.const 1)) (local.get $acc)))\n");
    b.append("  (func (export \"spin\") (param i32) (result i32)");
    b.append(" (call $spin (local.get 0) (i32.const 7))))");
    return b.toString();
  }

  /**
   * {@code $rotate}: 300 parameters, more than a JVM method takes, so they come through the slots;
   * it tail-calls itself with them rotated by one and the first one counted down, 100,000 times.
   */
  private static String wideModule() {
    StringBuilder b = new StringBuilder("(module\n  (func $rotate (param");
    b.append(" i64".repeat(300)).append(") (result i64)\n");
    b.append("    (if (result i64) (i64.eqz (local.get 0))\n");
    b.append("      (then (i64.add (local.get 1) (i64.mul (local.get 299) (i64.const 3))))\n");
    b.append("      (else (return_call $rotate (i64.sub (local.get 0) (i64.const 1))");
    for (int i = 2; i < 300; i++) {
      b.append(" (local.get ").append(i).append(')');
    }
    b.append(" (local.get 1)))))\n");
    b.append("  (func (export \"rotate\") (param i64) (result i64) (call $rotate (local.get 0)");
    for (int i = 1; i < 300; i++) {
      b.append(" (i64.const ").append(i * 7).append(')');
    }
    return b.append(")))").toString();
  }

  @Test
  void aFunctionWhoseParametersComeThroughTheSlotsTailCallsItselfInConstantStack() {
    String wat = wideModule();
    List<WasmValue> expected =
        export(wat, "rotate", ExecutionEngine.INTERPRETER).call(WasmValue.i64(100_000));
    for (ExecutionEngine kind : List.of(ExecutionEngine.COMPILER, ExecutionEngine.AUTO)) {
      assertEquals(
          expected, export(wat, "rotate", kind).call(WasmValue.i64(100_000)), kind.toString());
    }
  }

  @Test
  void tailCallsFromPiecesOfACutFunctionRunInConstantStack() {
    String wat = cutModule();
    int expected =
        export(wat, "spin", ExecutionEngine.INTERPRETER).asIntUnary().applyAsInt(200_000);
    assertEquals(
        expected, export(wat, "spin", ExecutionEngine.COMPILER).asIntUnary().applyAsInt(200_000));
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

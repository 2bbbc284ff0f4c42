package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.V128;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Functions using v128 values are compiled, and their vectors flow through everything. */
class CompiledVectorsTest {
  private static final String WAT =
      """
      (module
        (type $vv (func (param v128 v128) (result v128)))
        (memory 1)
        (global $g (mut v128) (v128.const i32x4 1 2 3 4))
        (table 1 funcref)
        (elem (i32.const 0) $add)
        (func $add (type $vv) (i32x4.add (local.get 0) (local.get 1)))
        (func (export "pick") (param $k i32) (result i32)
          (i32x4.extract_lane 0
            (block $outer (result v128)
              (i32x4.add (v128.const i32x4 100 0 0 0)
                (block $inner (result v128)
                  (v128.const i32x4 1 0 0 0)
                  (v128.const i32x4 2 0 0 0)
                  (br_table $inner $outer (local.get $k)))))))
        (func (export "count") (param $n i32) (result i32) (local $i i32)
          (i32x4.extract_lane 3
            (call $add
              (v128.const i32x4 0 0 0 1000)
              (v128.const i32x4 0 0 0 0)
              (loop $l (param v128) (result v128)
                (call_indirect (type $vv) (v128.const i32x4 1 1 1 1) (i32.const 0))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br_if $l (i32.lt_u (local.get $i) (local.get $n)))))))
        (func (export "doubleGlobal") (result i32)
          (global.set $g (i32x4.mul (global.get $g) (v128.const i32x4 2 2 2 2)))
          (i32x4.extract_lane 3 (global.get $g)))
        (func (export "choose") (param $c i32) (result v128) (local $a v128)
          (select
            (local.tee $a (v128.const i64x2 7 8))
            (i64x2.splat (i64.const 9))
            (local.get $c)))
        (func (export "load") (param $at i32) (result v128)
          (v128.load offset=1 (local.get $at))))
      """;

  private final Engine engine =
      Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.COMPILER));

  private Func export(String name) {
    Module module = Module.compileText(engine, WAT);
    Instance instance = Linker.create().instantiate(Store.create(engine), module);
    return instance.func(name).orElseThrow();
  }

  private static int i32(List<WasmValue> results) {
    return ((WasmValue.I32) results.get(0)).value();
  }

  private static V128 v128(List<WasmValue> results) {
    return ((WasmValue.Vec) results.get(0)).value();
  }

  @Test
  void everyFunctionUsingVectorsIsCompiled() {
    var module =
        Validator.validate(ModuleDecoder.decode(ModuleEncoder.encode(TextParser.parseModule(WAT))));
    ModuleClasses classes = ModuleClasses.emit(module, "ab".repeat(32));
    int functions = module.module().functions().size();
    assertEquals(functions, classes.compiled().cardinality());
  }

  @Test
  void brTableCarriesAVectorToEitherBlock() {
    Func pick = export("pick");
    assertEquals(102, i32(pick.call(WasmValue.i32(0))));
    assertEquals(2, i32(pick.call(WasmValue.i32(1))));
    assertEquals(2, i32(pick.call(WasmValue.i32(7))));
  }

  @Test
  void aLoopCarriesAVectorThroughDirectAndIndirectCalls() {
    assertEquals(1000 + 50, i32(export("count").call(WasmValue.i32(50))));
  }

  @Test
  void aVectorGlobalKeepsItsValueBetweenCalls() {
    Func f = export("doubleGlobal");
    assertEquals(8, i32(f.call()));
    assertEquals(16, i32(f.call()));
  }

  @Test
  void selectAndLocalTeeOfVectorsReturnAVectorResult() {
    Func choose = export("choose");
    assertEquals(new V128(7, 8), v128(choose.call(WasmValue.i32(1))));
    assertEquals(new V128(9, 9), v128(choose.call(WasmValue.i32(0))));
  }

  @Test
  void aVectorLoadOutOfBoundsTrapsInCompiledCode() {
    Func load = export("load");
    assertEquals(new V128(0, 0), v128(load.call(WasmValue.i32(65536 - 17))));
    Trap t = assertThrows(Trap.class, () -> load.call(WasmValue.i32(65536 - 16)));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
    assertTrue(
        Arrays.stream(t.getStackTrace())
            .anyMatch(e -> e.getClassName().startsWith("dev.cortado.generated.")),
        "the trap comes from generated code");
  }
}

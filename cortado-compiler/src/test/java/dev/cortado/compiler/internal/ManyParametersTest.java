package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.cortado.wasm.V128;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function whose parameters overflow a JVM method's 255 parameter slots is compiled too: it takes
 * its arguments from the machine's slots, and every call reaches it that way (exports, direct
 * calls, {@code call_indirect}).
 */
class ManyParametersTest {
  private static final int LONGS = 130; // 260 JVM slots, with a vector and a double besides

  /**
   * {@code $wide}: a weighted sum of 130 i64s, a vector's first lane and a truncated f64, and how
   * many of the i64s are odd; it traps when its first argument is -1. Callers reach it directly,
   * through a table, and as an export.
   */
  private static byte[] module() {
    StringBuilder b = new StringBuilder("(module\n  (type $w (func (param");
    b.append(" i64".repeat(LONGS)).append(" v128 f64) (result i64 i32)))\n");
    b.append("  (table funcref (elem $wide))\n");
    b.append("  (func $wide (export \"wide\") (type $w) (local $sum i64) (local $odd i32)\n");
    b.append("    (if (i64.eq (local.get 0) (i64.const -1)) (then unreachable))\n");
    for (int i = 0; i < LONGS; i++) {
      b.append("    (local.set $sum (i64.add (local.get $sum) (i64.mul (local.get ")
          .append(i)
          .append(") (i64.const ")
          .append(i + 1)
          .append("))))\n");
      b.append("    (local.set $odd (i32.add (local.get $odd) (i32.wrap_i64 (i64.and (local.get ")
          .append(i)
          .append(") (i64.const 1)))))\n");
    }
    b.append("    (i64.add (local.get $sum) (i64.extend_i32_s (i32x4.extract_lane 0 (local.get ")
        .append(LONGS)
        .append("))))\n");
    b.append("    (i64.add (i64.trunc_f64_s (local.get ").append(LONGS + 1).append(")))\n");
    b.append("    (local.get $odd))\n");
    b.append("  (func (export \"direct\") (param $x i64) (result i64 i32)\n");
    b.append("    (call $wide").append(arguments()).append("))\n");
    b.append("  (func (export \"indirect\") (param $x i64) (result i64 i32)\n");
    b.append("    (call_indirect (type $w)").append(arguments()).append(" (i32.const 0))))\n");
    return ModuleEncoder.encode(TextParser.parseModule(b.toString()));
  }

  /** The arguments the callers pass: $x + i for the i64s, then a vector and a double. */
  private static String arguments() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < LONGS; i++) {
      b.append(" (i64.add (local.get $x) (i64.const ").append(i).append("))");
    }
    return b.append(" (v128.const i32x4 7 8 9 10) (f64.const 2.75)").toString();
  }

  private static Instance instance(ExecutionEngine kind) {
    Engine engine =
        Engine.create(EngineConfig.defaults().withExecutionEngine(kind).withoutCodeCache());
    return Linker.create().instantiate(Store.create(engine), Module.compile(engine, module()));
  }

  /** What {@code $wide} returns when the callers pass {@code x}. */
  private static List<WasmValue> expected(long x) {
    long sum = 0;
    int odd = 0;
    for (int i = 0; i < LONGS; i++) {
      sum += (x + i) * (i + 1);
      odd += (int) ((x + i) & 1);
    }
    return List.of(WasmValue.i64(sum + 7 + 2), WasmValue.i32(odd));
  }

  @Test
  void theFunctionIsCompiled() {
    var classes =
        ModuleClasses.emit(Validator.validate(ModuleDecoder.decode(module())), "0".repeat(64));
    assertEquals(3, classes.compiled().cardinality(), "functions compiled");
  }

  @Test
  void directIndirectAndExportedCallsAgreeWithTheInterpreter() {
    Instance compiled = instance(ExecutionEngine.COMPILER);
    Instance interpreted = instance(ExecutionEngine.INTERPRETER);
    for (long x : new long[] {0, 5, -1_000_003, Long.MAX_VALUE / 3}) {
      for (String caller : new String[] {"direct", "indirect"}) {
        var result = compiled.func(caller).orElseThrow().call(WasmValue.i64(x));
        assertEquals(expected(x), result, caller + "(" + x + ")");
        assertEquals(interpreted.func(caller).orElseThrow().call(WasmValue.i64(x)), result);
      }
    }
    List<WasmValue> args = new ArrayList<>();
    for (int i = 0; i < LONGS; i++) {
      args.add(WasmValue.i64(40 + i));
    }
    args.add(WasmValue.v128(new V128(7, 0)));
    args.add(WasmValue.f64(2.75));
    var result = compiled.func("wide").orElseThrow().call(args.toArray(WasmValue[]::new));
    assertEquals(expected(40), result);
  }

  @Test
  void aTrapInsideShowsItsFrame() {
    Instance compiled = instance(ExecutionEngine.COMPILER);
    Trap t =
        assertThrows(
            Trap.class, () -> compiled.func("direct").orElseThrow().call(WasmValue.i64(-1)));
    assertEquals(TrapKind.UNREACHABLE, t.kind());
    assertTrue(t.wasmStackTrace().size() >= 2, t.describe());
    assertEquals(0, t.wasmStackTrace().get(0).functionIndex(), t.describe());
  }
}

package dev.cortado.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class DifferentialTest {
  private static Differential.Result run(String wat) {
    return Differential.run(ModuleEncoder.encode(TextParser.parseModule(wat)));
  }

  private static List<String> events(Outcome o) {
    return o.events().stream().map(Event::toString).toList();
  }

  @Test
  void hostCallsResultsTrapsAndFinalStateAreRecordedOnBothEngines() {
    Differential.Result r =
        run(
            """
            (module
              (import "fuzzing-support" "log-i32" (func $log (param i32)))
              (memory 1)
              (global $g (mut i64) (i64.const 7))
              (func (export "add") (param i32 i32) (result i32)
                (call $log (local.get 0))
                (global.set $g (i64.extend_i32_s (local.get 1)))
                (i32.store (i32.const 8) (local.get 1))
                (i32.add (local.get 0) (local.get 1)))
              (func (export "boom") (unreachable)))
            """);
    assertEquals(Verdict.Kind.AGREE, r.verdict().kind(), r.verdict().describe());
    List<String> events = events(r.interpreter());
    assertEquals(events, events(r.compiler()));
    assertTrue(events.contains("log add: fuzzing-support.log-i32(i32:0)"), events.toString());
    assertTrue(events.contains("result add: i32:0"), events.toString());
    assertTrue(events.contains("trap boom: UNREACHABLE"), events.toString());
    assertTrue(
        events.contains("global final: i64:" + lastSecondArgument(events)), events.toString());
    assertTrue(events.stream().anyMatch(e -> e.startsWith("memory final: ")), events.toString());
  }

  private static String lastSecondArgument(List<String> events) {
    String call = events.stream().filter(e -> e.startsWith("call add: ")).reduce((a, b) -> b).get();
    return call.substring(call.lastIndexOf("i32:") + 4);
  }

  @Test
  void anEndlessLoopRunsOutOfFuelOnBothEngines() {
    Differential.Result r =
        run(
            """
            (module (func (export "spin") (loop (br 0))))
            """);
    assertEquals(Verdict.Kind.AGREE, r.verdict().kind(), r.verdict().describe());
    assertTrue(events(r.compiler()).contains("fuel spin: out of fuel"));
  }

  @Test
  void nanBitsThatTheSpecFixesAreKeptOnBothEngines() {
    Differential.Result r =
        run(
            """
            (module
              (memory 1)
              (global $g (mut f32) (f32.const nan:0x200000))
              (func (export "const") (result f32) (f32.const nan:0x200000))
              (func (export "pass") (param f32 f64) (result f32 f64) (local.get 0) (local.get 1))
              (func (export "neg") (result i32)
                (i32.reinterpret_f32 (f32.neg (f32.const nan:0x200000))))
              (func (export "abs") (param f32) (result f32) (f32.abs (local.get 0)))
              (func (export "copysign") (param f64 f64) (result f64)
                (f64.copysign (local.get 0) (local.get 1)))
              (func (export "memory") (result f32)
                (f32.store (i32.const 0) (f32.const nan:0x200000)) (f32.load (i32.const 0)))
              (func (export "global") (param f32) (result f32 f32)
                (global.get $g) (global.set $g (local.get 0)) (global.get $g))
              (func (export "select") (param f32 f32) (result f32)
                (select (local.get 0) (local.get 1) (i32.const 0)))
              (func (export "reinterpret") (result f64)
                (f64.reinterpret_i64 (i64.const 0x7ff0000000000001)))
              (func (export "arithmetic") (param f32 f32) (result f32)
                (f32.mul (local.get 0) (local.get 1))))
            """);
    assertTrue(r.verdict().kind() != Verdict.Kind.DIVERGE, r.verdict().describe());
    List<String> interpreter = events(r.interpreter());
    List<String> compiler = events(r.compiler());
    List<String> exact = interpreter.stream().filter(e -> !e.contains(" arithmetic: ")).toList();
    assertEquals(exact, compiler.stream().filter(e -> !e.contains(" arithmetic: ")).toList());
    assertTrue(compiler.contains("result const: f32:0x7fa00000"), compiler.toString());
    assertTrue(compiler.contains("result neg: i32:" + 0xffa00000), compiler.toString());
    assertTrue(compiler.contains("result memory: f32:0x7fa00000"), compiler.toString());
    assertTrue(
        compiler.contains("result reinterpret: f64:0x7ff0000000000001"), compiler.toString());
  }
}

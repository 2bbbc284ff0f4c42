package dev.cortado.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TieringTest {
  /**
   * {@code run} loops in one call: each round calls {@code $step}, which calls the host's probe.
   * The probe tells whether compiled code called it and sleeps a little, giving the background
   * compiler time; it stops the loop (returns 0) once it has seen compiled callers for a while.
   */
  private static final String LOOP =
      """
      (module
        (import "host" "probe" (func $probe (param i32) (result i32)))
        (global $sum (mut i32) (i32.const 0))
        (func $step (param $i i32) (result i32)
          (global.set $sum (i32.add (global.get $sum) (local.get $i)))
          (call $probe (local.get $i)))
        (func (export "run") (result i32) (local $i i32)
          (loop $again
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $again (call $step (local.get $i))))
          (i32.add (global.get $sum) (i32.mul (local.get $i) (i32.const 0)))))
      """;

  private static boolean calledFromCompiledCode() {
    return Arrays.stream(Thread.currentThread().getStackTrace())
        .anyMatch(e -> "cortado-module".equals(e.getClassLoaderName()));
  }

  @Test
  void aFunctionSwitchesToCompiledCodeWhileItsCallerKeepsRunningInTheInterpreter() {
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(ExecutionEngine.AUTO)
                .withEagerTierUp(true)
                .withCompileFirstBelow(0));
    List<Boolean> compiled = new ArrayList<>();
    Linker linker = Linker.create();
    linker.define(
        "host",
        "probe",
        FuncType.of(List.of(ValType.I32), List.of(ValType.I32)),
        (caller, args, results) -> {
          compiled.add(calledFromCompiledCode());
          long seen = compiled.stream().filter(c -> c).count();
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          results.setI32(0, seen >= 10 || compiled.size() >= 10_000 ? 0 : 1);
        });
    Instance i = linker.instantiate(Store.create(engine), Module.compileText(engine, LOOP));
    int sum = i.func("run").orElseThrow().asIntSupplier().getAsInt();
    int n = compiled.size();
    assertEquals(n * (n + 1) / 2, sum, "the global was updated by both tiers");
    assertTrue(compiled.contains(false), "started in the interpreter");
    assertTrue(compiled.get(n - 1), "ended in compiled code: " + n + " rounds");
    assertEquals(compiled.indexOf(true), n - 10, "switched once and stayed compiled");
  }
}

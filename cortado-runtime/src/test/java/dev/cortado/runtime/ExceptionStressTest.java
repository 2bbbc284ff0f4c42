package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A million WebAssembly exceptions, each thrown across a host frame and caught in WebAssembly:
 * every one arrives with its value, and the store is as usable afterwards as before (no frame,
 * depth or handler left behind).
 */
class ExceptionStressTest {
  private static final String WAT =
      """
      (module
        (import "host" "bounce" (func $bounce (param i32) (result i32)))
        (tag $e (export "e") (param i32))
        (func (export "thrower") (param i32) (result i32) (throw $e (local.get 0)))
        (func (export "run") (param $n i32) (result i32) (local $i i32) (local $sum i32)
          (loop $l
            (local.set $sum
              (i32.add (local.get $sum)
                (block $caught (result i32)
                  (try_table (result i32) (catch $e $caught)
                    (call $bounce (local.get $i))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
          (local.get $sum))
        (func $deep (export "deep") (param i32) (result i32)
          (if (result i32) (i32.eqz (local.get 0))
            (then (i32.const 0))
            (else (i32.add (i32.const 1) (call $deep (i32.sub (local.get 0) (i32.const 1))))))))
      """;

  private static final int THROWS = 1_000_000;

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"INTERPRETER", "AUTO"})
  void aMillionExceptionsCrossHostFramesAndAreCaught(ExecutionEngine kind) {
    Engine engine =
        Engine.create(EngineConfig.defaults().withExecutionEngine(kind).withoutCodeCache());
    Store store = Store.create(engine);
    AtomicReference<Instance> self = new AtomicReference<>();
    // Even values: the host calls back into WebAssembly, which throws through the host frame.
    // Odd values: the host throws the WebAssembly exception itself.
    Linker linker =
        Linker.create()
            .define(
                "host",
                "bounce",
                FuncType.of(List.of(ValType.I32), List.of(ValType.I32)),
                (caller, args, results) -> {
                  int v = args.i32(0);
                  Instance i = self.get();
                  if (v % 2 == 0) {
                    i.func("thrower").orElseThrow().call(WasmValue.i32(v));
                  } else {
                    Tag tag = i.tag("e").orElseThrow();
                    throw UncaughtException.of(tag, List.of(WasmValue.i32(v)));
                  }
                });
    Instance i = linker.instantiate(store, Module.compileText(engine, WAT));
    self.set(i);
    int expected = (int) ((long) THROWS * (THROWS - 1) / 2);
    assertEquals(
        List.of(WasmValue.i32(expected)), i.func("run").orElseThrow().call(WasmValue.i32(THROWS)));
    // Nothing of the million unwindings is left: the whole call depth is still there.
    int depth = store.config().maxCallDepth() - 10;
    assertEquals(
        List.of(WasmValue.i32(depth)), i.func("deep").orElseThrow().call(WasmValue.i32(depth)));
  }
}

package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.V128;
import dev.cortado.wasm.ValType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exception handling (Wasm 3.0): {@code throw}, {@code throw_ref} and {@code try_table} on the
 * interpreter, across calls, instances and host functions, and what the host sees of an exception
 * nothing caught.
 */
class ExceptionHandlingTest {
  private static final String MODULE =
      """
      (module
        (import "env" "callback" (func $callback (param i32)))
        (tag $e (export "e") (param i32))
        (tag $all (export "all") (param i32 i64 f32 f64 v128 funcref externref))
        (tag $other)
        (func $thrower (export "thrower") (param i32) (throw $e (local.get 0)))
        (func $deep (param i32) (param $n i32)
          (if (i32.eqz (local.get $n))
            (then (call $thrower (local.get 0)))
            (else (call $deep (local.get 0) (i32.sub (local.get $n) (i32.const 1))))))
        (func (export "catch-deep") (param i32) (result i32)
          (block $h (result i32)
            (try_table (catch $e $h) (call $deep (local.get 0) (i32.const 100)))
            (i32.const -1)))
        (func (export "uncaught") (param i32) (throw $e (local.get 0)))
        (func $uncaught-deep (export "uncaught-deep") (param i32)
          (call $deep (local.get 0) (i32.const 2)))
        (func (export "other") (throw $other))
        (func (export "catch-all") (result i32)
          (block $h
            (try_table (catch_all $h) (throw $other))
            (return (i32.const 0)))
          (i32.const 1))
        (func (export "trap-not-caught") (result i32)
          (block $h
            (try_table (catch_all $h) (unreachable)))
          (i32.const 1))
        (func (export "rethrow") (param i32) (result i32)
          (local $x exnref)
          (block $h (result exnref)
            (try_table (catch_all_ref $h) (throw $e (local.get 0)))
            (unreachable))
          (local.set $x)
          (block $h2 (result i32)
            (try_table (catch $e $h2) (throw_ref (local.get $x)))
            (i32.const -1)))
        (func (export "throw-null") (throw_ref (ref.null exn)))
        (func (export "through-host") (param i32) (result i32)
          (block $h (result i32)
            (try_table (catch $e $h) (call $callback (local.get 0)))
            (i32.const -1)))
        (func (export "all-types") (param v128 externref)
                (result i32 i64 f32 f64 v128 funcref externref)
          (block $h (result i32 i64 f32 f64 v128 funcref externref)
            (try_table (catch $all $h)
              (throw $all (i32.const 7) (i64.const -8) (f32.const 1.5) (f64.const -2.25)
                (local.get 0) (ref.func $thrower) (local.get 1)))
            (unreachable)))
        (func (export "loop-catch") (param $n i32) (result i32)
          (local $count i32)
          (i32.const 0)
          (loop $again (param i32)
            (local.set $count (i32.add (i32.const 1)))
            (if (i32.lt_u (local.get $count) (local.get $n))
              (then (try_table (catch $e $again) (throw $e (local.get $count))))))
          (local.get $count))
        (func $throw-void (throw $other))
        (func (export "tail-call-leaves-try")
          (block $h
            (try_table (catch_all $h) (return_call $throw-void)))))
      """;

  private final Engine engine = Engine.create();

  private Instance instance(Store store) {
    Linker linker = Linker.create();
    Instance[] self = new Instance[1];
    linker.define(
        "env",
        "callback",
        FuncType.of(List.of(ValType.I32), List.of()),
        (caller, args, results) ->
            self[0].func("thrower").orElseThrow().call(WasmValue.i32(args.i32(0))));
    self[0] = linker.instantiate(store, Module.compileText(engine, MODULE));
    return self[0];
  }

  private Instance standalone(String wat) {
    return Linker.create().instantiate(Store.create(engine), Module.compileText(engine, wat));
  }

  private Func func(String name) {
    return instance(Store.create(engine)).func(name).orElseThrow();
  }

  @Test
  void aHandlerCatchesAnExceptionThrownAHundredCallsDeeper() {
    assertEquals(List.of(WasmValue.i32(42)), func("catch-deep").call(WasmValue.i32(42)));
  }

  @Test
  void anUncaughtExceptionReachesTheHostWithItsTagAndValues() {
    Instance i = instance(Store.create(engine));
    UncaughtException e =
        assertThrows(
            UncaughtException.class, () -> i.func("uncaught").orElseThrow().call(WasmValue.i32(5)));
    assertEquals(i.tag("e").orElseThrow(), e.tag());
    assertEquals(List.of(WasmValue.i32(5)), e.payload());
    assertEquals(
        "uncaught WebAssembly exception of tag (func (param i32)) with values (i32 5)",
        e.getMessage());
    assertEquals(0, e.getStackTrace().length);
  }

  @Test
  void anUncaughtExceptionShowsTheFramesItLeft() {
    Instance i = instance(Store.create(engine));
    UncaughtException e =
        assertThrows(
            UncaughtException.class,
            () -> i.func("uncaught-deep").orElseThrow().call(WasmValue.i32(5)));
    // Function 0 is the import: $thrower is 1, $deep 2, $uncaught-deep 5.
    assertEquals(
        List.of(1, 2, 2, 2, 5),
        e.wasmStackTrace().stream().map(WasmStackFrame::functionIndex).toList());
    assertTrue(e.describe().contains("at "), e.describe());
  }

  @Test
  void tagsOfTheSameTypeAreDifferentTags() {
    Instance i = instance(Store.create(engine));
    assertNotEquals(
        i.tag("e").orElseThrow(),
        Tag.create(i.store(), FuncType.of(List.of(ValType.I32), List.of())));
    UncaughtException e =
        assertThrows(UncaughtException.class, () -> i.func("other").orElseThrow().call());
    assertNotEquals(i.tag("e").orElseThrow(), e.tag());
  }

  @Test
  void catchAllCatchesAnyTag() {
    assertEquals(List.of(WasmValue.i32(1)), func("catch-all").call());
  }

  @Test
  void trapsAreNotCaught() {
    Trap t = assertThrows(Trap.class, () -> func("trap-not-caught").call());
    assertEquals(TrapKind.UNREACHABLE, t.kind());
  }

  @Test
  void throwRefRethrowsTheSameException() {
    assertEquals(List.of(WasmValue.i32(9)), func("rethrow").call(WasmValue.i32(9)));
  }

  @Test
  void throwRefOfNullTraps() {
    Trap t = assertThrows(Trap.class, () -> func("throw-null").call());
    assertEquals(TrapKind.NULL_REFERENCE, t.kind());
  }

  @Test
  void anExceptionUnwindsThroughAHostFunctionToItsWasmCaller() {
    assertEquals(List.of(WasmValue.i32(3)), func("through-host").call(WasmValue.i32(3)));
  }

  @Test
  void exceptionsCarryValuesOfEveryType() {
    Instance i = instance(Store.create(engine));
    V128 v = new V128(0x0102030405060708L, 0x1112131415161718L);
    Object host = new Object();
    List<WasmValue> r =
        i.func("all-types").orElseThrow().call(WasmValue.v128(v), WasmValue.externRef(host));
    assertEquals(WasmValue.i32(7), r.get(0));
    assertEquals(WasmValue.i64(-8), r.get(1));
    assertEquals(WasmValue.f32(1.5f), r.get(2));
    assertEquals(WasmValue.f64(-2.25), r.get(3));
    assertEquals(WasmValue.v128(v), r.get(4));
    assertEquals(i.func("thrower"), ((WasmValue.FuncRef) r.get(5)).func());
    assertEquals(WasmValue.externRef(host), r.get(6));
  }

  @Test
  void aCatchMayBranchToALoop() {
    assertEquals(List.of(WasmValue.i32(10)), func("loop-catch").call(WasmValue.i32(10)));
  }

  @Test
  void aTailCallLeavesTheTryTable() {
    assertThrows(UncaughtException.class, () -> func("tail-call-leaves-try").call());
  }

  @Test
  void anImportedTagIsTheExportersTag() {
    Store store = Store.create(engine);
    Instance a = instance(store);
    Linker linker = Linker.create().define("a", a);
    Instance b =
        linker.instantiate(
            store,
            Module.compileText(
                engine,
                """
                (module
                  (import "a" "e" (tag $e (param i32)))
                  (import "a" "thrower" (func $thrower (param i32)))
                  (func (export "f") (result i32)
                    (block $h (result i32)
                      (try_table (catch $e $h) (call $thrower (i32.const 11)))
                      (i32.const -1))))
                """));
    assertEquals(List.of(WasmValue.i32(11)), b.func("f").orElseThrow().call());
  }

  @Test
  void aTagImportMustHaveTheSameType() {
    Store store = Store.create(engine);
    Linker linker = Linker.create().define("a", instance(store));
    UnlinkableException e =
        assertThrows(
            UnlinkableException.class,
            () ->
                linker.instantiate(
                    store,
                    Module.compileText(engine, "(module (import \"a\" \"e\" (tag (param i64))))")));
    assertTrue(e.getMessage().contains("incompatible import type"), e.getMessage());
  }

  @Test
  void anExnrefResultReachesTheHostAsAnExceptionRef() {
    Instance i =
        standalone(
            """
                    (module
                      (tag $t (param i64))
                      (func (export "f") (result exnref)
                        (block $h (result exnref)
                          (try_table (catch_all_ref $h) (throw $t (i64.const 3)))
                          (unreachable))))
                    """);
    WasmValue.ExnRef r = (WasmValue.ExnRef) i.func("f").orElseThrow().call().get(0);
    Optional<ExceptionRef> x = r.exception();
    assertTrue(x.isPresent());
    assertEquals(List.of(WasmValue.i64(3)), x.get().payload());
    assertFalse(x.get().tag().type().params().isEmpty());
  }

  @Test
  void aHostFunctionThrowsIntoWasm() {
    Store store = Store.create(engine);
    Tag tag = Tag.create(store, FuncType.of(List.of(ValType.F64), List.of()));
    Linker linker =
        Linker.create()
            .define("env", "t", tag)
            .define(
                "env",
                "fail",
                FuncType.of(List.of(), List.of()),
                (caller, args, results) -> {
                  throw UncaughtException.of(tag, List.of(WasmValue.f64(2.5)));
                });
    Instance i =
        linker.instantiate(
            store,
            Module.compileText(
                engine,
                """
                (module
                  (import "env" "t" (tag $t (param f64)))
                  (import "env" "fail" (func $fail))
                  (func (export "f") (result f64)
                    (block $h (result f64)
                      (try_table (catch $t $h) (call $fail))
                      (f64.const -1))))
                """));
    assertEquals(List.of(WasmValue.f64(2.5)), i.func("f").orElseThrow().call());
    assertThrows(
        IllegalArgumentException.class, () -> UncaughtException.of(tag, List.of(WasmValue.i32(1))));
  }

  @Test
  void legacyTryCatchesRethrowsAndDelegatesAcrossCalls() {
    Instance i =
        standalone(
            """
                    (module
                      (tag $e (param i64))
                      (func $throw (param i64) (throw $e (local.get 0)))
                      (func $rethrowing (param i64)
                        (try (do (call $throw (local.get 0)))
                          (catch_all (rethrow 0))))
                      (func (export "f") (param i64) (result i64)
                        (try $outer (result i64)
                          (do
                            (try (result i64)
                              (do
                                (try (do (call $rethrowing (local.get 0))) (delegate $outer))
                                (i64.const -1))
                              (catch $e (drop) (i64.const -2))))
                          (catch $e (i64.mul (i64.const 10))))))
                    """);
    assertEquals(List.of(WasmValue.i64(70)), i.func("f").orElseThrow().call(WasmValue.i64(7)));
  }

  // The compiler is not on this module's class path; its tests run exceptions compiled.
  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"INTERPRETER", "AUTO"})
  void aModuleUsingExceptionsRunsOnTheEnginesOfTheRuntimeAlone(ExecutionEngine kind) {
    Engine e = Engine.create(EngineConfig.defaults().withExecutionEngine(kind).withoutCodeCache());
    Instance i =
        Linker.create()
            .instantiate(
                Store.create(e),
                Module.compileText(
                    e,
                    """
                    (module
                      (tag $t (param i32))
                      (func $f (param i32) (throw $t (i32.add (local.get 0) (i32.const 1))))
                      (func (export "g") (param i32) (result i32)
                        (block $h (result i32)
                          (try_table (catch $t $h) (call $f (local.get 0)))
                          (i32.const -1))))
                    """));
    assertEquals(List.of(WasmValue.i32(8)), i.func("g").orElseThrow().call(WasmValue.i32(7)));
  }
}

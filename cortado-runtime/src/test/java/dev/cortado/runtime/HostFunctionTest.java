package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostFunctionTest {
  private final Engine engine = Engine.create();
  private final Store store = Store.create(engine);
  private final Linker linker = Linker.create();

  private Instance instantiate(String wat) {
    return linker.instantiate(store, Module.compileText(engine, wat));
  }

  @Test
  void findsTheStateAttachedToTheCallingStore() {
    record Session(String user) {}
    List<String> seen = new ArrayList<>();
    linker.define(
        "env",
        "who",
        FuncType.of(List.of(), List.of()),
        (caller, args, results) ->
            seen.add(caller.store().attachment(Session.class).map(Session::user).orElse("none")));
    Module module =
        Module.compileText(
            engine,
            "(module (import \"env\" \"who\" (func $who)) (func (export \"run\") (call $who)))");
    Store alice = Store.create(engine);
    alice.attach(Session.class, new Session("alice"));
    Store bob = Store.create(engine);
    bob.attach(Session.class, new Session("bob"));
    bob.attach(Session.class, new Session("bob again"));
    for (Store s : List.of(alice, bob, Store.create(engine))) {
      linker.instantiate(s, module).func("run").orElseThrow().call();
    }
    assertEquals(List.of("alice", "bob again", "none"), seen);
  }

  @Test
  void readsTheCallersMemoryThroughTheCaller() {
    List<String> logged = new ArrayList<>();
    linker.define(
        "env",
        "log",
        FuncType.of(List.of(ValType.I32, ValType.I32), List.of()),
        (caller, args, results) ->
            logged.add(caller.memory().orElseThrow().readUtf8(args.i32(0), args.i32(1))));
    Instance i =
        instantiate(
            """
            (module
              (import "env" "log" (func $log (param i32 i32)))
              (memory 1)
              (data (i32.const 8) "héllo")
              (func (export "run") (call $log (i32.const 8) (i32.const 6))))
            """);
    i.func("run").orElseThrow().call();
    assertEquals(List.of("héllo"), logged);
  }

  @Test
  void returnsResultsToWebAssembly() {
    linker.define(
        "env",
        "pair",
        FuncType.of(List.of(ValType.I64), List.of(ValType.I64, ValType.F64)),
        (caller, args, results) -> {
          results.setI64(0, args.i64(0) * 2);
          results.setF64(1, 0.5);
        });
    Instance i =
        instantiate(
            """
            (module
              (import "env" "pair" (func $p (param i64) (result i64 f64)))
              (func (export "run") (result f64) (local $f f64)
                (call $p (i64.const 21))
                (local.set $f)
                (f64.add (f64.convert_i64_s) (local.get $f))))
            """);
    assertEquals(WasmValue.f64(42.5), i.func("run").orElseThrow().call().get(0));
  }

  @Test
  void aTrapThrownByTheHostTrapsTheGuest() {
    linker.define(
        "env",
        "fail",
        FuncType.EMPTY,
        (caller, args, results) -> {
          throw Trap.of(TrapKind.UNREACHABLE, "the host gave up");
        });
    Instance i =
        instantiate(
            "(module (import \"env\" \"fail\" (func $f)) (func $g (export \"run\") call $f))");
    Trap t = assertThrows(Trap.class, () -> i.func("run").orElseThrow().call());
    assertEquals(TrapKind.UNREACHABLE, t.kind());
    assertEquals(1, t.wasmStackTrace().size());
    assertEquals(1, t.wasmStackTrace().get(0).functionIndex());
  }

  @Test
  void otherHostExceptionsReachTheEmbedderUnchanged() {
    IllegalStateException boom = new IllegalStateException("boom");
    linker.define(
        "env",
        "fail",
        FuncType.EMPTY,
        (caller, args, results) -> {
          throw boom;
        });
    Instance i =
        instantiate("(module (import \"env\" \"fail\" (func $f)) (func (export \"run\") call $f))");
    assertSame(
        boom, assertThrows(IllegalStateException.class, () -> i.func("run").orElseThrow().call()));
    // The store is still usable afterwards.
    i.func("run").orElseThrow();
  }

  @Test
  void aHostFunctionMayCallBackIntoWebAssembly() {
    Instance[] self = new Instance[1];
    linker.define(
        "env",
        "twice",
        FuncType.of(List.of(ValType.I32), List.of(ValType.I32)),
        (caller, args, results) -> {
          var sq = self[0].func("square").orElseThrow().asIntUnary();
          results.setI32(0, sq.applyAsInt(args.i32(0)) * 2);
        });
    self[0] =
        instantiate(
            """
            (module
              (import "env" "twice" (func $twice (param i32) (result i32)))
              (func (export "square") (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
              (func (export "run") (param i32) (result i32)
                (i32.add (i32.const 1) (call $twice (local.get 0)))))
            """);
    assertEquals(51, self[0].func("run").orElseThrow().asIntUnary().applyAsInt(5));
  }

  @Test
  void readingAnArgumentAsTheWrongTypeIsAnError() {
    linker.define(
        "env",
        "f",
        FuncType.of(List.of(ValType.I32), List.of()),
        (caller, args, results) -> args.i64(0));
    Instance i =
        instantiate(
            "(module (import \"env\" \"f\" (func $f (param i32)))"
                + " (func (export \"run\") (call $f (i32.const 1))))");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> i.func("run").orElseThrow().call());
    assertEquals("value 0 is i32, not i64", e.getMessage());
  }

  @Test
  void aHostFuncCanBeCalledDirectly() {
    Func f =
        Func.of(
            store,
            FuncType.of(List.of(ValType.I32), List.of(ValType.I32)),
            (caller, args, results) -> results.setI32(0, args.i32(0) + 1));
    assertEquals(List.of(WasmValue.i32(8)), f.call(WasmValue.i32(7)));
    assertEquals(8, f.asIntUnary().applyAsInt(7));
  }
}

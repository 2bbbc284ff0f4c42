package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.wasm.RefType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wasm 3.0's typed function references on the interpreter: {@code call_ref}, {@code
 * return_call_ref}, {@code ref.as_non_null}, {@code br_on_null}, {@code br_on_non_null}, their
 * traps, and the linking of imports whose types hold type indices.
 */
class TypedReferenceTest {
  private static final String MODULE =
      """
      (module
        (type $unary (func (param i32) (result i32)))
        (type $count (func (param i64 i64) (result i64)))
        (func $double (type $unary) (i32.mul (local.get 0) (i32.const 2)))
        (func $negate (type $unary) (i32.sub (i32.const 0) (local.get 0)))
        (table $fs 2 (ref null $unary))
        (elem (table $fs) (i32.const 0) (ref null $unary) (ref.func $double) (ref.func $negate))
        (elem declare func $loop)
        (func (export "apply") (param $i i32) (param $x i32) (result i32)
          (call_ref $unary (local.get $x) (table.get $fs (local.get $i))))
        (func (export "apply-null") (result i32)
          (call_ref $unary (i32.const 1) (ref.null $unary)))
        (func $loop (type $count)
          (if (result i64) (i64.eqz (local.get 0))
            (then (local.get 1))
            (else
              (return_call_ref $count
                (i64.sub (local.get 0) (i64.const 1))
                (i64.add (local.get 1) (i64.const 1))
                (ref.func $loop)))))
        (func (export "count") (param i64) (result i64)
          (call $loop (local.get 0) (i64.const 0)))
        (func (export "tail-call-null") (result i64)
          (return_call_ref $count (i64.const 0) (i64.const 0) (ref.null $count)))
        (func (export "as-non-null") (param $r (ref null $unary)) (result i32)
          (call_ref $unary (i32.const 21) (ref.as_non_null (local.get $r))))
        (func (export "on-null") (param $r (ref null $unary)) (result i32)
          (block $null
            (return (call_ref $unary (i32.const 5) (br_on_null $null (local.get $r)))))
          (i32.const -1))
        (func (export "on-non-null") (param $r (ref null $unary)) (result i32)
          (call_ref $unary (i32.const 6)
            (block $some (result (ref $unary))
              (br_on_non_null $some (local.get $r))
              (return (i32.const -1)))))
        (func (export "get") (param i32) (result (ref null $unary))
          (table.get $fs (local.get 0))))
      """;

  private final Engine engine = Engine.create();

  private Instance instance(Store store) {
    return Linker.create().instantiate(store, Module.compileText(engine, MODULE));
  }

  private static WasmValue i32(int v) {
    return WasmValue.i32(v);
  }

  @Test
  void callRefCallsTheReferencedFunction() {
    Func apply = instance(Store.create(engine)).func("apply").orElseThrow();
    assertEquals(List.of(i32(14)), apply.call(i32(0), i32(7)));
    assertEquals(List.of(i32(-7)), apply.call(i32(1), i32(7)));
  }

  @Test
  void callRefOfNullTrapsWithANullFunctionReference() {
    Func f = instance(Store.create(engine)).func("apply-null").orElseThrow();
    Trap t = assertThrows(Trap.class, f::call);
    assertEquals(TrapKind.NULL_FUNCTION_REFERENCE, t.kind());
    assertEquals("null function reference", t.kind().message());
  }

  @Test
  void returnCallRefRunsInConstantSpace() {
    Store store = Store.create(engine, StoreConfig.defaults().withMaxCallDepth(8));
    Func count = instance(store).func("count").orElseThrow();
    assertEquals(List.of(WasmValue.i64(1_000_000)), count.call(WasmValue.i64(1_000_000)));
  }

  @Test
  void returnCallRefOfNullTraps() {
    Func f = instance(Store.create(engine)).func("tail-call-null").orElseThrow();
    assertEquals(TrapKind.NULL_FUNCTION_REFERENCE, assertThrows(Trap.class, f::call).kind());
  }

  @Test
  void referencesPassThroughTheApiAndTheNullOnesTrapOrBranch() {
    Instance i = instance(Store.create(engine));
    WasmValue doubler = i.func("get").orElseThrow().call(i32(0)).get(0);
    WasmValue none = WasmValue.nullRef(RefType.FUNCREF);
    Func asNonNull = i.func("as-non-null").orElseThrow();
    assertEquals(List.of(i32(42)), asNonNull.call(doubler));
    assertEquals(
        TrapKind.NULL_REFERENCE, assertThrows(Trap.class, () -> asNonNull.call(none)).kind());
    Func onNull = i.func("on-null").orElseThrow();
    assertEquals(List.of(i32(10)), onNull.call(doubler));
    assertEquals(List.of(i32(-1)), onNull.call(none));
    Func onNonNull = i.func("on-non-null").orElseThrow();
    assertEquals(List.of(i32(12)), onNonNull.call(doubler));
    assertEquals(List.of(i32(-1)), onNonNull.call(none));
  }

  @Test
  void aFunctionOfAnotherTypeIsNotAcceptedForATypedParameter() {
    Instance i = instance(Store.create(engine));
    WasmValue counter = new WasmValue.FuncRef(i.func("count"));
    Func asNonNull = i.func("as-non-null").orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> asNonNull.call(counter));
  }

  private static final String EXPORTER =
      """
      (module
        (type $unary (func (param i32) (result i32)))
        (func (export "inc") (type $unary) (i32.add (local.get 0) (i32.const 1)))
        (table (export "fs") 1 (ref null $unary))
        (global (export "g") (ref $unary) (ref.func 0)))
      """;

  @Test
  void importsWithTypeIndicesMatchEquivalentTypesOfAnotherModule() {
    Store store = Store.create(engine);
    Linker linker = Linker.create();
    linker.define("m", linker.instantiate(store, Module.compileText(engine, EXPORTER)));
    String importer =
        """
        (module
          (type $other (func (param f64)))
          (type $same (func (param i32) (result i32)))
          (import "m" "inc" (func $inc (type $same)))
          (import "m" "fs" (table 1 (ref null $same)))
          (import "m" "g" (global (ref null func)))
          (elem declare func $inc)
          (func (export "via-ref") (param i32) (result i32)
            (call_ref $same (local.get 0) (ref.func $inc))))
        """;
    Instance i = linker.instantiate(store, Module.compileText(engine, importer));
    assertEquals(List.of(i32(5)), i.func("via-ref").orElseThrow().call(i32(4)));
  }

  @Test
  void importsOfAnotherTypeAreUnlinkable() {
    Store store = Store.create(engine);
    Linker linker = Linker.create();
    linker.define("m", linker.instantiate(store, Module.compileText(engine, EXPORTER)));
    for (String desc :
        new String[] {
          "(func (param i64) (result i32))",
          "(table 1 funcref)",
          "(global (ref null $other))",
          "(global (ref extern))"
        }) {
      String name = desc.startsWith("(func") ? "inc" : desc.startsWith("(table") ? "fs" : "g";
      String wat =
          "(module (type $other (func (param i64))) (import \"m\" \"" + name + "\" " + desc + "))";
      assertThrows(
          UnlinkableException.class,
          () -> linker.instantiate(store, Module.compileText(engine, wat)),
          desc);
    }
  }
}

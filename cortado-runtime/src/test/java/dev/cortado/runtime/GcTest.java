package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.HeapType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Wasm 3.0 garbage collection on the interpreter: structs, arrays, i31s, casts across modules,
 * conversions between the host's and WebAssembly's references, {@code call_indirect} of subtypes,
 * and the API's view of {@code anyref} values.
 */
class GcTest {
  private static final String LIST =
      """
      (module
        (type $node (struct (field $value i32) (field $next (ref null $node))))
        (type $bytes (array (mut i8)))
        (type $shorts (array i16))
        (data $d "\\01\\80\\ff\\7f")
        (func $build (export "build") (param $n i32) (result (ref null $node))
          (local $list (ref null $node))
          (block $done
            (loop $more
              (br_if $done (i32.eqz (local.get $n)))
              (local.set $list (struct.new $node (local.get $n) (local.get $list)))
              (local.set $n (i32.sub (local.get $n) (i32.const 1)))
              (br $more)))
          (local.get $list))
        (func $sum (export "sum") (param $list (ref null $node)) (result i32)
          (local $total i32)
          (block $end
            (loop $next
              (local.set $total
                (i32.add (local.get $total)
                  (struct.get $node $value (br_on_null $end (local.get $list)))))
              (local.set $list (struct.get $node $next (local.get $list)))
              (br $next)))
          (local.get $total))
        (func (export "sum-of") (param i32) (result i32)
          (call $sum (call $build (local.get 0))))
        (func (export "packed") (param $i i32) (result i32 i32)
          (local $a (ref $bytes))
          (local.set $a (array.new $bytes (i32.const 0) (i32.const 4)))
          (array.set $bytes (local.get $a) (local.get $i) (i32.const 0x1ff))
          (array.get_s $bytes (local.get $a) (local.get $i))
          (array.get_u $bytes (local.get $a) (local.get $i)))
        (func (export "shorts") (param $i i32) (result i32)
          (array.get_s $shorts (array.new_data $shorts $d (i32.const 0) (i32.const 2))
            (local.get $i)))
        (func (export "big") (param i32) (result i32)
          (array.len (array.new_default $bytes (local.get 0))))
        (func (export "i31") (param i31ref) (result i32 i32)
          (i31.get_s (local.get 0)) (i31.get_u (local.get 0)))
        (func (export "make-i31") (param i32) (result i31ref) (ref.i31 (local.get 0)))
        (func (export "internalize") (param externref) (result anyref)
          (any.convert_extern (local.get 0)))
        (func (export "externalize") (param anyref) (result externref)
          (extern.convert_any (local.get 0)))
        (func (export "is-eq") (param anyref) (result i32)
          (ref.test eqref (local.get 0))))
      """;

  private final Engine engine = Engine.create();

  private Instance list() {
    return Linker.create().instantiate(Store.create(engine), Module.compileText(engine, LIST));
  }

  private static WasmValue i32(int v) {
    return WasmValue.i32(v);
  }

  @Test
  void structsLinkIntoListsTheProgramWalks() {
    Instance in = list();
    assertEquals(List.of(i32(5050)), in.func("sum-of").orElseThrow().call(i32(100)));
  }

  @Test
  void theHostHoldsStructsAndHandsThemBack() {
    Instance in = list();
    WasmValue list = in.func("build").orElseThrow().call(i32(10)).get(0);
    WasmValue.AnyRef ref = assertInstanceOfAnyRef(list);
    assertEquals(HeapType.Abstract.STRUCT, ref.kind());
    assertEquals(List.of(i32(55)), in.func("sum").orElseThrow().call(list));
  }

  @Test
  void aStructOfAnotherTypeIsRefusedAtTheCall() {
    Instance in = list();
    WasmValue i31 = WasmValue.i31(3);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> in.func("sum").orElseThrow().call(i31));
    assertTrue(e.getMessage().contains("must be"), e.getMessage());
  }

  @Test
  void packedElementsExtendBySignOrZero() {
    Instance in = list();
    assertEquals(List.of(i32(-1), i32(255)), in.func("packed").orElseThrow().call(i32(2)));
    // Data is read little-endian: 0x8001, then 0x7fff.
    assertEquals(List.of(i32(-32767)), in.func("shorts").orElseThrow().call(i32(0)));
    assertEquals(List.of(i32(32767)), in.func("shorts").orElseThrow().call(i32(1)));
    Trap t = assertThrows(Trap.class, () -> in.func("packed").orElseThrow().call(i32(4)));
    assertEquals(TrapKind.OUT_OF_BOUNDS_ARRAY_ACCESS, t.kind());
  }

  @Test
  void anArrayTooLargeForTheJvmTrapsInsteadOfFailing() {
    Func big = list().func("big").orElseThrow();
    assertEquals(List.of(i32(1000)), big.call(i32(1000)));
    Trap t = assertThrows(Trap.class, () -> big.call(i32(-1)));
    assertEquals(TrapKind.ALLOCATION_TOO_LARGE, t.kind());
    assertEquals("allocation too large", t.kind().message());
  }

  @Test
  void i31sCarryThirtyOneBits() {
    Instance in = list();
    Func get = in.func("i31").orElseThrow();
    assertEquals(List.of(i32(-5), i32(0x7FFF_FFFB)), get.call(WasmValue.i31(-5)));
    WasmValue made = in.func("make-i31").orElseThrow().call(i32(0x4000_0000)).get(0);
    // Bit 30 is the sign of an i31.
    assertEquals(-0x4000_0000, assertInstanceOfAnyRef(made).i31().getAsInt());
    Trap t =
        assertThrows(
            Trap.class,
            () ->
                get.call(
                    WasmValue.nullRef(dev.cortado.wasm.RefType.nullable(HeapType.Abstract.I31))));
    assertEquals(TrapKind.NULL_I31_REFERENCE, t.kind());
  }

  @Test
  void hostObjectsCrossIntoTheAnyHierarchyAndBackUnchanged() {
    Instance in = list();
    Object host = new Object();
    WasmValue inside = in.func("internalize").orElseThrow().call(WasmValue.externRef(host)).get(0);
    WasmValue.AnyRef any = assertInstanceOfAnyRef(inside);
    assertSame(host, any.value().orElseThrow());
    assertEquals(HeapType.Abstract.ANY, any.kind());
    // A host object is an anyref but not an eqref.
    assertEquals(List.of(i32(0)), in.func("is-eq").orElseThrow().call(inside));
    assertEquals(List.of(i32(1)), in.func("is-eq").orElseThrow().call(WasmValue.i31(0)));
    WasmValue outside = in.func("externalize").orElseThrow().call(inside).get(0);
    assertEquals(new WasmValue.ExternRef(Optional.of(host)), outside);
  }

  private static final String SHAPES =
      """
      (module
        (rec (type $shape (sub (struct (field i32))))
             (type $circle (sub $shape (struct (field i32) (field f64)))))
        (type $square (sub $shape (struct (field i32) (field f64))))
        (type $area (sub (func (param (ref $shape)) (result i32))))
        (type $circle-area (sub $area (func (param (ref $shape)) (result i32))))
        (table 1 funcref)
        (elem (i32.const 0) $measure)
        (func $measure (type $circle-area) (struct.get $shape 0 (local.get 0)))
        (func (export "circle") (result anyref)
          (struct.new $circle (i32.const 7) (f64.const 1.5)))
        (func (export "square") (result anyref)
          (struct.new $square (i32.const 9) (f64.const 2)))
        (func (export "indirect") (param anyref) (result i32)
          (call_indirect (type $area) (ref.cast (ref $shape) (local.get 0)) (i32.const 0))))
      """;

  // The same recursion group as SHAPES' first, so $circle here is $circle there.
  private static final String CLIENT =
      """
      (module
        (rec (type $shape (sub (struct (field i32))))
             (type $circle (sub $shape (struct (field i32) (field f64)))))
        (func (export "is-circle") (param anyref) (result i32)
          (ref.test (ref $circle) (local.get 0)))
        (func (export "radius") (param anyref) (result f64)
          (struct.get $circle 1 (ref.cast (ref $circle) (local.get 0)))))
      """;

  @Test
  void castsRecognizeEquivalentTypesOfOtherModules() {
    Store store = Store.create(engine);
    Instance shapes = Linker.create().instantiate(store, Module.compileText(engine, SHAPES));
    Instance client = Linker.create().instantiate(store, Module.compileText(engine, CLIENT));
    WasmValue circle = shapes.func("circle").orElseThrow().call().get(0);
    WasmValue square = shapes.func("square").orElseThrow().call().get(0);
    Func isCircle = client.func("is-circle").orElseThrow();
    assertEquals(List.of(i32(1)), isCircle.call(circle));
    assertEquals(List.of(i32(0)), isCircle.call(square));
    assertEquals(List.of(WasmValue.f64(1.5)), client.func("radius").orElseThrow().call(circle));
    Trap t = assertThrows(Trap.class, () -> client.func("radius").orElseThrow().call(square));
    assertEquals(TrapKind.CAST_FAILURE, t.kind());
    assertEquals("cast failure", t.kind().message());
  }

  @Test
  void callIndirectAcceptsAFunctionOfADeclaredSubtype() {
    Instance shapes =
        Linker.create().instantiate(Store.create(engine), Module.compileText(engine, SHAPES));
    Func indirect = shapes.func("indirect").orElseThrow();
    assertEquals(List.of(i32(9)), indirect.call(shapes.func("square").orElseThrow().call().get(0)));
  }

  @Test
  void nullsOfStructTypesReachTheHostAsNullAnyrefsAndGoBackIn() {
    Instance in = list();
    WasmValue none = in.func("build").orElseThrow().call(i32(0)).get(0);
    assertEquals(new WasmValue.AnyRef(Optional.empty()), none);
    assertEquals(List.of(i32(0)), in.func("sum").orElseThrow().call(none));
    // A null of a type index, which does not say its hierarchy, is accepted too.
    WasmValue typed =
        WasmValue.nullRef(new dev.cortado.wasm.RefType(true, new HeapType.Concrete(0)));
    assertEquals(List.of(i32(0)), in.func("sum").orElseThrow().call(typed));
  }

  private static WasmValue.AnyRef assertInstanceOfAnyRef(WasmValue v) {
    return org.junit.jupiter.api.Assertions.assertInstanceOf(WasmValue.AnyRef.class, v);
  }
}

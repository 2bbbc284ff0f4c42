package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.compiler.fuzz.GcModules;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Garbage collection compiled (Wasm 3.0): what the spec scripts do not reach. Float fields keep
 * their bits, packed ones extend as asked, objects of hundreds of fields or elements are built from
 * the stack, traps are the interpreter's and name their function, calls through tables and
 * references reach functions of subtypes, and a function cut into pieces branches on casts. Every
 * case runs on the interpreter too, which gives the same answers.
 */
class CompiledGcTest {
  private static final int FIELDS = 400;
  private static final int ELEMENTS = 400;

  private static final String WAT =
      """
      (module
        (type $floats (struct (field (mut f32)) (field (mut f64))))
        (type $packed (struct (field (mut i8)) (field (mut i16))))
        (type $f32s (array (mut f32)))
        (type $i16s (array (mut i16)))
        (type $big (struct %1$s))
        (type $longs (array i64))
        (type $ints (array i32))
        (type $node (struct (field i32) (field (ref null $node))))
        (type $base (sub (func (result i32))))
        (type $derived (sub $base (func (result i32))))
        (type $takesNode (func (param (ref null $node)) (result i32)))
        (type $vectors (struct (field i32) (field (mut v128))))
        (type $v128s (array (mut v128)))
        (data $bytes "\\01\\02\\03\\04")
        (table funcref (elem $answer $sum))
        (func $answer (type $derived) (i32.const 42))

        (func (export "floatBits") (result i64)
          (local $s (ref $floats)) (local $a (ref $f32s))
          (local.set $s (struct.new $floats
            (f32.reinterpret_i32 (i32.const 0x7fa00001))
            (f64.reinterpret_i64 (i64.const 0x7ff4000000000001))))
          (local.set $a (array.new $f32s (f32.reinterpret_i32 (i32.const 0x7f800101)) (i32.const 4)))
          (array.fill $f32s (local.get $a) (i32.const 1) (struct.get $floats 0 (local.get $s)) (i32.const 2))
          (array.set $f32s (local.get $a) (i32.const 3) (f32.const -0.0))
          (i64.add
            (i64.add
              (i64.extend_i32_u (i32.reinterpret_f32 (array.get $f32s (local.get $a) (i32.const 0))))
              (i64.extend_i32_u (i32.reinterpret_f32 (array.get $f32s (local.get $a) (i32.const 2)))))
            (i64.add
              (i64.reinterpret_f64 (struct.get $floats 1 (local.get $s)))
              (i64.extend_i32_u (i32.reinterpret_f32 (array.get $f32s (local.get $a) (i32.const 3)))))))

        (func (export "packed") (result i32)
          (local $s (ref $packed)) (local $a (ref $i16s))
          (local.set $s (struct.new $packed (i32.const 0xff80) (i32.const 0x18000)))
          (local.set $a (array.new_data $i16s $bytes (i32.const 0) (i32.const 2)))
          (array.set $i16s (local.get $a) (i32.const 1) (i32.const -2))
          ;; -128 + 128 - 32768 + 32768 + 0x0201 - 2 + 65534
          (i32.add
            (i32.add
              (i32.add (struct.get_s $packed 0 (local.get $s)) (struct.get_u $packed 0 (local.get $s)))
              (i32.add (struct.get_s $packed 1 (local.get $s)) (struct.get_u $packed 1 (local.get $s))))
            (i32.add
              (array.get_s $i16s (local.get $a) (i32.const 0))
              (i32.add
                (array.get_s $i16s (local.get $a) (i32.const 1))
                (array.get_u $i16s (local.get $a) (i32.const 1))))))

        (func (export "vectors") (result i64)
          (local $s (ref $vectors)) (local $a (ref $v128s))
          (local.set $s (struct.new $vectors (i32.const 5) (v128.const i64x2 1 2)))
          (local.set $a (array.new $v128s (v128.const i64x2 3 4) (i32.const 4)))
          (array.fill $v128s (local.get $a) (i32.const 2) (struct.get $vectors 1 (local.get $s)) (i32.const 2))
          (array.set $v128s (local.get $a) (i32.const 0) (v128.const i64x2 10 20))
          (struct.set $vectors 1 (local.get $s)
            (i64x2.add (array.get $v128s (local.get $a) (i32.const 0))
                       (array.get $v128s (local.get $a) (i32.const 3))))
          (local.set $a (array.new_fixed $v128s 3
            (v128.const i64x2 100 200) (struct.get $vectors 1 (local.get $s)) (v128.const i64x2 300 400)))
          ;; 100 + 22 * 2 + (11 + 300) * 3 + 5 * 1000 + len 3 * 10000
          (i64.add
            (i64.add
              (i64x2.extract_lane 0 (array.get $v128s (local.get $a) (i32.const 0)))
              (i64.mul (i64x2.extract_lane 1 (array.get $v128s (local.get $a) (i32.const 1))) (i64.const 2)))
            (i64.add
              (i64.mul
                (i64.add (i64x2.extract_lane 0 (array.get $v128s (local.get $a) (i32.const 1)))
                         (i64x2.extract_lane 0 (array.get $v128s (local.get $a) (i32.const 2))))
                (i64.const 3))
              (i64.extend_i32_u
                (i32.add (i32.mul (struct.get $vectors 0 (local.get $s)) (i32.const 1000))
                         (i32.mul (array.len (local.get $a)) (i32.const 10000)))))))

        (func (export "bigStruct") (result i32) (local $s (ref $big))
          (local.set $s (struct.new $big %2$s))
          (i32.add (struct.get $big 0 (local.get $s))
            (i32.add (struct.get $big %5$d (local.get $s)) (struct.get $big %6$d (local.get $s)))))

        (func (export "bigArray") (result i32) (local $a (ref $ints))
          (local.set $a (array.new_fixed $ints %3$d %4$s))
          (i32.add (array.get $ints (local.get $a) (i32.const 0))
            (i32.mul (array.get $ints (local.get $a) (i32.const %7$d)) (array.len (local.get $a)))))

        (func $sum (type $takesNode) (param $n (ref null $node)) (result i32) (local $acc i32)
          (block $done
            (loop $next
              (br_if $done (ref.is_null (local.get $n)))
              (local.set $acc (i32.add (local.get $acc) (struct.get $node 0 (local.get $n))))
              (local.set $n (struct.get $node 1 (local.get $n)))
              (br $next)))
          (local.get $acc))

        (func (export "list") (param $n i32) (result i32)
          (local $head (ref null $node))
          (block $done
            (loop $next
              (br_if $done (i32.eqz (local.get $n)))
              (local.set $head (struct.new $node (local.get $n) (local.get $head)))
              (local.set $n (i32.sub (local.get $n) (i32.const 1)))
              (br $next)))
          ;; through the table, as a $takesNode, and by reference
          (i32.add
            (call_indirect (type $takesNode) (local.get $head) (i32.const 1))
            (call_ref $takesNode (local.get $head) (ref.func $sum))))

        (func (export "subtype") (result i32)
          (i32.add
            (call_indirect (type $base) (i32.const 0))
            (call_ref $base (ref.cast (ref $base) (table.get (i32.const 0))))))

        (func (export "trap") (param $which i32) (result i32)
          (block $b3 (block $b2 (block $b1 (block $b0
            (br_table $b0 $b1 $b2 $b3 (local.get $which)))
            (return (struct.get $node 0 (ref.null $node))))
            (return (i32.wrap_i64 (array.get $longs
              (array.new_fixed $longs 1 (i64.const 1)) (i32.const 1)))))
            (return (i31.get_s (ref.cast (ref null i31) (ref.null none)))))
          (struct.get $node 0 (ref.cast (ref $node) (ref.i31 (i32.const 1)))))

        (func (export "cut") (param $i i32) (result i32) (local $acc i32) (local $r anyref)
          (local.set $r
            (if (result anyref) (i32.and (local.get $i) (i32.const 1))
              (then (ref.i31 (local.get $i)))
              (else (struct.new $node (local.get $i) (ref.null $node)))))
          %8$s
          (block $isI31 (result (ref i31))
            (br_on_cast $isI31 anyref (ref i31) (local.get $r))
            (drop)
            (block $notNode (result anyref)
              (br_on_cast_fail $notNode anyref (ref $node) (local.get $r))
              (struct.get $node 0)
              (local.get $acc)
              (i32.add)
              (local.set $acc)
              %8$s
              (return (local.get $acc)))
            (unreachable))
          (i31.get_u)
          (i32.const 1000)
          (i32.mul)
          (local.get $acc)
          (i32.add)
          (local.set $acc)
          %8$s
          (local.get $acc))
      )
      """
          .formatted(
              "(field i32) ".repeat(FIELDS),
              constants("i32", FIELDS),
              ELEMENTS,
              constants("i32", ELEMENTS),
              FIELDS / 2,
              FIELDS - 1,
              ELEMENTS - 1,
              Fixtures.work(400));

  /** {@code (t.const 1) ... (t.const n)}. */
  private static String constants(String type, int n) {
    StringBuilder b = new StringBuilder();
    for (int k = 1; k <= n; k++) {
      b.append('(').append(type).append(".const ").append(k).append(") ");
    }
    return b.toString();
  }

  private static Instance instance(ExecutionEngine kind) {
    return Fixtures.eagerInstance(kind, WAT);
  }

  private static WasmValue call(ExecutionEngine kind, String name, WasmValue... args) {
    return instance(kind).func(name).orElseThrow().call(args).get(0);
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void floatFieldsAndElementsKeepTheirBits(ExecutionEngine kind) {
    long expected = 0x7f800101L + 0x7fa00001L + 0x7ff4000000000001L + 0x80000000L;
    assertEquals(WasmValue.i64(expected), call(kind, "floatBits"));
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void vectorFieldsAndElementsGoThroughTheRegisters(ExecutionEngine kind) {
    assertEquals(
        WasmValue.i64(100 + 22 * 2 + (11 + 300) * 3 + 5 * 1000 + 3 * 10000), call(kind, "vectors"));
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void packedFieldsAndElementsExtendAsAsked(ExecutionEngine kind) {
    assertEquals(
        WasmValue.i32(-128 + 128 - 32768 + 32768 + 0x0201 - 2 + 65534), call(kind, "packed"));
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void objectsOfHundredsOfFieldsAndElementsAreBuiltFromTheStack(ExecutionEngine kind) {
    assertEquals(WasmValue.i32(1 + FIELDS / 2 + 1 + FIELDS), call(kind, "bigStruct"));
    assertEquals(WasmValue.i32(1 + ELEMENTS * ELEMENTS), call(kind, "bigArray"));
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void callsThroughTablesAndReferencesReachFunctionsOfSubtypes(ExecutionEngine kind) {
    assertEquals(WasmValue.i32(84), call(kind, "subtype"));
    assertEquals(WasmValue.i32(2 * 5_000 * 5_001 / 2), call(kind, "list", WasmValue.i32(5_000)));
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void trapsAreTheInterpretersAndNameTheirFunction(ExecutionEngine kind) {
    Instance i = instance(kind);
    List<TrapKind> expected =
        List.of(
            TrapKind.NULL_STRUCTURE_REFERENCE,
            TrapKind.OUT_OF_BOUNDS_ARRAY_ACCESS,
            TrapKind.NULL_I31_REFERENCE,
            TrapKind.CAST_FAILURE);
    for (int which = 0; which < expected.size(); which++) {
      int w = which;
      Trap t =
          assertThrows(
              Trap.class, () -> i.func("trap").orElseThrow().call(WasmValue.i32(w)), "case " + w);
      assertEquals(expected.get(which), t.kind());
      // Function 9 of the module: $answer, $sum and seven exported ones before it.
      assertEquals(9, t.wasmStackTrace().get(0).functionIndex(), "case " + w);
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void aFunctionCutIntoPiecesBranchesOnCasts(ExecutionEngine kind) {
    int work = Fixtures.sum(7, 400);
    // 7 is odd: an i31, its value times 1000 added; 8 is even: a struct, its field added.
    assertEquals(WasmValue.i32(2 * work + 7000), call(kind, "cut", WasmValue.i32(7)));
    int even = Fixtures.sum(8, 400);
    assertEquals(WasmValue.i32(2 * even + 8), call(kind, "cut", WasmValue.i32(8)));
  }

  @Test
  void theGcFuzzersModulesAreCompiledWhole() {
    // So that GcDifferentialTest compares the interpreter with compiled code, not with itself.
    for (long seed = 0; seed < 5; seed++) {
      Fixtures.assertEveryFunctionCompiled(GcModules.module(seed));
    }
  }

  @Test
  void everyFunctionIsCompiledAndTheLongOneCut() {
    Fixtures.assertEveryFunctionCompiled(WAT);
    Map<String, byte[]> classes =
        ModuleClasses.emit(Validator.validate(TextParser.parseModule(WAT)), "ef".repeat(32))
            .classes();
    assertTrue(
        classes.keySet().stream().anyMatch(n -> n.contains("P10_")),
        "the cut function has pieces: " + classes.keySet());
  }
}

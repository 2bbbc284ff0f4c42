package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.wasm.WasmModule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every abbreviation of the text format parses to the same module as its expanded form. */
class AbbreviationTest {
  static Stream<Arguments> abbreviations() {
    return Stream.of(
        pair("module wrapper left out", "(func) (memory 1)", "(module (func) (memory 1))"),
        pair(
            "inline export",
            "(module (func $f (export \"a\") (export \"b\")))",
            "(module (func $f) (export \"a\" (func $f)) (export \"b\" (func $f)))"),
        pair(
            "inline import",
            "(module (func $f (import \"m\" \"f\") (param i32)))",
            "(module (import \"m\" \"f\" (func $f (param i32))))"),
        pair(
            "inline import with export",
            "(module (global (export \"g\") (import \"m\" \"g\") i32))",
            "(module (import \"m\" \"g\" (global i32)) (export \"g\" (global 0)))"),
        pair(
            "inline table and memory imports with exports",
            "(module (table (export \"t\") (import \"m\" \"t\") 1 funcref)"
                + " (memory (export \"m\") (import \"m\" \"m\") 1 2))",
            "(module (import \"m\" \"t\" (table 1 funcref)) (import \"m\" \"m\" (memory 1 2))"
                + " (export \"t\" (table 0)) (export \"m\" (memory 0)))"),
        pair(
            "table with inline elements",
            "(module (table $t funcref (elem $f $f)) (func $f))",
            "(module (table $t 2 2 funcref)"
                + " (elem (table $t) (i32.const 0) funcref (item ref.func $f) (item ref.func $f))"
                + " (func $f))"),
        pair(
            "table with inline element expressions",
            "(module (table externref (elem (ref.null extern) (item ref.null extern))))",
            "(module (table 2 2 externref)"
                + " (elem (table 0) (offset i32.const 0) externref (item (ref.null extern))"
                + " (item ref.null extern)))"),
        pair(
            "memory with inline data",
            "(module (memory (data \"ab\" \"c\")))",
            "(module (memory 1 1) (data (memory 0) (offset (i32.const 0)) \"abc\"))"),
        pair(
            "empty inline data is zero pages",
            "(module (memory (data)))",
            "(module (memory 0 0) (data (i32.const 0)))"),
        pair(
            "MVP element segment",
            "(module (table 1 funcref) (func $f) (elem (i32.const 0) $f))",
            "(module (table 1 funcref) (func $f)"
                + " (elem (table 0) (offset (i32.const 0)) (ref func) (item ref.func $f)))"),
        pair(
            "element offset as a folded instruction",
            "(module (table 1 funcref) (func $f) (elem (table 0) (i32.const 0) func $f))",
            "(module (table 1 funcref) (func $f) (elem (table 0) (offset i32.const 0) func $f))"),
        pair(
            "element items as folded instructions",
            "(module (func $f) (elem funcref (ref.func $f) (ref.null func)))",
            "(module (func $f) (elem funcref (item ref.func $f) (item ref.null func)))"),
        pair(
            "func element list is ref.func items",
            "(module (func $f) (elem declare func $f))",
            "(module (func $f) (elem declare (ref func) (item ref.func $f)))"),
        pair(
            "data offset as a folded instruction",
            "(module (memory 1) (data (i32.const 8) \"x\"))",
            "(module (memory 1) (data (memory 0) (offset (i32.const 8)) \"x\"))"),
        pair(
            "parameters and locals grouped or one by one",
            "(module (func (param i32 i64) (local f32 f32)))",
            "(module (func (param $a i32) (param $b i64) (local $c f32) (local $d f32)))"),
        pair(
            "results grouped or one by one",
            "(module (func (result i32 i64) unreachable))",
            "(module (func (result i32) (result i64) unreachable))"),
        pair(
            "inline type use",
            "(module (func (param i32)))",
            "(module (type (func (param i32))) (func (type 0) (param i32)))"),
        pair(
            "folded instructions",
            "(module (func (result i32) (i32.add (i32.const 1) (i32.const 2))))",
            "(module (func (result i32) i32.const 1 i32.const 2 i32.add))"),
        pair(
            "folded block",
            "(module (func (block $l (result i32) (br $l (i32.const 1)))))",
            "(module (func block $l (result i32) i32.const 1 br $l end))"),
        pair(
            "folded if",
            "(module (func (if (result i32) (i32.const 1) (then (i32.const 2)) (else (i32.const 3)))"
                + " drop))",
            "(module (func i32.const 1 if (result i32) i32.const 2 else i32.const 3 end drop))"),
        pair(
            "folded if without else",
            "(module (func (if (i32.const 1) (then nop))))",
            "(module (func i32.const 1 if nop end))"),
        pair(
            "labels repeated after end and else",
            "(module (func block $a end $a i32.const 0 if $b else $b end $b))",
            "(module (func (block $a) (if $b (i32.const 0) (then) (else))))"),
        pair(
            "label names and depths",
            "(module (func (block $outer (block $inner (br $outer) (br $inner)))))",
            "(module (func (block (block (br 1) (br 0)))))"),
        pair(
            "call_indirect default table",
            "(module (table 1 funcref) (type $t (func)) (func (call_indirect (type $t) (i32.const 0))))",
            "(module (table 1 funcref) (type $t (func))"
                + " (func (call_indirect 0 (type $t) (i32.const 0))))"),
        pair(
            "table.init default table",
            "(module (table 1 funcref) (elem $e func) (func (table.init $e (i32.const 0)"
                + " (i32.const 0) (i32.const 0))))",
            "(module (table 1 funcref) (elem $e func) (func (table.init 0 $e (i32.const 0)"
                + " (i32.const 0) (i32.const 0))))"),
        pair(
            "table.copy default tables",
            "(module (table 1 funcref) (func table.copy))",
            "(module (table 1 funcref) (func table.copy 0 0))"),
        pair(
            "table.get default table",
            "(module (table 1 funcref) (func (drop (table.get (i32.const 0)))))",
            "(module (table 1 funcref) (func (drop (table.get 0 (i32.const 0)))))"),
        pair(
            "memory 0 by default (multi-memory)",
            "(module (memory 1) (memory $m 1) (data $d \"\")"
                + " (func (drop (memory.size)) memory.copy (memory.init $d (i32.const 0)"
                + " (i32.const 0) (i32.const 0)) (drop (i32.load (i32.const 0)))))",
            "(module (memory 1) (memory $m 1) (data $d \"\")"
                + " (func (drop (memory.size 0)) memory.copy 0 0 (memory.init 0 $d (i32.const 0)"
                + " (i32.const 0) (i32.const 0)) (drop (i32.load 0 (i32.const 0)))))"),
        pair(
            "memory by name or index (multi-memory)",
            "(module (memory 1) (memory $m 1) (data $d \"\") (func (drop (memory.size $m))"
                + " (memory.copy $m 0 (i32.const 0) (i32.const 0) (i32.const 0))"
                + " (memory.init $m $d (i32.const 0) (i32.const 0) (i32.const 0))"
                + " (i32.store $m offset=4 (i32.const 0) (i32.const 1))))",
            "(module (memory 1) (memory $m 1) (data $d \"\") (func (drop (memory.size 1))"
                + " (memory.copy 1 0 (i32.const 0) (i32.const 0) (i32.const 0))"
                + " (memory.init 1 0 (i32.const 0) (i32.const 0) (i32.const 0))"
                + " (i32.store 1 offset=4 (i32.const 0) (i32.const 1))))"),
        pair(
            "a lone number after a lane access is the lane, two are memory and lane",
            "(module (memory 1) (memory 1) (func (param v128) (result v128)"
                + " (v128.load8_lane 3 (i32.const 0) (local.get 0))"
                + " (v128.load8_lane 1 3 (i32.const 0) (local.get 0)) drop))",
            "(module (memory 1) (memory 1) (func (param v128) (result v128)"
                + " (v128.load8_lane 0 offset=0 3 (i32.const 0) (local.get 0))"
                + " (v128.load8_lane 1 offset=0 align=1 3 (i32.const 0) (local.get 0)) drop))"),
        pair(
            "natural alignment and zero offset",
            "(module (memory 1) (func (drop (i64.load32_u (i32.const 0)))))",
            "(module (memory 1) (func (drop (i64.load32_u offset=0 align=4 (i32.const 0)))))"),
        pair(
            "identifiers and indices",
            "(module (global $g (mut i32) (i32.const 0)) (func $f (local $x i32)"
                + " (global.set $g (local.get $x)) (call $f)))",
            "(module (global (mut i32) (i32.const 0)) (func (local i32)"
                + " (global.set 0 (local.get 0)) (call 0)))"),
        pair(
            "forward references",
            "(module (func (call $later)) (func $later))",
            "(module (func (call 1)) (func))"),
        pair(
            "vector constant shapes",
            "(module (func (drop (v128.const i8x16 1 0 0 0 2 0 0 0 -1 -1 -1 -1 0 0 0 0))))",
            "(module (func (drop (v128.const i32x4 1 2 0xffffffff 0))))"),
        pair(
            "float lanes",
            "(module (func (drop (v128.const f32x4 1 -0 inf nan))))",
            "(module (func (drop (v128.const i32x4 0x3f800000 0x80000000 0x7f800000"
                + " 0x7fc00000))))"));
  }

  private static Arguments pair(String name, String abbreviated, String expanded) {
    return Arguments.of(name, abbreviated, expanded);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("abbreviations")
  void abbreviationMeansItsExpansion(String name, String abbreviated, String expanded) {
    WasmModule a = TextParser.parseModule(abbreviated);
    WasmModule b = TextParser.parseModule(expanded);
    assertEquals(
        ModuleDiff.firstDifference(b, a).orElse("equal"), "equal", name + ": expanded vs short");
    assertEquals(b, a);
  }
}

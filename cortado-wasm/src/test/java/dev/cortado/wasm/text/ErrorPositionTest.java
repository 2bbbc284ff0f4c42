package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.MalformedException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Errors name the problem the way the spec suite does, at the line and column where it is. */
class ErrorPositionTest {
  static Stream<Arguments> errors() {
    return Stream.of(
        error("(module\n  (func\n    i32.foo))", "3:5", "unknown operator"),
        error("(module (func get_local 0))", "1:15", "unknown operator"),
        error("(func (drop (i32.const0)))", "1:14", "unknown operator"),
        error("(func br 0drop)", "1:10", "unknown operator"),
        error("(func (block $l (br $m)))", "1:21", "unknown label"),
        error("(func (local.get $x))", "1:18", "unknown local"),
        error("(func\n (call $g))", "2:8", "unknown func"),
        error("(func $f) (func $f)", "1:17", "duplicate func"),
        error("(func (param $x i32) (local $x i32))", "1:29", "duplicate local"),
        error(
            "(global $g i32 (i32.const 0))\n(global $g i32 (i32.const 0))",
            "2:9",
            "duplicate global"),
        error("(func block $a end $b)", "1:20", "mismatching label"),
        error("(func block end $b)", "1:17", "mismatching label"),
        error("(func (i32.const 0x1_0000_0000) drop)", "1:18", "constant out of range"),
        error("(func (f32.const 1e39) drop)", "1:18", "constant out of range"),
        error("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))", "1:34", "alignment"),
        error(
            "(memory 1) (func (drop (i32.load offset=18446744073709551616 (i32.const 0))))",
            "1:34",
            "i64 constant"),
        error("(func (export \"\\ff\"))", "1:15", "malformed UTF-8 encoding"),
        error("(func) (import \"\" \"\" (func))", "1:22", "import after function"),
        error("(func (result i32) (param i32))", "1:20", "unexpected token"),
        error("(func (v128.const i32x4 1 2 3) drop)", "1:30", "wrong number of lane literals"),
        error(
            "(func (i8x16.extract_lane_s 256 (v128.const i64x2 0 0)) drop)",
            "1:29",
            "malformed lane index"),
        error(
            "(func (i8x16.extract_lane_s -1 (v128.const i64x2 0 0)) drop)",
            "1:29",
            "unexpected token"),
        error("(func (start 0) (start 0))", "1:8", "unexpected token"),
        error("(func) (start 0) (start 0)", "1:18", "multiple start sections"),
        error("(module (func)", "1:15", "unexpected end"),
        error("(module (func)))", "1:16", "unexpected token"),
        error("(table 0x1_0000_0000_0000_0000 funcref)", "1:8", "i64 constant out of range"));
  }

  private static Arguments error(String text, String where, String problem) {
    return Arguments.of(text, where, problem);
  }

  @ParameterizedTest(name = "{2}: {0}")
  @MethodSource("errors")
  void reportsTheProblemWhereItIs(String text, String where, String problem) {
    MalformedException e =
        assertThrows(MalformedException.class, () -> TextParser.parseModule(text));
    assertTrue(e.problem().startsWith(problem), () -> "problem: " + e.getMessage());
    assertEquals(where, e.line().getAsInt() + ":" + e.column().getAsInt(), e.getMessage());
  }

  @Test
  void reportsATextModuleOfAScriptAtTheScriptsPosition() {
    Script script =
        TextParser.parseScript(
            "(module $ok (func))\n\n(assert_invalid\n  (module (func (br $nowhere)))\n  \"x\")",
            "t.wast");
    ModuleSource source = ((Command.AssertInvalid) script.commands().get(1)).module();
    MalformedException e = assertThrows(MalformedException.class, source::module);
    assertEquals("4:21", e.line().getAsInt() + ":" + e.column().getAsInt());
  }

  @Test
  void reportsAQuotedModuleAtThePositionInTheQuotedText() {
    Script script =
        TextParser.parseScript("\n\n(module quote \"(func\" \"\\n  nop nop\\n  bad)\")", "t.wast");
    ModuleSource source = ((Command.DefineModule) script.commands().get(0)).module();
    MalformedException e = assertThrows(MalformedException.class, source::module);
    assertEquals("3:3", e.line().getAsInt() + ":" + e.column().getAsInt());
  }

  @Test
  void reportsAnErrorInsideTheModuleBeforeAStrayParenthesisAfterIt() {
    MalformedException e =
        assertThrows(
            MalformedException.class, () -> TextParser.parseModule("(func (i8x16.shuffle 1.5)))"));
    assertTrue(e.problem().startsWith("invalid lane length"), e.problem());
  }

  @Test
  void aListWhereAKeywordBelongsIsMalformedWithItsPosition() {
    // Found by TextParserFuzzTest: a ClassCastException before.
    MalformedException field =
        assertThrows(
            MalformedException.class,
            () -> TextParser.parseModule("(module\n  ((param i32) import \"a\" \"b\" (func)))"));
    assertEquals("2:4", field.line().getAsInt() + ":" + field.column().getAsInt());
    assertTrue(field.problem().startsWith("unexpected token ("), field.problem());
    assertThrows(
        MalformedException.class, () -> TextParser.parseModule("(module (func ((i32.const 1))))"));
  }
}

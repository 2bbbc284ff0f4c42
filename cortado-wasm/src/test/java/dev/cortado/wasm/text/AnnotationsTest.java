package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.CustomSection;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.SectionId;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Annotations in the text format: skipped, or custom sections, names and branch hints. */
class AnnotationsTest {
  private static List<CustomSection> customs(WasmModule m) {
    return m.customSections().stream().filter(c -> !c.name().equals("name")).toList();
  }

  @Test
  void skipsAnnotationsWhereverTokensMayStand() {
    WasmModule annotated =
        TextParser.parseModule(
            """
            ((@a) module (@a) $m (@b x (y) "z" (@c))
              ((@a) func (@a) $f (@a) ((@a) param (@a) i32 (@a)) ((@a) result (@a) i32 (@a))
                ((@a) i32.add (@a) ((@a) local.get (@a) 0) (@a) ((@a) i32.const (@a) 1)))
              (@a) ((@a) memory (@a) 1 (@a)) (@a))
            """);
    WasmModule plain =
        TextParser.parseModule(
            """
            (module $m
              (func $f (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
              (memory 1))
            """);
    assertEquals(plain, annotated);
  }

  @Test
  void customAnnotationsBecomeCustomSectionsAtTheirPlacement() {
    WasmModule m =
        TextParser.parseModule(
            """
            (module
              (@custom "last" "a" "b")
              (@custom "first" (before first) "")
              (@custom "before-global" (before global) "g")
              (@custom "after-func" (after func) "\\01\\02")
              (func)
              (global i32 (i32.const 0)))
            """);
    List<CustomSection> expected =
        List.of(
            new CustomSection("first", Bytes.EMPTY, SectionId.CUSTOM),
            new CustomSection("after-func", Bytes.of(new byte[] {1, 2}), SectionId.FUNCTION),
            new CustomSection("before-global", Bytes.ofUtf8("g"), SectionId.TAG),
            new CustomSection("last", Bytes.ofUtf8("ab"), SectionId.DATA));
    assertEquals(expected, customs(m));
    assertEquals(expected, customs(ModuleDecoder.decode(ModuleEncoder.encode(m))));
  }

  @Test
  void nameAnnotationsNameTheModuleAndFunctions() {
    WasmModule m =
        TextParser.parseModule(
            """
            (module $m (@name "Modül")
              (import "env" "f" (func (@name "imported")))
              (func $lambda (@name "λ"))
              (func))
            """);
    assertEquals(Optional.of("Modül"), m.names().moduleName());
    assertEquals(Map.of(0, "imported", 1, "λ"), m.names().functionNames());
    WasmModule back = ModuleDecoder.decode(ModuleEncoder.encode(m));
    assertEquals(m.names(), back.names());
  }

  @Test
  void acceptsBranchHintsBeforeIfAndBrIfAndDropsThem() {
    WasmModule hinted =
        TextParser.parseModule(
            """
            (func (param i32)
              (@metadata.code.branch_hint "\\00") (if (local.get 0) (then))
              (block local.get 0 (@metadata.code.branch_hint "\\01") br_if 0))
            """);
    WasmModule plain =
        TextParser.parseModule(
            "(func (param i32) (if (local.get 0) (then)) (block local.get 0 br_if 0))");
    assertEquals(plain, hinted);
  }

  @Test
  void rejectsABranchHintOnAnInstructionThatDoesNotBranch() {
    InvalidException e =
        assertThrows(
            InvalidException.class,
            () ->
                TextParser.parseModule(
                    "(func\n  (@metadata.code.branch_hint \"\\01\") (drop (i32.const 0)))"));
    assertTrue(e.getMessage().contains("invalid target"), e.getMessage());
    assertTrue(e.getMessage().contains("2:3"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(@custom) | 1:1 | @custom annotation: missing section name",
        "(@custom \"s\" (after)) | 1:14 | @custom annotation: malformed section kind",
        "(@custom \"s\" (aft type)) | 1:14 | @custom annotation: malformed placement",
        "(@custom \"s\" here) | 1:14 | @custom annotation: unexpected token",
        "(func (@custom \"s\")) | 1:7 | misplaced @custom annotation",
        "(module (func) (@name \"M\")) | 1:16 | misplaced @name annotation",
        "(module (@name \"a\") (@name \"b\")) | 1:21 | @name annotation: multiple module names",
        "(module (start $f (@name \"M\")) (func $f)) | 1:19 | misplaced @name annotation",
        "(@metadata.code.branch_hint \"\\00\") (func) | 1:1 | @metadata.code.branch_hint annotation: not in a function",
        "(func (@metadata.code.branch_hint \"\\00\") (@metadata.code.branch_hint \"\\00\") (if"
            + " (i32.const 0) (then))) | 1:42 | @metadata.code.branch_hint annotation: duplicate",
        "(@) | 1:1 | empty annotation id",
        "(@\"\") | 1:1 | empty annotation id",
        "(@x (y) | 1:8 | unexpected end of input: the annotation (@x at 1:1 is not closed",
        "(func) Würstchen | 1:9 | illegal character U+00FC"
      })
  void rejectsMalformedAnnotationsWithLineAndColumn(String text, String at, String problem) {
    MalformedException e =
        assertThrows(MalformedException.class, () -> TextParser.parseModule(text));
    assertEquals(at, e.line().getAsInt() + ":" + e.column().getAsInt(), e.getMessage());
    assertTrue(e.problem().startsWith(problem), e.problem());
  }

  @Test
  void readsAnnotationsInsideAnAnnotationAsItsBody() {
    WasmModule m = TextParser.parseModule("(@a (@) (@ x) (@(@(@))) @) (func)");
    assertEquals(1, m.functions().size());
  }
}

package dev.cortado.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.ExternKind;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.Tag;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.text.TextPrinter;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tag section, tag imports and exports, and exception code through binary and text. */
class TagSectionTest {
  private static final String MODULE =
      """
      (module
        (import "m" "t" (tag $imported (param i64)))
        (tag $e (export "e") (param i32 f32))
        (tag $plain)
        (export "imported" (tag $imported))
        (func (param exnref) (result i32)
          (block $h (result i32 f32 exnref)
            (try_table (result i32) (catch $e 1) (catch_ref $e $h) (catch_all 1)
              (throw $e (i32.const 1) (f32.const 2)))
            (return))
          (drop) (drop) (drop)
          (block $all (result exnref)
            (try_table (catch_all_ref $all) (throw $plain)))
          (throw_ref)))
      """;

  @Test
  void tagsImportsExportsAndExceptionCodeSurviveBinaryAndText() {
    WasmModule m = TextParser.parseModule(MODULE);
    assertEquals(List.of(new Tag(1), new Tag(2)), m.tags());
    assertEquals(1, m.importedTagCount());
    assertEquals(new ImportDesc.Tag(0), m.imports().get(0).desc());
    assertEquals(ExternKind.TAG, m.exports().get(0).kind());
    assertEquals(1, m.exports().get(0).index());
    WasmModule decoded = ModuleDecoder.decode(ModuleEncoder.encode(m));
    assertEquals(m.tags(), decoded.tags());
    assertEquals(m.imports(), decoded.imports());
    assertEquals(m.exports(), decoded.exports());
    assertEquals(m.functions(), decoded.functions());
    WasmModule reparsed = TextParser.parseModule(TextPrinter.print(decoded));
    assertEquals(decoded.functions(), reparsed.functions());
    assertEquals(decoded.tags(), reparsed.tags());
  }

  @Test
  void legacyTryCatchRethrowAndDelegateSurviveBinaryAndText() {
    String wat =
        """
        (module
          (tag $e (param i32))
          (func (result i32)
            (try $outer (result i32)
              (do
                (try (result i32)
                  (do (try (do (throw $e (i32.const 1))) (delegate $outer)) (i32.const 0))
                  (catch $e)
                  (catch_all (rethrow 0))))
              (catch $e (i32.add (i32.const 1)))))
          (func
            try
              nop
            catch_all
              try
              delegate 1
            end))
        """;
    WasmModule m = TextParser.parseModule(wat);
    WasmModule decoded = ModuleDecoder.decode(ModuleEncoder.encode(m));
    assertEquals(m.functions(), decoded.functions());
    assertEquals(
        decoded.functions(), TextParser.parseModule(TextPrinter.print(decoded)).functions());
  }

  @Test
  void catchOutsideATryIsMalformedText() {
    for (String wat :
        List.of(
            "(module (func (catch_all)))",
            "(module (func (delegate 0)))",
            "(module (func (try (do) (catch_all) (catch_all))))",
            "(module (func block catch_all end))")) {
      MalformedException e =
          assertThrows(MalformedException.class, () -> TextParser.parseModule(wat), wat);
      assertTrue(e.getMessage().contains("unexpected token"), e.getMessage());
    }
  }

  @Test
  void catchLabelsCountFromTheBlockAroundTheTryTable() {
    WasmModule m = TextParser.parseModule(MODULE);
    InstructionReader r = InstructionReader.of(m.functions().get(0).body());
    while (r.next() != Opcode.TRY_TABLE) {}
    Instruction.TryTable t = (Instruction.TryTable) r.instruction();
    assertEquals(
        List.of(
            new Instruction.Catch(Instruction.CatchKind.CATCH, 1, 1),
            new Instruction.Catch(Instruction.CatchKind.CATCH_REF, 1, 0),
            new Instruction.Catch(Instruction.CatchKind.CATCH_ALL, 0, 1)),
        t.catches());
  }

  @Test
  void theTagSectionComesBetweenTheMemoryAndGlobalSections() {
    byte[] b =
        ModuleEncoder.encode(
            TextParser.parseModule("(module (memory 1) (tag) (global i32 (i32.const 0)))"));
    String hex = HexFormat.of().formatHex(b);
    assertTrue(hex.contains("050301000" + "10d0301000006"), hex);
  }

  @Test
  void rejectsATagAttributeOtherThanException() {
    // Type section with one empty function type, then a tag section with attribute 1.
    byte[] b = HexFormat.of().parseHex("0061736d01000000" + "010401600000" + "0d03010100");
    MalformedException e = assertThrows(MalformedException.class, () -> ModuleDecoder.decode(b));
    assertTrue(e.problem().startsWith("malformed tag attribute"), e.problem());
  }
}

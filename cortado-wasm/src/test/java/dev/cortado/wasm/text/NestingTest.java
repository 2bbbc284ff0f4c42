package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.InstructionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Blocks nest as deep as code needs, and nesting mistakes are malformed. */
class NestingTest {
  @Test
  void nestsPlainBlocksWithoutALimit() {
    int depth = 100_000;
    WasmModule m =
        TextParser.parseModule(
            "(func " + "block $l ".repeat(depth) + "br $l end ".repeat(depth) + ")");
    long ends =
        InstructionReader.decodeAll(m.functions().get(0).body()).stream()
            .filter(i -> i.opcode() == Opcode.END)
            .count();
    assertEquals(depth + 1, ends);
  }

  @Test
  void reportsFoldedNestingBeyondTheStackAsMalformed() {
    int depth = 1_000_000;
    MalformedException e =
        assertThrows(
            MalformedException.class,
            () ->
                TextParser.parseModule(
                    "(func " + "(block ".repeat(depth) + ")".repeat(depth) + ")"));
    assertTrue(e.problem().startsWith("folded instructions nested too deeply"), e.problem());
    assertEquals(7, e.column().getAsInt());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(func block else end)",
        "(func i32.const 0 if else else end)",
        "(func block)",
        "(func end)",
        "(func (block end))",
        "(func (if (i32.const 0) (then) (else) (else)))"
      })
  void rejectsMisplacedEndAndElse(String text) {
    MalformedException e =
        assertThrows(MalformedException.class, () -> TextParser.parseModule(text));
    assertTrue(e.problem().startsWith("unexpected token"), e.problem());
  }

  @Test
  void matchesEndsToTheInnermostOpenBlock() {
    WasmModule plain =
        TextParser.parseModule(
            "(func i32.const 1 if block loop br 2 end end else i32.const 0 if end end)");
    WasmModule folded =
        TextParser.parseModule(
            "(func (if (i32.const 1) (then (block (loop (br 2))))"
                + " (else (if (i32.const 0) (then)))))");
    assertEquals(folded, plain);
  }
}

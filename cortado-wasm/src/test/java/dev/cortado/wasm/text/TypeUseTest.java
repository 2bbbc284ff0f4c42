package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.BlockType;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How type uses become type indices, and which inline types are added to the module. */
class TypeUseTest {
  private static List<FuncType> types(WasmModule m) {
    return m.types().stream().map(SubType::composite).map(FuncType.class::cast).toList();
  }

  private static FuncType type(List<ValType> params, List<ValType> results) {
    return FuncType.of(params, results);
  }

  private static Instruction first(WasmModule m, int function) {
    return InstructionReader.decodeAll(m.functions().get(function).body()).get(0);
  }

  @Test
  void appendsInlineTypesAfterExplicitOnesInOrderOfFirstUse() {
    WasmModule m =
        TextParser.parseModule(
            "(func (result i64) unreachable) (func (param i32)) (type (func (param i32)))"
                + " (func (result i64) unreachable) (func (param f32))");
    assertEquals(
        List.of(
            type(List.of(ValType.I32), List.of()),
            type(List.of(), List.of(ValType.I64)),
            type(List.of(ValType.F32), List.of())),
        types(m));
    assertEquals(List.of(1, 0, 1, 2), m.functions().stream().map(f -> f.typeIndex()).toList());
  }

  @Test
  void usesTheFirstOfIdenticalExplicitTypes() {
    WasmModule m = TextParser.parseModule("(type (func)) (type (func)) (func)");
    assertEquals(2, m.types().size());
    assertEquals(0, m.functions().get(0).typeIndex());
  }

  @Test
  void resolvesImportTypesInFieldOrder() {
    WasmModule m =
        TextParser.parseModule(
            "(import \"m\" \"a\" (func (param i64))) (import \"m\" \"b\" (func (param i32)))");
    assertEquals(
        List.of(type(List.of(ValType.I64), List.of()), type(List.of(ValType.I32), List.of())),
        types(m));
    assertEquals(new ImportDesc.Func(1), m.imports().get(1).desc());
  }

  @Test
  void addsAFoldedInstructionsTypeAfterItsOperands() {
    WasmModule m =
        TextParser.parseModule(
            "(table 1 funcref) (func (call_indirect (param i64)"
                + " (block (result i32 i32) unreachable)))");
    assertEquals(
        List.of(
            type(List.of(), List.of()),
            type(List.of(), List.of(ValType.I32, ValType.I32)),
            type(List.of(ValType.I64), List.of())),
        types(m));
  }

  @Test
  void keepsShortBlockTypesInline() {
    WasmModule m = TextParser.parseModule("(func (block) (block (result f64) unreachable))");
    assertEquals(1, m.types().size());
    assertEquals(new Instruction.Block(Opcode.BLOCK, BlockType.EMPTY), first(m, 0));
  }

  @Test
  void givesBlocksWithParametersATypeIndex() {
    WasmModule m = TextParser.parseModule("(func (i32.const 0) (block (param i32) drop))");
    assertEquals(type(List.of(ValType.I32), List.of()), types(m).get(1));
    assertEquals(
        BlockType.ofType(1),
        ((Instruction.Block) InstructionReader.decodeAll(m.functions().get(0).body()).get(1))
            .type());
  }

  @Test
  void keepsAnExplicitBlockTypeIndexEvenForAShortType() {
    WasmModule m =
        TextParser.parseModule(
            "(type $r (func (result i32))) (func (block (type $r) unreachable))");
    assertEquals(new Instruction.Block(Opcode.BLOCK, BlockType.ofType(0)), first(m, 0));
  }

  @Test
  void acceptsAnInlineSignatureThatMatchesTheType() {
    WasmModule m =
        TextParser.parseModule(
            "(type $t (func (param i32) (result i32))) (func (type $t) (param $x i32) (result i32)"
                + " (local.get $x))");
    assertEquals(1, m.types().size());
  }

  @Test
  void rejectsAnInlineSignatureThatDiffersFromTheType() {
    MalformedException e =
        assertThrows(
            MalformedException.class,
            () ->
                TextParser.parseModule(
                    "(type $t (func (param i32))) (func (type $t) (param i64))"));
    assertTrue(e.problem().startsWith("inline function type"), e.problem());
  }

  @Test
  void rejectsAnUnknownTypeName() {
    MalformedException e =
        assertThrows(MalformedException.class, () -> TextParser.parseModule("(func (type $nope))"));
    assertTrue(e.problem().startsWith("unknown type"), e.problem());
  }

  @Test
  void leavesANumericTypeIndexOutOfRangeToTheValidator() {
    assertEquals(7, TextParser.parseModule("(func (type 7))").functions().get(0).typeIndex());
  }

  @Test
  void takesParameterCountFromTheTypeWhenNoneAreInline() {
    WasmModule m =
        TextParser.parseModule(
            "(type (func (param i32 i64))) (func (type 0) (local $l f32) (local.get $l) drop)");
    assertEquals(new Instruction.Indexed(Opcode.LOCAL_GET, 2), first(m, 0));
  }

  @Test
  void rejectsNamedParametersInBlockTypes() {
    assertThrows(
        MalformedException.class,
        () -> TextParser.parseModule("(func (block (param $x i32) drop))"));
  }

  @Test
  void rejectsParametersAfterResults() {
    MalformedException e =
        assertThrows(
            MalformedException.class,
            () -> TextParser.parseModule("(func (result i32) (param i32) unreachable)"));
    assertTrue(e.problem().startsWith("unexpected token"), e.problem());
  }
}

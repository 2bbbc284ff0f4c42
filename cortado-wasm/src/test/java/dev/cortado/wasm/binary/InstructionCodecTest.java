package dev.cortado.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.BlockType;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.MemArg;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.V128;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmVersion;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class InstructionCodecTest {
  /** Returns an instruction of {@code op} with sample immediates of the right shape. */
  static Instruction sample(Opcode op) {
    return switch (op.immediate()) {
      case NONE -> new Instruction.Plain(op);
      case BLOCK_TYPE -> new Instruction.Block(op, BlockType.ofType(300));
      case LABEL, FUNC, LOCAL, GLOBAL, TABLE, DATA, ELEM, TYPE, TAG ->
          new Instruction.Indexed(op, 129);
      case MEMORY -> new Instruction.Indexed(op, 3);
      case CALL_INDIRECT,
          TABLE_INIT,
          TABLE_COPY,
          FIELD,
          TYPE_COUNT,
          TYPE_DATA,
          TYPE_ELEM,
          TYPE_PAIR ->
          new Instruction.IndexPair(op, 5, 70000);
      case CAST ->
          new Instruction.Cast(op, new RefType(op.castsToNullable(), new HeapType.Concrete(300)));
      case BR_ON_CAST ->
          new Instruction.BrOnCast(
              op,
              2,
              RefType.nullable(HeapType.Abstract.ANY),
              new RefType(false, new HeapType.Concrete(7)));
      case MEMORY_INIT -> new Instruction.IndexPair(op, 5, 2);
      case MEMORY_COPY -> new Instruction.IndexPair(op, 1, 300);
      case BR_TABLE -> new Instruction.BrTable(List.of(0, 1, 200), 3);
      case MEMARG -> new Instruction.Memory(op, new MemArg(2, 0xFFFF_FFFFL, 0));
      case MEMARG_LANE -> new Instruction.MemoryLane(op, new MemArg(0, 16, 7), 1);
      case I32 -> new Instruction.I32Const(Integer.MIN_VALUE);
      case I64 -> new Instruction.I64Const(-0x1234_5678_9abcL);
      case F32 -> new Instruction.F32Const(0x7fc0_0001);
      case F64 -> new Instruction.F64Const(0xfff8_0000_0000_0001L);
      case V128 -> new Instruction.V128Const(new V128(0x0102030405060708L, -1));
      case LANE -> new Instruction.Lane(op, 1);
      case SHUFFLE -> new Instruction.Shuffle(new V128(0x1f1e1d1c1b1a1918L, 0x0706050403020100L));
      case HEAP_TYPE -> new Instruction.RefNull(HeapType.Abstract.EXTERN);
      case SELECT_TYPES -> new Instruction.SelectTyped(List.of(ValType.V128));
      case TRY_TABLE ->
          new Instruction.TryTable(
              BlockType.of(ValType.I32),
              List.of(
                  new Instruction.Catch(Instruction.CatchKind.CATCH, 3, 0),
                  new Instruction.Catch(Instruction.CatchKind.CATCH_REF, 200, 1),
                  new Instruction.Catch(Instruction.CatchKind.CATCH_ALL, 0, 2),
                  new Instruction.Catch(Instruction.CatchKind.CATCH_ALL_REF, 0, 300)));
    };
  }

  @ParameterizedTest
  @CsvSource({
    // flags, memory index, offset: the memory index follows the flags when bit 6 is set.
    "28 02 08, 0, 8",
    "28 42 05 08, 5, 8",
    "28 42 80 01 ff ff ff ff ff ff ff ff ff 01, 128, -1",
  })
  void decodesMemArgsOfAnyMemoryWithU64Offsets(String hex, int memory, long offset) {
    InstructionReader r = reader(hex, WasmVersion.WASM_3_0);
    assertEquals(Opcode.I32_LOAD, r.next());
    assertEquals(
        new Instruction.Memory(Opcode.I32_LOAD, new MemArg(2, offset, memory)), r.instruction());
  }

  @ParameterizedTest
  @CsvSource({
    "28 80 01 00, malformed memop flags",
    "28 80 02 00, malformed memop flags",
    "28 42, unexpected end",
  })
  void rejectsMalformedWasm3MemArgs(String hex, String problem) {
    MalformedException e =
        assertThrows(MalformedException.class, reader(hex, WasmVersion.WASM_3_0)::next);
    assertTrue(e.problem().startsWith(problem), e.problem());
  }

  private static InstructionReader reader(String hex, WasmVersion version) {
    byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
    return InstructionReader.of(Expression.of(Bytes.of(bytes)), "code", version);
  }

  @ParameterizedTest
  @EnumSource(Opcode.class)
  void readsBackWhatTheWriterWrote(Opcode op) {
    Instruction i = sample(op);
    Expression e = InstructionWriter.create().write(i).end();
    InstructionReader r = InstructionReader.of(e);
    assertEquals(op, r.next());
    assertEquals(i, r.instruction());
    assertEquals(Opcode.END, r.next());
    assertFalse(r.hasNext());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "27, illegal opcode",
    "fc 12, illegal opcode",
    "fd 9a 01, illegal opcode",
    "3f 01, zero byte expected",
    "3f 80 00, zero byte expected",
    "28 20 00, malformed memop flags",
    "02 60, malformed block type",
    "d0 7f, malformed reference type",
    "41 80 80 80 80 70, integer too large",
    "43 00 00, unexpected end",
    "1f 40 01 04 00, malformed catch clause",
  })
  void rejectsMalformedWasm2Instructions(String hex, String problem) {
    MalformedException e =
        assertThrows(MalformedException.class, reader(hex, WasmVersion.WASM_2_0)::next);
    assertTrue(e.problem().startsWith(problem), e.problem());
  }
}

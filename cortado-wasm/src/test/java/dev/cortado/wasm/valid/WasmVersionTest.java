package dev.cortado.wasm.valid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Wasm 3.0 added or relaxed, and the proposals accepted with it (threads, wide arithmetic), is
 * accepted by default and rejected under Wasm 2.0.
 */
class WasmVersionTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "(module (global i32 (i32.add (i32.const 1) (i32.const 2))))",
        "(module (global i32 (i32.const 1)) (global i32 (global.get 0)))",
        "(module (memory 1) (global i32 (i32.const 8)) (data (global.get 0) \"x\"))",
        "(module (func $f) (func return_call $f))",
        "(module (memory 1) (memory 1))",
        "(module (import \"m\" \"m\" (memory 1)) (memory 1))",
        "(module (tag))",
        "(module (func (block (try_table (catch_all 0)))))",
        "(module (func (param v128 v128) (result v128)"
            + " (i8x16.relaxed_swizzle (local.get 0) (local.get 1))))",
        "(module (memory 1) (func (atomic.fence)))",
        "(module (func (param i64 i64) (result i64 i64)"
            + " (i64.mul_wide_u (local.get 0) (local.get 1))))"
      })
  void wasm3AdditionsAreValidByDefaultAndInvalidInWasm2(String wat) {
    Validator.validate(TextParser.parseModule(wat));
    InvalidException e =
        assertThrows(
            InvalidException.class,
            () ->
                Validator.validate(
                    TextParser.parseModule(wat, WasmVersion.WASM_2_0),
                    false,
                    WasmVersion.WASM_2_0));
    assertTrue(
        e.getMessage().contains("Wasm 3.0") || e.getMessage().contains("unknown global"),
        e.getMessage());
  }

  @Test
  void wasm2ConstantExpressionsMayStillReadImportedGlobals() {
    String wat =
        "(module (import \"m\" \"g\" (global i32)) (memory 1) (data (global.get 0) \"x\"))";
    Validator.validate(
        TextParser.parseModule(wat, WasmVersion.WASM_2_0), false, WasmVersion.WASM_2_0);
  }

  @Test
  void limitsAboveU32AreMalformedTextInWasm2AndInvalidInWasm3() {
    String wat = "(module (memory 0x1_0000_0000))";
    MalformedException m =
        assertThrows(
            MalformedException.class, () -> TextParser.parseModule(wat, WasmVersion.WASM_2_0));
    assertTrue(m.getMessage().contains("i32 constant out of range"), m.getMessage());
    InvalidException i =
        assertThrows(InvalidException.class, () -> Validator.validate(TextParser.parseModule(wat)));
    assertTrue(i.getMessage().contains("memory size"), i.getMessage());
  }

  @Test
  void wideMemoriesAndTablesExistOnlyInWasm3() {
    String wat = "(module (memory i64 1 2) (table i64 1 funcref))";
    WasmModule m = TextParser.parseModule(wat);
    assertEquals(AddressType.I64, m.memories().get(0).addressType());
    assertEquals(AddressType.I64, m.tables().get(0).addressType());
    byte[] binary = ModuleEncoder.encode(m);
    assertEquals(m, ModuleDecoder.decode(binary));
    assertThrows(MalformedException.class, () -> TextParser.parseModule(wat, WasmVersion.WASM_2_0));
    MalformedException e =
        assertThrows(
            MalformedException.class, () -> ModuleDecoder.decode(binary, WasmVersion.WASM_2_0));
    assertTrue(e.getMessage().contains("limits flags"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(module (memory i64 1) (func (drop (i32.load (i32.const 0)))))",
        "(module (memory 1) (func (drop (i32.load (i64.const 0)))))",
        "(module (memory i64 1) (func (result i32) (memory.size)))",
        "(module (memory i64 1) (memory 1) (func (memory.copy 0 1 (i64.const 0) (i32.const 0)"
            + " (i64.const 0))))",
        "(module (memory i64 1) (data (i32.const 0)))",
        "(module (table i64 1 funcref) (func (drop (table.get (i32.const 0)))))",
        "(module (table i64 1 funcref) (type $t (func))"
            + " (func (call_indirect (type $t) (i32.const 0))))",
        "(module (table i64 1 funcref) (elem (i32.const 0) func))",
        "(module (memory 1) (func (drop (i32.load offset=0x1_0000_0000 (i32.const 0)))))"
      })
  void addressesAndCountsHaveTheMemorysOrTablesAddressType(String wat) {
    InvalidException e =
        assertThrows(InvalidException.class, () -> Validator.validate(TextParser.parseModule(wat)));
    assertTrue(
        e.getMessage().contains("type mismatch") || e.getMessage().contains("offset out of range"),
        e.getMessage());
  }

  @Test
  void aCopyBetweenA64AndA32BitMemoryCountsInI32() {
    Validator.validate(
        TextParser.parseModule(
            "(module (memory i64 1) (memory 1) (func (memory.copy 0 1 (i64.const 0) (i32.const 0)"
                + " (i32.const 0)) (drop (i32.load offset=0x1_0000_0000 (i64.const 0)))))"));
  }

  @Test
  void theOpcodeTableKnowsWhichInstructionsAreWasm3() {
    assertEquals(WasmVersion.WASM_3_0, Opcode.RETURN_CALL.since());
    assertEquals(WasmVersion.WASM_3_0, Opcode.F32X4_RELAXED_MADD.since());
    assertEquals(WasmVersion.WASM_2_0, Opcode.CALL.since());
    assertEquals(WasmVersion.WASM_2_0, Opcode.I8X16_SWIZZLE.since());
    assertEquals(WasmVersion.WASM_3_0, Opcode.TRY_TABLE.since());
    assertEquals(WasmVersion.WASM_3_0, Opcode.DELEGATE.since());
    assertTrue(Opcode.CATCH_ALL.handlesExceptions());
    assertTrue(!Opcode.BLOCK.handlesExceptions());
    // Exactly the eight exception instructions, each one of Wasm 3.0's.
    List<Opcode> exceptions =
        Arrays.stream(Opcode.values()).filter(Opcode::handlesExceptions).toList();
    assertEquals(
        List.of(
            Opcode.TRY,
            Opcode.CATCH,
            Opcode.THROW,
            Opcode.RETHROW,
            Opcode.THROW_REF,
            Opcode.DELEGATE,
            Opcode.CATCH_ALL,
            Opcode.TRY_TABLE),
        exceptions);
    exceptions.forEach(op -> assertEquals(WasmVersion.WASM_3_0, op.since(), op.text()));
  }
}

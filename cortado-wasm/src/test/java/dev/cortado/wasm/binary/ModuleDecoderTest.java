package dev.cortado.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.CustomSection;
import dev.cortado.wasm.DataSegment;
import dev.cortado.wasm.ElementSegment;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.Names;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.SectionId;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModuleDecoderTest {
  private static final String HEADER = "0061736d01000000";

  private static byte[] hex(String... parts) {
    return HexFormat.of().parseHex(String.join("", parts).replace(" ", ""));
  }

  private static MalformedException malformed(byte[] bytes) {
    return assertThrows(MalformedException.class, () -> ModuleDecoder.decode(bytes));
  }

  @Test
  void decodesTheEmptyModule() {
    WasmModule m = ModuleDecoder.decode(hex(HEADER));
    assertEquals(WasmModule.builder().build(), m);
  }

  @Test
  void rejectsAMissingOrWrongHeader() {
    assertEquals("unexpected end", malformed(hex("")).problem());
    assertEquals("unexpected end", malformed(hex("006173")).problem());
    assertEquals("magic header not detected", malformed(hex("0061736e01000000")).problem());
    assertTrue(malformed(hex("0061736d02000000")).problem().startsWith("unknown binary version"));
  }

  @Test
  void reportsTheOffsetAndSectionOfAProblem() {
    // A type section whose only type has an unknown form byte 0x61.
    MalformedException e = malformed(hex(HEADER, "01 04 01 61 00 00"));
    assertEquals(11, e.offset().getAsLong());
    assertEquals("type", e.section().orElseThrow());
    assertTrue(e.getMessage().contains("at byte 11 (0xb) in the type section"), e.getMessage());
  }

  @Test
  void rejectsSectionsOutOfOrderOrTwice() {
    String type = "01 04 01 60 00 00";
    String function = "03 02 01 00";
    assertTrue(
        malformed(hex(HEADER, function, type)).problem().startsWith("unexpected content after"));
    assertTrue(malformed(hex(HEADER, type, type)).problem().startsWith("unexpected content after"));
  }

  @Test
  void rejectsAnUnknownSectionId() {
    assertTrue(malformed(hex(HEADER, "0e 00")).problem().startsWith("malformed section id"));
  }

  @Test
  void rejectsASectionLongerOrShorterThanItsContents() {
    // Memory section declaring 4 bytes but holding 3.
    assertTrue(malformed(hex(HEADER, "05 04 01 00 01 00")).problem().startsWith("section size"));
    // Memory section declaring more bytes than the module has.
    assertTrue(malformed(hex(HEADER, "05 09 01 00 01")).problem().startsWith("length out of"));
  }

  @Test
  void refusesHugeCountsWithoutAllocating() {
    // A type section claiming 2^32-1 types in a few bytes.
    MalformedException e = malformed(hex(HEADER, "01 05 ffffffff0f"));
    assertTrue(e.problem().startsWith("unexpected end of section or function"), e.problem());
  }

  @Test
  void requiresOneBodyPerFunction() {
    String types = "01 04 01 60 00 00";
    assertTrue(
        malformed(hex(HEADER, types, "03 02 01 00"))
            .problem()
            .startsWith("function and code section have inconsistent lengths"));
    assertTrue(
        malformed(hex(HEADER, types, "03 02 01 00", "0a 01 00"))
            .problem()
            .startsWith("function and code section have inconsistent lengths"));
  }

  @Test
  void requiresTheDataCountSectionForMemoryInit() {
    // (func (memory.init 0 (i32.const 0) (i32.const 0) (i32.const 0))) with no data count.
    byte[] b =
        hex(
            HEADER,
            "01 04 01 60 00 00",
            "03 02 01 00",
            "05 03 01 00 01",
            "0a 0e 01 0c 00 41 00 41 00 41 00 fc 08 00 00 0b",
            "0b 04 01 01 01 61");
    assertEquals("data count section required", malformed(b).problem());
  }

  @Test
  void checksTheDataCountAgainstTheDataSection() {
    assertTrue(
        malformed(hex(HEADER, "0c 01 02", "0b 04 01 01 01 61"))
            .problem()
            .startsWith("data count and data section have inconsistent lengths"));
  }

  @Test
  void rejectsTooManyLocals() {
    // One function declaring 60000 i32 locals (the limit is 50000).
    byte[] b = hex(HEADER, "01 04 01 60 00 00", "03 02 01 00", "0a 08 01 06 01 e0d403 7f 0b");
    assertTrue(malformed(b).problem().startsWith("too many locals"));
  }

  @Test
  void rejectsBodiesWithoutTheirFinalEndOrWithCodeAfterIt() {
    String prefix = HEADER + "01 04 01 60 00 00" + "03 02 01 00";
    assertEquals("END opcode expected", malformed(hex(prefix, "0a 05 01 03 00 41 00")).problem());
    assertTrue(
        malformed(hex(prefix, "0a 06 01 04 00 0b 01 0b")).problem().startsWith("section size"));
  }

  @Test
  void rejectsElseOutsideIfAndUnknownOpcodes() {
    String prefix = HEADER + "01 04 01 60 00 00" + "03 02 01 00";
    assertTrue(malformed(hex(prefix, "0a 05 01 03 00 05 0b")).problem().startsWith("else without"));
    assertTrue(
        malformed(hex(prefix, "0a 05 01 03 00 27 0b")).problem().startsWith("illegal opcode"));
    assertTrue(
        malformed(hex(prefix, "0a 06 01 04 00 fd 9a 01 0b"))
            .problem()
            .startsWith("illegal opcode"));
  }

  @Test
  void decodesIndicesAboveTwoToThe31AsNegativeForTheValidator() {
    // (import "" "" (func (type 0xffffffff)))
    WasmModule m = ModuleDecoder.decode(hex(HEADER, "02 09 01 00 00 00 ffffffff0f"));
    assertEquals(-1, ((dev.cortado.wasm.ImportDesc.Func) m.imports().get(0).desc()).typeIndex());
  }

  @Test
  void decodesFunctionIndexElementsAsRefFuncExpressions() {
    // (table 1 funcref) (elem (i32.const 0) func 0) with function 0.
    byte[] b =
        hex(
            HEADER,
            "01 04 01 60 00 00",
            "03 02 01 00",
            "04 04 01 70 00 01",
            "09 07 01 00 41 00 0b 01 00",
            "0a 04 01 02 00 0b");
    ElementSegment e = ModuleDecoder.decode(b).elements().get(0);
    // Wasm 3.0: function indices are (ref func)s (Wasm 2.0 said funcref, a supertype).
    assertEquals(RefType.FUNC, e.type());
    assertEquals(
        List.of(new Instruction.Indexed(Opcode.REF_FUNC, 0), new Instruction.Plain(Opcode.END)),
        InstructionReader.decodeAll(e.items().get(0)));
    assertTrue(e.mode() instanceof ElementSegment.Mode.Active a && a.tableIndex() == 0);
  }

  @Test
  void decodesTheNameSection() {
    // name section: module "m", function 0 "f", local 0 of function 0 "x".
    String contents =
        "04 6e616d65" + "00 02 01 6d" + "01 04 01 00 01 66" + "02 06 01 00 01 00 01 78";
    byte[] b = hex(HEADER, "00 17", contents);
    Names names = ModuleDecoder.decode(b).names();
    assertEquals(Optional.of("m"), names.moduleName());
    assertEquals(Map.of(0, "f"), names.functionNames());
    assertEquals(Optional.of("x"), names.localName(0, 0));
  }

  @Test
  void ignoresAMalformedNameSection() {
    // The function-name subsection claims more bytes than the section has.
    byte[] b = hex(HEADER, "00 08 04 6e616d65 01 09 01");
    WasmModule m = ModuleDecoder.decode(b);
    assertEquals(Names.NONE, m.names());
    assertEquals(1, m.customSections().size());
  }

  @Test
  void encodingADecodedModuleGivesBackItsBytes() {
    byte[] b =
        hex(
            HEADER,
            "00 05 01 61 01 02 03", // custom "a" before everything
            "01 05 01 60 01 7f 00",
            "03 02 01 00",
            "05 04 01 01 01 02",
            "07 05 01 01 66 00 00",
            "00 03 01 62 04", // custom "b" after the export section
            "0a 09 01 07 01 02 7e 20 00 1a 0b",
            "0b 07 01 00 41 08 0b 01 7a");
    WasmModule m = ModuleDecoder.decode(b);
    assertArrayEquals(b, ModuleEncoder.encode(m));
    assertEquals(SectionId.EXPORT, m.customSections().get(1).after());
  }

  @Test
  void encodesAndDecodesABuiltModule() {
    Expression body =
        InstructionWriter.create()
            .write(new Instruction.Indexed(Opcode.LOCAL_GET, 0))
            .write(new Instruction.I32Const(-7))
            .write(Opcode.I32_ADD)
            .end();
    WasmModule m =
        WasmModule.builder()
            .addType(FuncType.of(List.of(ValType.I32), List.of(ValType.I32)))
            .addFunction(new Function(0, List.of(ValType.I64, ValType.I64, ValType.F32), body))
            .addTable(new TableType(RefType.EXTERNREF, Limits.of(1, 10)))
            .addMemory(new MemoryType(Limits.of(1)))
            .addData(new DataSegment(Bytes.ofUtf8("hi"), new DataSegment.Mode.Passive()))
            .dataCount(1)
            .addCustomSection(new CustomSection("c", Bytes.of(new byte[] {1}), SectionId.CODE))
            .build();
    assertEquals(m, ModuleDecoder.decode(ModuleEncoder.encode(m)));
  }
}

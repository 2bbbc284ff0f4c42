package dev.cortado.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpcodeTest {
  @Test
  void coversAll236FixedWidthSimdInstructionsAndThe20RelaxedOnes() {
    long simd = Arrays.stream(Opcode.values()).filter(o -> o.prefix() == Opcode.PREFIX_FD).count();
    assertEquals(236 + 20, simd);
    long relaxed =
        Arrays.stream(Opcode.values()).filter(o -> o.text().contains(".relaxed_")).count();
    assertEquals(20, relaxed);
  }

  @Test
  void everyEncodingAndNameIsUnique() {
    Set<Long> encodings = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (Opcode op : Opcode.values()) {
      assertTrue(encodings.add(((long) op.prefix() << 32) | op.code()), op.text());
      // Typed select and the null casts share their names with select, ref.test and ref.cast.
      if (op != Opcode.SELECT_TYPED && op != Opcode.REF_TEST_NULL && op != Opcode.REF_CAST_NULL) {
        assertTrue(names.add(op.text()), op.text());
      }
    }
  }

  @Test
  void findsInstructionsByEncodingAndName() {
    assertSame(Opcode.I32_ADD, Opcode.ofByte(0x6A).orElseThrow());
    assertSame(Opcode.MEMORY_FILL, Opcode.ofPrefixed(0xFC, 11).orElseThrow());
    assertSame(Opcode.F64X2_CONVERT_LOW_I32X4_U, Opcode.ofPrefixed(0xFD, 0xFF).orElseThrow());
    assertSame(
        Opcode.I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S, Opcode.ofPrefixed(0xFD, 0x113).orElseThrow());
    assertTrue(Opcode.ofPrefixed(0xFD, 0x114).isEmpty());
    assertSame(Opcode.I8X16_SHUFFLE, Opcode.ofText("i8x16.shuffle").orElseThrow());
    assertSame(Opcode.SELECT, Opcode.ofText("select").orElseThrow());
    assertTrue(Opcode.ofByte(0x27).isEmpty());
    assertTrue(Opcode.ofPrefixed(0xFD, 0x9A).isEmpty());
  }

  @Test
  void givesFixedSignaturesAndAccessSizes() {
    assertEquals(java.util.List.of(ValType.I32, ValType.I32), Opcode.I32_ADD.params());
    assertEquals(java.util.List.of(ValType.I64), Opcode.I64_LOAD32_U.results());
    assertEquals(4, Opcode.I64_LOAD32_U.accessBytes());
    assertEquals(8, Opcode.V128_LOAD16_LANE.lanes());
    assertTrue(!Opcode.DROP.hasFixedSignature());
  }
}

package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.ValType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --invoke} values in the text format's spelling, bit for bit both ways. */
class InvokeValuesTest {
  @ParameterizedTest(name = "f32 {0} = 0x{1}, printed {2}")
  @CsvSource({
    "nan, 7fc00000, nan",
    "-nan, ffc00000, -nan",
    "nan:0x1, 7f800001, nan:0x1",
    "nan:0x200000, 7fa00000, nan:0x200000",
    "-nan:0x7fffff, ffffffff, -nan:0x7fffff",
    "inf, 7f800000, inf",
    "-inf, ff800000, -inf",
    "+inf, 7f800000, inf",
    "0, 00000000, 0.0",
    "-0.0, 80000000, -0.0",
    "-0, 80000000, -0.0",
    "1.5, 3fc00000, 1.5",
    "0x1.8p1, 40400000, 3.0",
    "0x1p-149, 00000001, 1.4E-45",
    "1.4e-45, 00000001, 1.4E-45",
    "0x1.fffffcp-127, 007fffff, 1.1754942E-38",
    "3.4028235e38, 7f7fffff, 3.4028235E38",
    "1_000, 447a0000, 1000.0",
    "0.1, 3dcccccd, 0.1"
  })
  void readsAndPrintsF32InTheTextFormat(String text, String hexBits, String printed) {
    int bits = Integer.parseUnsignedInt(hexBits, 16);
    WasmValue v = InvokeValues.parse(text, ValType.F32);
    assertEquals(bits, ((WasmValue.F32) v).bits(), () -> Integer.toHexString(bits));
    assertEquals(printed, InvokeValues.format(v));
    WasmValue back = InvokeValues.parse(InvokeValues.format(v), ValType.F32);
    assertEquals(bits, ((WasmValue.F32) back).bits());
  }

  @ParameterizedTest(name = "f64 {0} = 0x{1}, printed {2}")
  @CsvSource({
    "nan, 7ff8000000000000, nan",
    "-nan, fff8000000000000, -nan",
    "nan:0x1, 7ff0000000000001, nan:0x1",
    "nan:0x4000000000000, 7ff4000000000000, nan:0x4000000000000",
    "-nan:0xfffffffffffff, ffffffffffffffff, -nan:0xfffffffffffff",
    "inf, 7ff0000000000000, inf",
    "-inf, fff0000000000000, -inf",
    "-0.0, 8000000000000000, -0.0",
    "1.25, 3ff4000000000000, 1.25",
    "0x1p-1074, 0000000000000001, 4.9E-324",
    "4.9e-324, 0000000000000001, 4.9E-324",
    "0x0.fffffffffffffp-1022, 000fffffffffffff, 2.225073858507201E-308",
    "1.7976931348623157e308, 7fefffffffffffff, 1.7976931348623157E308",
    "0.1, 3fb999999999999a, 0.1",
    "-0x1.8p3, c028000000000000, -12.0"
  })
  void readsAndPrintsF64InTheTextFormat(String text, String hexBits, String printed) {
    long bits = Long.parseUnsignedLong(hexBits, 16);
    WasmValue v = InvokeValues.parse(text, ValType.F64);
    assertEquals(bits, ((WasmValue.F64) v).bits(), () -> Long.toHexString(bits));
    assertEquals(printed, InvokeValues.format(v));
    WasmValue back = InvokeValues.parse(InvokeValues.format(v), ValType.F64);
    assertEquals(bits, ((WasmValue.F64) back).bits());
  }

  @ParameterizedTest(name = "f32 bits 0x{0} round-trip")
  @ValueSource(
      ints = {
        0x7fc00001,
        0xff800001,
        0x7fbfffff,
        0x00000000,
        0x80000000,
        0x00000001,
        0x807fffff,
        0x7f7fffff,
        0x3f800001,
        0xff7fffff
      })
  void everyF32BitPatternRoundTrips(int bits) {
    String text = InvokeValues.format(new WasmValue.F32(bits));
    assertEquals(bits, ((WasmValue.F32) InvokeValues.parse(text, ValType.F32)).bits(), text);
  }

  @ParameterizedTest(name = "f64 bits 0x{0} round-trip")
  @ValueSource(
      longs = {
        0x7ff8000000000001L, 0xfff0000000000001L, 0x7ff7ffffffffffffL, 0x8000000000000000L,
        0x0000000000000001L, 0x800fffffffffffffL, 0x7fefffffffffffffL, 0x3ff0000000000001L
      })
  void everyF64BitPatternRoundTrips(long bits) {
    String text = InvokeValues.format(new WasmValue.F64(bits));
    assertEquals(bits, ((WasmValue.F64) InvokeValues.parse(text, ValType.F64)).bits(), text);
  }

  @ParameterizedTest(name = "{0} is not an f64")
  @ValueSource(
      strings = {"Infinity", "-Infinity", "NaN", "1e999", "0x1p1024", "nan:0x0", "1.5f", ""})
  void rejectsWhatTheTextFormatRejectsWithAClearMessage(String text) {
    UserException e =
        assertThrows(UserException.class, () -> InvokeValues.parse(text, ValType.F64));
    assertTrue(e.getMessage().startsWith("\"" + text + "\" is not an f64: "), e.getMessage());
    assertTrue(e.getMessage().contains("inf, -inf, nan"), e.getMessage());
  }

  @ParameterizedTest(name = "{0} is not an f32")
  @ValueSource(strings = {"1e39", "0x1p128", "nan:0x800000"})
  void rejectsF32LiteralsOutOfRange(String text) {
    UserException e =
        assertThrows(UserException.class, () -> InvokeValues.parse(text, ValType.F32));
    assertTrue(e.getMessage().contains("constant out of range"), e.getMessage());
  }

  @ParameterizedTest(name = "i32 {0} = {1}")
  @CsvSource({"0, 0", "-1, -1", "0xffffffff, -1", "4294967295, -1", "-0x80000000, -2147483648"})
  void readsIntegersAsTheTextFormatDoes(String text, int expected) {
    assertEquals(WasmValue.i32(expected), InvokeValues.parse(text, ValType.I32));
  }

  @ParameterizedTest(name = "{0} is not an i32")
  @ValueSource(strings = {"4294967296", "1__0", "1.0", "x"})
  void rejectsIntegersTheTextFormatRejects(String text) {
    UserException e =
        assertThrows(UserException.class, () -> InvokeValues.parse(text, ValType.I32));
    assertTrue(e.getMessage().startsWith("\"" + text + "\" is not an i32"), e.getMessage());
  }
}

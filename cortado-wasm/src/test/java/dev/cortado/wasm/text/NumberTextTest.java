package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.MalformedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Single numbers outside a module follow the same rules as literals inside one. */
class NumberTextTest {
  @Test
  void agreesWithConstantsInAModule() {
    String text = "-0x1.fffffep+127";
    var module = TextParser.parseModule("(func (result f32) (f32.const " + text + "))");
    assertEquals(
        TextPrinter.print(module).lines().filter(l -> l.contains("f32.const")).findFirst().get(),
        "    f32.const " + NumberText.f32(NumberText.f32(text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1 2", "(", "x", "1.5f", "--1", "1__0", "0x", "nan:0x"})
  void rejectsAnythingButOneNumber(String text) {
    MalformedException e = assertThrows(MalformedException.class, () -> NumberText.f64(text));
    assertTrue(e.problem().startsWith("not a number in the text format"), e.problem());
  }

  @Test
  void rejectsValuesOutOfRangeAsTheParserDoes() {
    MalformedException e = assertThrows(MalformedException.class, () -> NumberText.f64("1e999"));
    assertTrue(e.problem().startsWith("constant out of range"), e.problem());
    assertThrows(MalformedException.class, () -> NumberText.i32("0x1_0000_0000"));
    assertEquals(-1L, NumberText.i64("0xffff_ffff_ffff_ffff"));
  }
}

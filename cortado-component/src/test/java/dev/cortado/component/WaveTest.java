package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Component values as WAVE text, both ways. */
class WaveTest {
  static final Optional<String> NONE = Optional.empty();

  static Shape p(PrimitiveType t) {
    return new Shape.Primitive(t, NONE);
  }

  private static void roundTrips(String text, Shape s, ComponentValue v) {
    assertEquals(v, Wave.parse(text, s), text);
    assertEquals(text, Wave.format(v, s));
  }

  @Test
  void primitives() {
    roundTrips("true", p(PrimitiveType.BOOL), new ComponentValue.Bool(true));
    roundTrips("-128", p(PrimitiveType.S8), new ComponentValue.Int(PrimitiveType.S8, -128));
    roundTrips(
        "18446744073709551615",
        p(PrimitiveType.U64),
        new ComponentValue.Int(PrimitiveType.U64, -1));
    roundTrips("1.5", p(PrimitiveType.F64), new ComponentValue.F64(1.5));
    roundTrips("-inf", p(PrimitiveType.F32), new ComponentValue.F32(Float.NEGATIVE_INFINITY));
    roundTrips("nan", p(PrimitiveType.F64), new ComponentValue.F64(Double.NaN));
    roundTrips("'😀'", p(PrimitiveType.CHAR), new ComponentValue.Char(0x1F600));
    roundTrips(
        "\"a \\\"quoted\\\"\\nline\"",
        p(PrimitiveType.STRING),
        new ComponentValue.Str("a \"quoted\"\nline"));
    assertEquals(new ComponentValue.Str("é"), Wave.parse("\"\\u{e9}\"", p(PrimitiveType.STRING)));
  }

  @Test
  void compounds() {
    Shape point =
        new Shape.Record(
            List.of(
                new Shape.Field("x", p(PrimitiveType.S32)),
                new Shape.Field("y", p(PrimitiveType.S32))),
            NONE);
    roundTrips(
        "[{x: 1, y: -2}]",
        new Shape.ListOf(point, 0, NONE),
        new ComponentValue.ListV(
            List.of(
                new ComponentValue.RecordV(
                    List.of(
                        new ComponentValue.Int(PrimitiveType.S32, 1),
                        new ComponentValue.Int(PrimitiveType.S32, -2))))));
    Shape result =
        new Shape.Result(
            Optional.of(new Shape.Option(p(PrimitiveType.STRING), NONE)),
            Optional.of(new Shape.Enum(List.of("not-found", "denied"), NONE)),
            NONE);
    roundTrips(
        "ok(some(\"x\"))",
        result,
        new ComponentValue.ResultV(
            true,
            Optional.of(new ComponentValue.OptionV(Optional.of(new ComponentValue.Str("x"))))));
    roundTrips(
        "err(denied)",
        result,
        new ComponentValue.ResultV(false, Optional.of(new ComponentValue.EnumV(1))));
    Shape flags = new Shape.Flags(List.of("read", "write", "exec"), NONE);
    roundTrips("{read, exec}", flags, new ComponentValue.FlagsV(Set.of(0, 2)));
    Shape tuple = new Shape.Tuple(List.of(p(PrimitiveType.U8), p(PrimitiveType.BOOL)), NONE);
    roundTrips(
        "(7, false)",
        tuple,
        new ComponentValue.TupleV(
            List.of(new ComponentValue.Int(PrimitiveType.U8, 7), new ComponentValue.Bool(false))));
    Shape variant =
        new Shape.Variant(
            List.of(
                new Shape.Case("empty", Optional.empty()),
                new Shape.Case("n", Optional.of(p(PrimitiveType.U32)))),
            NONE);
    roundTrips(
        "n(3)",
        variant,
        new ComponentValue.VariantV(1, Optional.of(new ComponentValue.Int(PrimitiveType.U32, 3))));
    roundTrips("empty", variant, new ComponentValue.VariantV(0, Optional.empty()));
    assertEquals(
        "[1, 255]",
        Wave.format(
            new ComponentValue.Bytes(new byte[] {1, -1}),
            new Shape.ListOf(p(PrimitiveType.U8), 0, NONE)));
  }

  @Test
  void argumentsAndCalls() {
    List<Shape.Field> params =
        List.of(
            new Shape.Field("name", p(PrimitiveType.STRING)),
            new Shape.Field("n", p(PrimitiveType.U32)));
    Wave.Call c = Wave.Call.parse("greet(\"a, b\", 2)");
    assertEquals("greet", c.function());
    assertEquals(
        List.of(new ComponentValue.Str("a, b"), new ComponentValue.Int(PrimitiveType.U32, 2)),
        Wave.parseArguments(c.arguments(), params));
    assertThrows(IllegalArgumentException.class, () -> Wave.Call.parse("greet"));
  }

  @Test
  void mistakesSayWhereAndWhat() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Wave.parse("300", p(PrimitiveType.U8)));
    assertTrue(e.getMessage().contains("a u8 (0 to 255) at character 1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Wave.parse("[1, 2", new Shape.ListOf(p(PrimitiveType.U8), 0, NONE)));
    assertTrue(e.getMessage().contains("found the end"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Wave.parse("\"open", p(PrimitiveType.STRING)));
    assertTrue(e.getMessage().contains("closing"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Wave.parse("1 2", p(PrimitiveType.U8)));
  }
}

package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Component values stored in and loaded from linear memory by the canonical ABI. */
class CanonicalValuesTest {
  private static final Optional<String> NONE = Optional.empty();

  private static Shape p(PrimitiveType t) {
    return new Shape.Primitive(t, NONE);
  }

  @Test
  void aRecordOfEveryKindRoundTrips() {
    Shape entry =
        new Shape.Record(
            List.of(
                new Shape.Field("ok", p(PrimitiveType.BOOL)),
                new Shape.Field("n", p(PrimitiveType.S16)),
                new Shape.Field("big", p(PrimitiveType.U64)),
                new Shape.Field("x", p(PrimitiveType.F64)),
                new Shape.Field("c", p(PrimitiveType.CHAR)),
                new Shape.Field("name", p(PrimitiveType.STRING)),
                new Shape.Field("tags", new Shape.ListOf(p(PrimitiveType.STRING), 0, NONE)),
                new Shape.Field("when", new Shape.Option(p(PrimitiveType.U32), NONE)),
                new Shape.Field(
                    "r",
                    new Shape.Result(
                        Optional.empty(),
                        Optional.of(new Shape.Enum(List.of("a", "b"), NONE)),
                        NONE)),
                new Shape.Field("flags", new Shape.Flags(List.of("r", "w", "x"), NONE))),
            NONE);
    ComponentValue v =
        new ComponentValue.RecordV(
            List.of(
                new ComponentValue.Bool(true),
                new ComponentValue.Int(PrimitiveType.S16, -2),
                new ComponentValue.Int(PrimitiveType.U64, -1),
                new ComponentValue.F64(2.5),
                new ComponentValue.Char(0x1F600),
                new ComponentValue.Str("héllo"),
                new ComponentValue.ListV(
                    List.of(new ComponentValue.Str("a"), new ComponentValue.Str("bc"))),
                new ComponentValue.OptionV(
                    Optional.of(new ComponentValue.Int(PrimitiveType.U32, 7))),
                new ComponentValue.ResultV(false, Optional.of(new ComponentValue.EnumV(1))),
                new ComponentValue.FlagsV(Set.of(0, 2))));
    BumpMemory mem = new BumpMemory(4096, 1024);
    CanonicalValues.store(mem, 0, entry, v);
    assertEquals(v, CanonicalValues.load(mem, 0, entry));
    // The string, the list and its two strings were allocated.
    assertEquals(4, mem.allocations);
  }

  @Test
  void aByteListLiftsAsBytesAndLowersFromEitherForm() {
    Shape bytes = new Shape.ListOf(p(PrimitiveType.U8), 0, NONE);
    BumpMemory mem = new BumpMemory(4096, 1024);
    CanonicalValues.store(mem, 0, bytes, new ComponentValue.Bytes(new byte[] {1, 2, (byte) 255}));
    assertEquals(
        new ComponentValue.Bytes(new byte[] {1, 2, (byte) 255}),
        CanonicalValues.load(mem, 0, bytes));
    ComponentValue asList =
        new ComponentValue.ListV(
            List.of(
                new ComponentValue.Int(PrimitiveType.U8, 7),
                new ComponentValue.Int(PrimitiveType.U8, 8)));
    CanonicalValues.store(mem, 8, bytes, asList);
    assertEquals(new ComponentValue.Bytes(new byte[] {7, 8}), CanonicalValues.load(mem, 8, bytes));
    // A list of another element type stays a list of values.
    Shape shorts = new Shape.ListOf(p(PrimitiveType.U16), 0, NONE);
    ComponentValue s =
        new ComponentValue.ListV(List.of(new ComponentValue.Int(PrimitiveType.U16, 65535)));
    CanonicalValues.store(mem, 16, shorts, s);
    assertEquals(s, CanonicalValues.load(mem, 16, shorts));
  }

  @Test
  void invalidValuesInMemoryTrap() {
    BumpMemory mem = new BumpMemory(4096, 1024);
    Shape option = new Shape.Option(p(PrimitiveType.U8), NONE);
    mem.bytes[0] = 2;
    AbiException bad = assertThrows(AbiException.class, () -> CanonicalValues.load(mem, 0, option));
    assertTrue(bad.getMessage().contains("discriminant 2"), bad.getMessage());
    mem.bytes[8] = 0;
    mem.bytes[9] = (byte) 0xD8; // a surrogate
    assertThrows(AbiException.class, () -> CanonicalValues.load(mem, 8, p(PrimitiveType.CHAR)));
    // A string of invalid UTF-8 at 100, two bytes long.
    mem.bytes[16] = 100;
    mem.bytes[20] = 2;
    mem.bytes[100] = (byte) 0xC3;
    mem.bytes[101] = (byte) 0x28;
    assertThrows(AbiException.class, () -> CanonicalValues.load(mem, 16, p(PrimitiveType.STRING)));
    // A list reaching past the memory's end.
    mem.bytes[24] = (byte) 0xF0;
    mem.bytes[25] = 0x0F;
    mem.bytes[28] = 100;
    AbiException out =
        assertThrows(
            AbiException.class,
            () -> CanonicalValues.load(mem, 24, new Shape.ListOf(p(PrimitiveType.U32), 0, NONE)));
    assertTrue(out.getMessage().contains("out of bounds"), out.getMessage());
    assertThrows(AbiException.class, () -> CanonicalValues.load(mem, 2, p(PrimitiveType.U32)));
  }

  /** A bump memory with another string encoding. */
  private static BumpMemory encoded(CanonicalFunction.Encoding encoding) {
    return new BumpMemory(4096, 1024) {
      @Override
      public CanonicalFunction.Encoding encoding() {
        return encoding;
      }
    };
  }

  @Test
  void stringsRoundTripInEveryEncoding() {
    Shape string = p(PrimitiveType.STRING);
    for (CanonicalFunction.Encoding e : CanonicalFunction.Encoding.values()) {
      for (String text : List.of("", "plain", "café", "日本 😀")) {
        BumpMemory mem = encoded(e);
        CanonicalValues.store(mem, 0, string, new ComponentValue.Str(text));
        assertEquals(
            new ComponentValue.Str(text), CanonicalValues.load(mem, 0, string), e + " " + text);
      }
    }
    // latin1+utf16: Latin-1 text stays one byte per character; other text is tagged UTF-16.
    BumpMemory mixed = encoded(CanonicalFunction.Encoding.LATIN1_UTF16);
    CanonicalValues.store(mixed, 0, string, new ComponentValue.Str("café"));
    assertEquals(4, mixed.bytes[4]);
    CanonicalValues.store(mixed, 8, string, new ComponentValue.Str("日本"));
    assertEquals((byte) 0x80, mixed.bytes[15]);
    BumpMemory broken = encoded(CanonicalFunction.Encoding.UTF16);
    broken.bytes[4] = 1;
    broken.bytes[0] = 64;
    broken.bytes[65] = (byte) 0xD8; // a lone high surrogate
    assertThrows(AbiException.class, () -> CanonicalValues.load(broken, 0, string));
  }
}

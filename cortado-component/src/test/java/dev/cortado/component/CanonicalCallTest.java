package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Values through core parameters and results: flat, and through memory past the flat limits. */
class CanonicalCallTest {
  private static final Optional<String> NONE = Optional.empty();

  private static Shape p(PrimitiveType t) {
    return new Shape.Primitive(t, NONE);
  }

  @Test
  void variantsRoundTripThroughTheirJoinedSlots() {
    BumpMemory mem = new BumpMemory(8192, 16);
    Shape r =
        new Shape.Result(
            Optional.of(p(PrimitiveType.U64)), Optional.of(p(PrimitiveType.F32)), NONE);
    ComponentValue error =
        new ComponentValue.ResultV(false, Optional.of(new ComponentValue.F32(-1.5f)));
    long[] flat = FlatValues.lower(mem, r, error);
    assertEquals(2, flat.length);
    assertEquals(1, flat[0]);
    // The f32 sits in the i64 slot as its 32 bits, zero-extended.
    assertEquals(Float.floatToRawIntBits(-1.5f) & 0xFFFF_FFFFL, flat[1]);
    assertEquals(error, FlatValues.lift(mem, r, flat));
    ComponentValue ok =
        new ComponentValue.ResultV(
            true, Optional.of(new ComponentValue.Int(PrimitiveType.U64, -7)));
    assertEquals(ok, FlatValues.lift(mem, r, FlatValues.lower(mem, r, ok)));
    Shape text = new Shape.ListOf(p(PrimitiveType.STRING), 0, NONE);
    ComponentValue words =
        new ComponentValue.ListV(
            List.of(new ComponentValue.Str("a"), new ComponentValue.Str("bé")));
    assertEquals(words, FlatValues.lift(mem, text, FlatValues.lower(mem, text, words)));
  }

  @Test
  void manyParametersAndABigResultGoThroughMemory() {
    BumpMemory mem = new BumpMemory(8192, 16);
    List<Shape.Field> params = new ArrayList<>();
    List<ComponentValue> args = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      params.add(new Shape.Field("p" + i, p(PrimitiveType.U32)));
      args.add(new ComponentValue.Int(PrimitiveType.U32, i * 1000L));
    }
    World.Function f =
        new World.Function("many", params, Optional.of(p(PrimitiveType.STRING)), false);
    long[] core = CanonicalCall.lowerArguments(mem, f, args);
    // Seventeen i32s are one more than flat parameters allow: one pointer instead.
    assertEquals(1, core.length);
    assertEquals(CanonicalAbi.flatten(f, true).params().size(), core.length);
    assertEquals(args, CanonicalCall.liftArguments(mem, f, core));
    // A string result is two core values, one more than flat results allow: written at a pointer.
    long retptr = mem.realloc(0, 0, 4, 8);
    long[] lowered = new long[] {core[0], retptr};
    ComponentValue result = new ComponentValue.Str("done");
    assertEquals(0, CanonicalCall.lowerResult(mem, f, Optional.of(result), lowered).length);
    assertEquals(Optional.of(result), CanonicalCall.liftResult(mem, f, new long[] {retptr}));
  }

  @Test
  void aListWhoseStringsShareTheirBytesTrapsInsteadOfFillingTheHeap() {
    // 1 MiB of memory: a string of 512 KiB at 0, and 65,536 list entries at 512 KiB that all
    // point at it. Lifted naively, 32 GiB of strings.
    BumpMemory mem = new BumpMemory(1 << 20, 0);
    int entries = 1 << 16;
    int list = 1 << 19;
    for (int i = 0; i < entries; i++) {
      int at = list + 8 * i;
      mem.bytes[at + 1] = 0; // pointer 0
      mem.bytes[at + 6] = 8; // length 512 KiB (0x80000), little-endian
    }
    World.Function f =
        new World.Function(
            "log",
            List.of(new Shape.Field("lines", new Shape.ListOf(p(PrimitiveType.STRING), 0, NONE))),
            Optional.empty(),
            false);
    AbiException e =
        assertThrows(
            AbiException.class,
            () -> CanonicalCall.liftArguments(mem, f, new long[] {list, entries}));
    assertTrue(e.getMessage().contains("lifts to more than " + LiftBudget.FLOOR), e.getMessage());
    // The same list of short strings (each its own 16 bytes) lifts.
    for (int i = 0; i < entries; i++) {
      mem.bytes[list + 8 * i + 6] = 0;
      mem.bytes[list + 8 * i + 4] = 16;
    }
    List<ComponentValue> lifted = CanonicalCall.liftArguments(mem, f, new long[] {list, entries});
    assertEquals(entries, ((ComponentValue.ListV) lifted.get(0)).elements().size());
  }

  @Test
  void flatArgumentsStayFlat() {
    BumpMemory mem = new BumpMemory(8192, 16);
    World.Function f =
        new World.Function(
            "f",
            List.of(
                new Shape.Field("b", p(PrimitiveType.BOOL)),
                new Shape.Field("s", p(PrimitiveType.S8)),
                new Shape.Field("flags", new Shape.Flags(Collections.nCopies(40, "x"), NONE))),
            Optional.of(p(PrimitiveType.U32)),
            false);
    List<ComponentValue> args =
        List.of(
            new ComponentValue.Bool(true),
            new ComponentValue.Int(PrimitiveType.S8, -3),
            new ComponentValue.FlagsV(java.util.Set.of(0, 39)));
    long[] core = CanonicalCall.lowerArguments(mem, f, args);
    assertEquals(4, core.length);
    assertEquals(args, CanonicalCall.liftArguments(mem, f, core));
    assertEquals(
        Optional.of(new ComponentValue.Int(PrimitiveType.U32, 0xFFFF_FFFFL)),
        CanonicalCall.liftResult(mem, f, new long[] {0xFFFF_FFFFL}));
    assertThrows(
        IllegalArgumentException.class, () -> CanonicalCall.lowerArguments(mem, f, List.of()));
  }
}

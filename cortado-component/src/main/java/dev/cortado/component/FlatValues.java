package dev.cortado.component;

import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Component values as the core values the canonical ABI passes them in ({@link
 * CanonicalAbi#flatten}): {@link #lift} reads one from core values, {@link #lower} turns one into
 * core values, strings and lists going through linear memory. A core value is held as its bits in a
 * long: an {@code i32} or {@code f32} in the low 32 bits (an {@code i32} unsigned), an {@code i64}
 * or {@code f64} in all 64, so that a variant's joined slots need no conversion but a cut.
 */
public final class FlatValues {
  private FlatValues() {}

  /** Reads a value of shape {@code s} from the core values {@code flat} (its flattening). */
  public static ComponentValue lift(AbiMemory mem, Shape s, long[] flat) {
    int[] at = {0};
    ComponentValue v = lift(mem, s, flat, at);
    if (at[0] != flat.length) {
      throw new IllegalArgumentException(flat.length + " core values for " + at[0]);
    }
    return v;
  }

  private static long next(long[] flat, int[] at) {
    if (at[0] >= flat.length) {
      throw new IllegalArgumentException("too few core values");
    }
    return flat[at[0]++];
  }

  static ComponentValue lift(AbiMemory mem, Shape s, long[] flat, int[] at) {
    return switch (s) {
      case Shape.Primitive p -> {
        long x = next(flat, at);
        yield switch (p.type()) {
          case BOOL -> new ComponentValue.Bool((int) x != 0);
          case S8 -> new ComponentValue.Int(p.type(), (byte) x);
          case U8 -> new ComponentValue.Int(p.type(), x & 0xFF);
          case S16 -> new ComponentValue.Int(p.type(), (short) x);
          case U16 -> new ComponentValue.Int(p.type(), x & 0xFFFF);
          case S32 -> new ComponentValue.Int(p.type(), (int) x);
          case U32 -> new ComponentValue.Int(p.type(), x & 0xFFFF_FFFFL);
          case S64, U64 -> new ComponentValue.Int(p.type(), x);
          case F32 -> new ComponentValue.F32(Float.intBitsToFloat((int) x));
          case F64 -> new ComponentValue.F64(Double.longBitsToDouble(x));
          case CHAR -> {
            long c = x & 0xFFFF_FFFFL;
            if (c >= 0x110000 || (c >= 0xD800 && c <= 0xDFFF)) {
              throw new AbiException("invalid char 0x" + Long.toHexString(c));
            }
            yield new ComponentValue.Char((int) c);
          }
          case STRING -> {
            long len = next(flat, at);
            yield CanonicalValues.loadString(mem, x & 0xFFFF_FFFFL, len & 0xFFFF_FFFFL);
          }
          case ERROR_CONTEXT -> new ComponentValue.HandleV((int) x);
        };
      }
      case Shape.ListOf l -> {
        if (l.fixedLength() > 0) {
          List<ComponentValue> elements = new ArrayList<>();
          for (int i = 0; i < l.fixedLength(); i++) {
            elements.add(lift(mem, l.element(), flat, at));
          }
          yield new ComponentValue.ListV(elements);
        }
        long ptr = next(flat, at) & 0xFFFF_FFFFL;
        long len = next(flat, at) & 0xFFFF_FFFFL;
        yield CanonicalValues.loadList(mem, ptr, len, l.element());
      }
      case Shape.Record r -> {
        List<ComponentValue> fields = new ArrayList<>();
        for (Shape.Field f : r.fields()) {
          fields.add(lift(mem, f.shape(), flat, at));
        }
        yield new ComponentValue.RecordV(fields);
      }
      case Shape.Tuple t -> {
        List<ComponentValue> elements = new ArrayList<>();
        for (Shape e : t.elements()) {
          elements.add(lift(mem, e, flat, at));
        }
        yield new ComponentValue.TupleV(elements);
      }
      case Shape.Flags f -> {
        Set<Integer> set = new HashSet<>();
        int n = f.labels().size();
        for (int chunk = 0; chunk * 32 < n; chunk++) {
          long bits = next(flat, at);
          for (int i = chunk * 32; i < Math.min(n, chunk * 32 + 32); i++) {
            if ((bits >>> (i % 32) & 1) != 0) {
              set.add(i);
            }
          }
        }
        yield new ComponentValue.FlagsV(set);
      }
      case Shape.Handle h -> new ComponentValue.HandleV((int) next(flat, at));
      case Shape.Stream st -> new ComponentValue.HandleV((int) next(flat, at));
      case Shape.Future fu -> new ComponentValue.HandleV((int) next(flat, at));
      default -> liftVariant(mem, s, flat, at);
    };
  }

  private static ComponentValue liftVariant(AbiMemory mem, Shape s, long[] flat, int[] at) {
    List<Optional<Shape>> cases = CanonicalAbi.cases(s);
    List<ValType> joined = CanonicalAbi.flatten(s);
    long index = next(flat, at) & 0xFFFF_FFFFL;
    if (index >= cases.size()) {
      throw new AbiException("invalid variant discriminant " + index + " of " + cases.size());
    }
    int end = at[0] + joined.size() - 1;
    Optional<Shape> c = cases.get((int) index);
    Optional<ComponentValue> payload = Optional.empty();
    if (c.isPresent()) {
      // A payload's 32-bit values sit in wider joined slots: cut them back.
      List<ValType> own = CanonicalAbi.flatten(c.get());
      long[] cut = new long[own.size()];
      for (int i = 0; i < cut.length; i++) {
        long x = flat[at[0] + i];
        cut[i] = own.get(i) == ValType.I32 || own.get(i) == ValType.F32 ? x & 0xFFFF_FFFFL : x;
      }
      payload = Optional.of(lift(mem, c.get(), cut, new int[] {0}));
    }
    if (end > flat.length) {
      throw new IllegalArgumentException("too few core values");
    }
    at[0] = end;
    return switch (s) {
      case Shape.Enum e -> new ComponentValue.EnumV((int) index);
      case Shape.Option o -> new ComponentValue.OptionV(payload);
      case Shape.Result r -> new ComponentValue.ResultV(index == 0, payload);
      default -> new ComponentValue.VariantV((int) index, payload);
    };
  }

  /** Returns the core values of {@code v}, a value of shape {@code s}. */
  public static long[] lower(AbiMemory mem, Shape s, ComponentValue v) {
    List<Long> out = new ArrayList<>();
    lower(mem, s, v, out);
    return toArray(out);
  }

  /** Returns the core values of {@code values}, one after another, each of its field's shape. */
  static long[] lower(AbiMemory mem, List<Shape.Field> fields, List<ComponentValue> values) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      lower(mem, fields.get(i).shape(), values.get(i), out);
    }
    return toArray(out);
  }

  private static long[] toArray(List<Long> values) {
    long[] flat = new long[values.size()];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = values.get(i);
    }
    return flat;
  }

  private static void lower(AbiMemory mem, Shape s, ComponentValue v, List<Long> out) {
    switch (s) {
      case Shape.Primitive p -> {
        switch (p.type()) {
          case STRING -> {
            long[] ptrLen =
                CanonicalValues.storeString(
                    mem, CanonicalValues.as(v, ComponentValue.Str.class).value());
            out.add(ptrLen[0]);
            out.add(ptrLen[1]);
          }
          case S64, U64 -> out.add(CanonicalValues.as(v, ComponentValue.Int.class).value());
          case F64 ->
              out.add(
                  Double.doubleToRawLongBits(
                      CanonicalValues.as(v, ComponentValue.F64.class).value()));
          case F32 ->
              out.add(
                  Float.floatToRawIntBits(CanonicalValues.as(v, ComponentValue.F32.class).value())
                      & 0xFFFF_FFFFL);
          case BOOL -> out.add(CanonicalValues.as(v, ComponentValue.Bool.class).value() ? 1L : 0L);
          case CHAR -> out.add((long) CanonicalValues.as(v, ComponentValue.Char.class).codePoint());
          case ERROR_CONTEXT ->
              out.add(CanonicalValues.as(v, ComponentValue.HandleV.class).handle() & 0xFFFF_FFFFL);
          default ->
              out.add(CanonicalValues.as(v, ComponentValue.Int.class).value() & 0xFFFF_FFFFL);
        }
      }
      case Shape.ListOf l -> {
        if (l.fixedLength() > 0) {
          for (ComponentValue e : CanonicalValues.as(v, ComponentValue.ListV.class).elements()) {
            lower(mem, l.element(), e, out);
          }
        } else {
          long[] ptrLen = CanonicalValues.storeList(mem, l.element(), v);
          out.add(ptrLen[0]);
          out.add(ptrLen[1]);
        }
      }
      case Shape.Record r -> {
        List<ComponentValue> fields = CanonicalValues.as(v, ComponentValue.RecordV.class).fields();
        for (int i = 0; i < r.fields().size(); i++) {
          lower(mem, r.fields().get(i).shape(), fields.get(i), out);
        }
      }
      case Shape.Tuple t -> {
        List<ComponentValue> elements =
            CanonicalValues.as(v, ComponentValue.TupleV.class).elements();
        for (int i = 0; i < t.elements().size(); i++) {
          lower(mem, t.elements().get(i), elements.get(i), out);
        }
      }
      case Shape.Flags f -> {
        long[] chunks = new long[(f.labels().size() + 31) / 32];
        for (int i : CanonicalValues.as(v, ComponentValue.FlagsV.class).set()) {
          chunks[i / 32] |= 1L << (i % 32);
        }
        for (long c : chunks) {
          out.add(c);
        }
      }
      case Shape.Handle h ->
          out.add(CanonicalValues.as(v, ComponentValue.HandleV.class).handle() & 0xFFFF_FFFFL);
      case Shape.Stream st ->
          out.add(CanonicalValues.as(v, ComponentValue.HandleV.class).handle() & 0xFFFF_FFFFL);
      case Shape.Future fu ->
          out.add(CanonicalValues.as(v, ComponentValue.HandleV.class).handle() & 0xFFFF_FFFFL);
      default -> {
        CanonicalValues.Case c = CanonicalValues.caseOf(s, v);
        int slots = CanonicalAbi.flatten(s).size() - 1;
        out.add((long) c.index());
        int before = out.size();
        if (c.shape().isPresent()) {
          lower(mem, c.shape().get(), c.payload().orElseThrow(), out);
        }
        while (out.size() < before + slots) {
          out.add(0L);
        }
      }
    }
  }
}

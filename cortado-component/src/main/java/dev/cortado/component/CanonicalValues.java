package dev.cortado.component;

import dev.cortado.wasm.internal.ByteReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Component values in linear memory, as the canonical ABI lays them out ({@link CanonicalAbi}):
 * {@link #load} reads one (checking that it is a value of its type), {@link #store} writes one,
 * allocating strings and lists with the memory's {@code realloc}. Strings are UTF-8.
 */
public final class CanonicalValues {
  private CanonicalValues() {}

  /** Reads the value of shape {@code s} at address {@code ptr}. */
  public static ComponentValue load(AbiMemory mem, int ptr, Shape s) {
    check(mem, ptr, CanonicalAbi.size(s), CanonicalAbi.alignment(s));
    return switch (s) {
      case Shape.Primitive p ->
          switch (p.type()) {
            case BOOL -> new ComponentValue.Bool(le(mem, ptr, 1) != 0);
            case S8 -> new ComponentValue.Int(p.type(), (byte) le(mem, ptr, 1));
            case U8 -> new ComponentValue.Int(p.type(), le(mem, ptr, 1));
            case S16 -> new ComponentValue.Int(p.type(), (short) le(mem, ptr, 2));
            case U16 -> new ComponentValue.Int(p.type(), le(mem, ptr, 2));
            case S32 -> new ComponentValue.Int(p.type(), (int) le(mem, ptr, 4));
            case U32 -> new ComponentValue.Int(p.type(), le(mem, ptr, 4));
            case S64, U64 -> new ComponentValue.Int(p.type(), le(mem, ptr, 8));
            case F32 -> new ComponentValue.F32(Float.intBitsToFloat((int) le(mem, ptr, 4)));
            case F64 -> new ComponentValue.F64(Double.longBitsToDouble(le(mem, ptr, 8)));
            case CHAR -> new ComponentValue.Char(scalar(le(mem, ptr, 4)));
            case STRING -> loadString(mem, u32(mem, ptr), u32(mem, ptr + 4));
            case ERROR_CONTEXT -> new ComponentValue.HandleV((int) le(mem, ptr, 4));
          };
      case Shape.ListOf l -> {
        Shape e = l.element();
        if (l.fixedLength() > 0) {
          yield new ComponentValue.ListV(elements(mem, ptr, e, l.fixedLength()));
        }
        yield loadList(mem, u32(mem, ptr), u32(mem, ptr + 4), e);
      }
      case Shape.Record r ->
          new ComponentValue.RecordV(
              fields(mem, ptr, r.fields().stream().map(Shape.Field::shape).toList()));
      case Shape.Tuple t -> new ComponentValue.TupleV(fields(mem, ptr, t.elements()));
      case Shape.Flags f -> {
        Set<Integer> set = new HashSet<>();
        int n = f.labels().size();
        int bytes = CanonicalAbi.flagsSize(n);
        for (int i = 0; i < n; i++) {
          int chunk = bytes < 4 ? 0 : i / 32;
          long bits = le(mem, ptr + 4 * chunk, Math.min(bytes, 4));
          if ((bits >>> (i % 32) & 1) != 0) {
            set.add(i);
          }
        }
        yield new ComponentValue.FlagsV(set);
      }
      case Shape.Handle h -> new ComponentValue.HandleV((int) le(mem, ptr, 4));
      case Shape.Stream st -> new ComponentValue.HandleV((int) le(mem, ptr, 4));
      case Shape.Future fu -> new ComponentValue.HandleV((int) le(mem, ptr, 4));
      default -> variant(mem, ptr, s);
    };
  }

  private static ComponentValue variant(AbiMemory mem, int ptr, Shape s) {
    List<Optional<Shape>> cases = CanonicalAbi.cases(s);
    int discSize = CanonicalAbi.discriminantSize(cases.size());
    long index = le(mem, ptr, discSize);
    if (index >= cases.size()) {
      throw new AbiException("invalid variant discriminant " + index + " of " + cases.size());
    }
    int payloadAt = ptr + CanonicalAbi.payloadOffset(s);
    Optional<ComponentValue> payload = cases.get((int) index).map(c -> load(mem, payloadAt, c));
    return switch (s) {
      case Shape.Enum e -> new ComponentValue.EnumV((int) index);
      case Shape.Option o -> new ComponentValue.OptionV(payload);
      case Shape.Result r -> new ComponentValue.ResultV(index == 0, payload);
      default -> new ComponentValue.VariantV((int) index, payload);
    };
  }

  /**
   * Reads a list of {@code n} elements of shape {@code e} at {@code begin}: {@link
   * ComponentValue.Bytes} for a {@code list<u8>}.
   */
  static ComponentValue loadList(AbiMemory mem, long begin, long n, Shape e) {
    check(mem, begin, n * CanonicalAbi.size(e), CanonicalAbi.alignment(e));
    if (isByte(e)) {
      return new ComponentValue.Bytes(mem.read((int) begin, (int) n));
    }
    return new ComponentValue.ListV(elements(mem, (int) begin, e, (int) n));
  }

  private static boolean isByte(Shape e) {
    return e instanceof Shape.Primitive p && p.type() == PrimitiveType.U8;
  }

  /** The bit of a latin1+utf16 string's length that says it is UTF-16. */
  private static final long UTF16_TAG = 1L << 31;

  /**
   * Reads a string at {@code begin} of {@code length} code units in the memory's encoding (for
   * latin1+utf16, a length tagged when the string is UTF-16).
   */
  static ComponentValue.Str loadString(AbiMemory mem, long begin, long length) {
    return new ComponentValue.Str(
        switch (mem.encoding()) {
          case UTF8 -> string(mem, begin, length);
          case UTF16 -> utf16(mem, begin, length);
          case LATIN1_UTF16 ->
              (length & UTF16_TAG) != 0
                  ? utf16(mem, begin, length & ~UTF16_TAG)
                  : latin1(mem, begin, length);
        });
  }

  /**
   * Writes {@code text} in a new allocation, in the memory's encoding; returns its address and
   * length in code units (tagged for a latin1+utf16 string that needs UTF-16).
   */
  static long[] storeString(AbiMemory mem, String text) {
    switch (mem.encoding()) {
      case UTF8 -> {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int at = allocate(mem, utf8.length, 1);
        mem.write(at, utf8);
        return new long[] {at & 0xFFFF_FFFFL, utf8.length};
      }
      case UTF16 -> {
        return new long[] {storeUtf16(mem, text), text.length()};
      }
      default -> {
        boolean latin1 = text.chars().allMatch(c -> c <= 0xFF);
        if (!latin1) {
          return new long[] {storeUtf16(mem, text), text.length() | UTF16_TAG};
        }
        int at = allocate(mem, text.length(), 2);
        mem.write(at, text.getBytes(StandardCharsets.ISO_8859_1));
        return new long[] {at & 0xFFFF_FFFFL, text.length()};
      }
    }
  }

  private static long storeUtf16(AbiMemory mem, String text) {
    int at = allocate(mem, 2L * text.length(), 2);
    mem.write(at, text.getBytes(StandardCharsets.UTF_16LE));
    return at & 0xFFFF_FFFFL;
  }

  private static String utf16(AbiMemory mem, long begin, long units) {
    check(mem, begin, 2 * units, 2);
    byte[] bytes = mem.read((int) begin, (int) (2 * units));
    char[] chars = new char[(int) units];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] & 0xFF) << 8);
    }
    for (int i = 0; i < chars.length; i++) {
      if (Character.isHighSurrogate(chars[i])
          && i + 1 < chars.length
          && Character.isLowSurrogate(chars[i + 1])) {
        i++;
      } else if (Character.isSurrogate(chars[i])) {
        throw new AbiException("invalid UTF-16 in a string: an unpaired surrogate at " + i);
      }
    }
    return new String(chars);
  }

  private static String latin1(AbiMemory mem, long begin, long length) {
    check(mem, begin, length, 2);
    return new String(mem.read((int) begin, (int) length), StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes list {@code v} (a {@link ComponentValue.ListV}, or {@link ComponentValue.Bytes} for a
   * {@code list<u8>}) of elements of shape {@code e} in a new allocation; returns its address and
   * count.
   */
  static long[] storeList(AbiMemory mem, Shape e, ComponentValue v) {
    if (v instanceof ComponentValue.Bytes b && isByte(e)) {
      int at = allocate(mem, b.bytes().length, 1);
      mem.write(at, b.bytes());
      return new long[] {at & 0xFFFF_FFFFL, b.bytes().length};
    }
    List<ComponentValue> elements = as(v, ComponentValue.ListV.class).elements();
    int size = CanonicalAbi.size(e);
    int at = allocate(mem, (long) elements.size() * size, CanonicalAbi.alignment(e));
    for (int i = 0; i < elements.size(); i++) {
      store(mem, at + i * size, e, elements.get(i));
    }
    return new long[] {at & 0xFFFF_FFFFL, elements.size()};
  }

  private static List<ComponentValue> elements(AbiMemory mem, int ptr, Shape e, int n) {
    List<ComponentValue> list = new ArrayList<>(n);
    int size = CanonicalAbi.size(e);
    for (int i = 0; i < n; i++) {
      list.add(load(mem, ptr + i * size, e));
    }
    return list;
  }

  private static List<ComponentValue> fields(AbiMemory mem, int ptr, List<Shape> shapes) {
    List<ComponentValue> values = new ArrayList<>(shapes.size());
    int offset = 0;
    for (Shape f : shapes) {
      offset = CanonicalAbi.alignTo(offset, CanonicalAbi.alignment(f));
      values.add(load(mem, ptr + offset, f));
      offset += CanonicalAbi.size(f);
    }
    return values;
  }

  /** Writes {@code v}, a value of shape {@code s}, at address {@code ptr}. */
  public static void store(AbiMemory mem, int ptr, Shape s, ComponentValue v) {
    check(mem, ptr, CanonicalAbi.size(s), CanonicalAbi.alignment(s));
    switch (s) {
      case Shape.Primitive p -> {
        switch (p.type()) {
          case BOOL -> put(mem, ptr, as(v, ComponentValue.Bool.class).value() ? 1 : 0, 1);
          case S8, U8 -> put(mem, ptr, as(v, ComponentValue.Int.class).value(), 1);
          case S16, U16 -> put(mem, ptr, as(v, ComponentValue.Int.class).value(), 2);
          case S32, U32 -> put(mem, ptr, as(v, ComponentValue.Int.class).value(), 4);
          case S64, U64 -> put(mem, ptr, as(v, ComponentValue.Int.class).value(), 8);
          case F32 ->
              put(mem, ptr, Float.floatToRawIntBits(as(v, ComponentValue.F32.class).value()), 4);
          case F64 ->
              put(mem, ptr, Double.doubleToRawLongBits(as(v, ComponentValue.F64.class).value()), 8);
          case CHAR -> put(mem, ptr, scalar(as(v, ComponentValue.Char.class).codePoint()), 4);
          case STRING -> {
            long[] ptrLen = storeString(mem, as(v, ComponentValue.Str.class).value());
            put(mem, ptr, ptrLen[0], 4);
            put(mem, ptr + 4, ptrLen[1], 4);
          }
          case ERROR_CONTEXT -> put(mem, ptr, as(v, ComponentValue.HandleV.class).handle(), 4);
        }
      }
      case Shape.ListOf l -> {
        Shape e = l.element();
        if (l.fixedLength() > 0) {
          List<ComponentValue> elements = as(v, ComponentValue.ListV.class).elements();
          int size = CanonicalAbi.size(e);
          if (elements.size() != l.fixedLength()) {
            throw new IllegalArgumentException(
                "a list of " + l.fixedLength() + " elements, not " + elements.size());
          }
          for (int i = 0; i < elements.size(); i++) {
            store(mem, ptr + i * size, e, elements.get(i));
          }
          return;
        }
        long[] ptrLen = storeList(mem, e, v);
        put(mem, ptr, ptrLen[0], 4);
        put(mem, ptr + 4, ptrLen[1], 4);
      }
      case Shape.Record r ->
          storeFields(
              mem,
              ptr,
              r.fields().stream().map(Shape.Field::shape).toList(),
              as(v, ComponentValue.RecordV.class).fields());
      case Shape.Tuple t ->
          storeFields(mem, ptr, t.elements(), as(v, ComponentValue.TupleV.class).elements());
      case Shape.Flags f -> {
        int bytes = CanonicalAbi.flagsSize(f.labels().size());
        byte[] flags = new byte[bytes];
        for (int i : as(v, ComponentValue.FlagsV.class).set()) {
          flags[(bytes < 4 ? 0 : 4 * (i / 32)) + (i % 32) / 8] |= (byte) (1 << (i % 8));
        }
        mem.write(ptr, flags);
      }
      case Shape.Handle h -> put(mem, ptr, as(v, ComponentValue.HandleV.class).handle(), 4);
      case Shape.Stream st -> put(mem, ptr, as(v, ComponentValue.HandleV.class).handle(), 4);
      case Shape.Future fu -> put(mem, ptr, as(v, ComponentValue.HandleV.class).handle(), 4);
      default -> storeVariant(mem, ptr, s, v);
    }
  }

  /**
   * A value's case of a variant-like shape: its index, the case's payload shape and the value's
   * payload.
   */
  record Case(int index, Optional<Shape> shape, Optional<ComponentValue> payload) {}

  /** Returns which case of {@code s} value {@code v} is, checking it fits. */
  static Case caseOf(Shape s, ComponentValue v) {
    List<Optional<Shape>> cases = CanonicalAbi.cases(s);
    int index;
    Optional<ComponentValue> payload;
    switch (v) {
      case ComponentValue.VariantV x -> {
        index = x.index();
        payload = x.payload();
      }
      case ComponentValue.EnumV x -> {
        index = x.index();
        payload = Optional.empty();
      }
      case ComponentValue.OptionV x -> {
        index = x.value().isPresent() ? 1 : 0;
        payload = x.value();
      }
      case ComponentValue.ResultV x -> {
        index = x.ok() ? 0 : 1;
        payload = x.payload();
      }
      default -> throw new IllegalArgumentException("not a value of a variant type: " + v);
    }
    if (index < 0 || index >= cases.size()) {
      throw new IllegalArgumentException("case " + index + " of " + cases.size());
    }
    Optional<Shape> c = cases.get(index);
    if (c.isPresent() != payload.isPresent()) {
      throw new IllegalArgumentException(
          "case " + index + " takes " + (c.isPresent() ? "a" : "no") + " payload");
    }
    return new Case(index, c, payload);
  }

  private static void storeVariant(AbiMemory mem, int ptr, Shape s, ComponentValue v) {
    List<Optional<Shape>> cases = CanonicalAbi.cases(s);
    Case c = caseOf(s, v);
    int discSize = CanonicalAbi.discriminantSize(cases.size());
    put(mem, ptr, c.index(), discSize);
    if (c.shape().isPresent()) {
      store(mem, ptr + CanonicalAbi.payloadOffset(s), c.shape().get(), c.payload().get());
    }
  }

  private static void storeFields(
      AbiMemory mem, int ptr, List<Shape> shapes, List<ComponentValue> values) {
    if (shapes.size() != values.size()) {
      throw new IllegalArgumentException(shapes.size() + " fields, not " + values.size());
    }
    int offset = 0;
    for (int i = 0; i < shapes.size(); i++) {
      Shape f = shapes.get(i);
      offset = CanonicalAbi.alignTo(offset, CanonicalAbi.alignment(f));
      store(mem, ptr + offset, f, values.get(i));
      offset += CanonicalAbi.size(f);
    }
  }

  static <T extends ComponentValue> T as(ComponentValue v, Class<T> kind) {
    if (!kind.isInstance(v)) {
      throw new IllegalArgumentException(
          "a " + kind.getSimpleName() + " value was expected, not " + v);
    }
    return kind.cast(v);
  }

  private static int allocate(AbiMemory mem, long bytes, int align) {
    if (bytes > Integer.MAX_VALUE) {
      throw new AbiException("an allocation of " + bytes + " bytes");
    }
    int at = mem.realloc(0, 0, align, (int) bytes);
    check(mem, Integer.toUnsignedLong(at), bytes, align);
    return at;
  }

  private static String string(AbiMemory mem, long begin, long length) {
    check(mem, begin, length, 1);
    String s = ByteReader.utf8(mem.read((int) begin, (int) length), 0, (int) length);
    if (s == null) {
      throw new AbiException("invalid UTF-8 in a string");
    }
    return s;
  }

  private static int scalar(long v) {
    if (v >= 0x110000 || (v >= 0xD800 && v <= 0xDFFF) || v < 0) {
      throw new AbiException("invalid char 0x" + Long.toHexString(v));
    }
    return (int) v;
  }

  /** Checks {@code [ptr, ptr + size)} is in the memory and {@code ptr} is aligned. */
  private static void check(AbiMemory mem, long ptr, long size, int align) {
    if (ptr % align != 0) {
      throw new AbiException(
          "unaligned pointer 0x" + Long.toHexString(ptr) + " (align " + align + ")");
    }
    if (ptr < 0 || ptr + size > mem.size()) {
      throw new AbiException(
          "out of bounds: "
              + size
              + " bytes at 0x"
              + Long.toHexString(ptr)
              + " in a memory of "
              + mem.size());
    }
  }

  private static long u32(AbiMemory mem, int at) {
    return le(mem, at, 4);
  }

  /** Reads an {@code n}-byte little-endian unsigned integer. */
  private static long le(AbiMemory mem, int at, int n) {
    byte[] b = mem.read(at, n);
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (b[i] & 0xFF);
    }
    return v;
  }

  /** Writes the low {@code n} bytes of {@code v}, little-endian. */
  private static void put(AbiMemory mem, int at, long v, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (v >>> (8 * i));
    }
    mem.write(at, b);
  }
}

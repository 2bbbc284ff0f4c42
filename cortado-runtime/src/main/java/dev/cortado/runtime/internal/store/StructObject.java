package dev.cortado.runtime.internal.store;

/**
 * A struct (Wasm 3.0 GC): its type and its fields. Field {@code i} is in {@code lo[i]} (numbers, as
 * bits; packed fields as their unsigned bits), {@code hi[i]} (the high half of a {@code v128}) or
 * {@code refs[i]} (references), by its {@link Storage}; the arrays a struct type does not need are
 * empty.
 */
public final class StructObject {
  private static final long[] NO_LONGS = new long[0];
  private static final Object[] NO_REFS = new Object[0];

  /** The struct's type. */
  public final RuntimeType type;

  /** Numbers and the low halves of vectors, by field. */
  public final long[] lo;

  /** The high halves of vectors, by field. */
  public final long[] hi;

  /** References, by field. */
  public final Object[] refs;

  /** Creates a struct of {@code type} with every field zero or null. */
  public StructObject(RuntimeType type) {
    this.type = type;
    int n = type.fieldCount();
    this.lo = type.numbers ? new long[n] : NO_LONGS;
    this.hi = type.vectors ? new long[n] : NO_LONGS;
    this.refs = type.references ? new Object[n] : NO_REFS;
  }

  /** Sets field {@code y} to a slot's value: its number bits, high vector half, or reference. */
  public void set(int y, long low, long high, Object ref) {
    switch (type.field(y)) {
      case REF -> refs[y] = ref;
      case V128 -> {
        lo[y] = low;
        hi[y] = high;
      }
      case I8 -> lo[y] = low & 0xFF;
      case I16 -> lo[y] = low & 0xFFFF;
      case I32 -> lo[y] = (int) low;
      case I64 -> lo[y] = low;
    }
  }
}

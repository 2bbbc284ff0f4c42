package dev.cortado.runtime.internal.store;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import java.util.Arrays;

/**
 * An array (Wasm 3.0 GC): its type and its elements, in the Java array that fits their {@link
 * Storage}: {@code byte[]} for {@code i8}, {@code short[]} for {@code i16}, {@code int[]} for
 * {@code i32} and {@code f32} (as bits), {@code long[]} for {@code i64} and {@code f64}, two longs
 * per element for {@code v128}, {@code Object[]} for references. Numbers come and go as the bits of
 * a slot ({@code long}); packed elements read back unsigned. Bounds are the caller's to check.
 */
public final class ArrayObject {
  /** The most elements an array may have: the longest Java array, halved for vectors. */
  private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

  /** The array's type. */
  public final RuntimeType type;

  private final Storage storage;
  private final int length;
  private final byte[] bytes;
  private final short[] shorts;
  private final int[] ints;
  private final long[] longs;
  private final Object[] refs;

  /**
   * Creates an array of {@code type} with {@code length} elements (a u32 from the program), all
   * zero or null, or traps with "allocation too large" if the JVM cannot hold it.
   */
  public ArrayObject(RuntimeType type, long length) {
    this.type = type;
    this.storage = type.element();
    long units = storage == Storage.V128 ? 2 * length : length;
    if (length < 0 || units > MAX_LENGTH) {
      throw Trap.of(TrapKind.ALLOCATION_TOO_LARGE);
    }
    this.length = (int) length;
    try {
      this.bytes = storage == Storage.I8 ? new byte[this.length] : null;
      this.shorts = storage == Storage.I16 ? new short[this.length] : null;
      this.ints = storage == Storage.I32 ? new int[this.length] : null;
      this.longs = storage == Storage.I64 || storage == Storage.V128 ? new long[(int) units] : null;
      this.refs = storage == Storage.REF ? new Object[this.length] : null;
    } catch (OutOfMemoryError e) {
      // Only this allocation failed; the program may go on after the trap.
      throw Trap.of(TrapKind.ALLOCATION_TOO_LARGE);
    }
  }

  /** Returns the number of elements. */
  public int length() {
    return length;
  }

  /** Returns the elements of an i8 array (null for another storage), for compiled code. */
  public byte[] bytes() {
    return bytes;
  }

  /** Returns the elements of an i16 array (null for another storage), for compiled code. */
  public short[] shorts() {
    return shorts;
  }

  /** Returns the elements of an i32 or f32 array (null for another storage), for compiled code. */
  public int[] ints() {
    return ints;
  }

  /**
   * Returns the elements of an i64 or f64 array, or a v128 one's halves (null for another storage),
   * for compiled code.
   */
  public long[] longs() {
    return longs;
  }

  /** Returns the elements of a reference array (null for another storage), for compiled code. */
  public Object[] refs() {
    return refs;
  }

  /** Returns how the elements are stored. */
  public Storage storage() {
    return storage;
  }

  /** Returns number element {@code i} (the low half of a vector), packed ones unsigned. */
  public long get(int i) {
    return switch (storage) {
      case I8 -> bytes[i] & 0xFFL;
      case I16 -> shorts[i] & 0xFFFFL;
      case I32 -> ints[i];
      case I64 -> longs[i];
      case V128 -> longs[2 * i];
      case REF -> throw new IllegalStateException("reference elements");
    };
  }

  /** Returns the high half of vector element {@code i}. */
  public long getHigh(int i) {
    return longs[2 * i + 1];
  }

  /** Returns reference element {@code i}. */
  public Object getRef(int i) {
    return refs[i];
  }

  /** Sets number element {@code i} (the low half of a vector) to {@code bits}, packed ones cut. */
  public void set(int i, long bits) {
    switch (storage) {
      case I8 -> bytes[i] = (byte) bits;
      case I16 -> shorts[i] = (short) bits;
      case I32 -> ints[i] = (int) bits;
      case I64 -> longs[i] = bits;
      case V128 -> longs[2 * i] = bits;
      case REF -> throw new IllegalStateException("reference elements");
    }
  }

  /** Sets vector element {@code i}. */
  public void setVector(int i, long low, long high) {
    longs[2 * i] = low;
    longs[2 * i + 1] = high;
  }

  /** Sets reference element {@code i}. */
  public void setRef(int i, Object ref) {
    refs[i] = ref;
  }

  /** Sets element {@code i} to a slot's value: its number bits, high vector half, or reference. */
  public void set(int i, long low, long high, Object ref) {
    switch (storage) {
      case REF -> refs[i] = ref;
      case V128 -> setVector(i, low, high);
      default -> set(i, low);
    }
  }

  /** Sets elements {@code from} to {@code from + n - 1} to the value of a slot. */
  public void fill(int from, int n, long low, long high, Object ref) {
    int to = from + n;
    switch (storage) {
      case I8 -> Arrays.fill(bytes, from, to, (byte) low);
      case I16 -> Arrays.fill(shorts, from, to, (short) low);
      case I32 -> Arrays.fill(ints, from, to, (int) low);
      case I64 -> Arrays.fill(longs, from, to, low);
      case V128 -> {
        for (int i = from; i < to; i++) {
          setVector(i, low, high);
        }
      }
      case REF -> Arrays.fill(refs, from, to, ref);
    }
  }

  /**
   * Copies {@code n} elements of {@code src} from {@code srcFrom} to this array at {@code to}, as
   * if through a temporary array (the two may be the same). The element storages are the same.
   */
  public void copy(int to, ArrayObject src, int srcFrom, int n) {
    switch (storage) {
      case I8 -> System.arraycopy(src.bytes, srcFrom, bytes, to, n);
      case I16 -> System.arraycopy(src.shorts, srcFrom, shorts, to, n);
      case I32 -> System.arraycopy(src.ints, srcFrom, ints, to, n);
      case I64 -> System.arraycopy(src.longs, srcFrom, longs, to, n);
      case V128 -> System.arraycopy(src.longs, 2 * srcFrom, longs, 2 * to, 2 * n);
      case REF -> System.arraycopy(src.refs, srcFrom, refs, to, n);
    }
  }

  /** Sets {@code n} reference elements from {@code at} to {@code src}'s from {@code from}. */
  public void copyRefs(int at, Object[] src, int from, int n) {
    System.arraycopy(src, from, refs, at, n);
  }

  /**
   * Sets {@code n} number elements from {@code at} to the little-endian values in {@code data} from
   * byte {@code offset} ({@code array.new_data}, {@code array.init_data}); bounds checked.
   */
  public void load(int at, byte[] data, int offset, int n) {
    int size = storage.bytes;
    for (int k = 0; k < n; k++) {
      int p = offset + k * size;
      if (storage == Storage.V128) {
        setVector(at + k, littleEndian(data, p, 8), littleEndian(data, p + 8, 8));
      } else {
        set(at + k, littleEndian(data, p, size));
      }
    }
  }

  private static long littleEndian(byte[] data, int p, int size) {
    long v = 0;
    for (int b = size - 1; b >= 0; b--) {
      v = (v << 8) | (data[p + b] & 0xFFL);
    }
    return v;
  }
}

package dev.cortado.runtime.internal.compiled;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.internal.store.ArrayObject;
import dev.cortado.runtime.internal.store.Gc;
import dev.cortado.runtime.internal.store.I31;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.runtime.internal.store.Storage;
import dev.cortado.runtime.internal.store.StructObject;

/**
 * Wasm 3.0's garbage collection instructions for compiled code: one small method per instruction
 * and JVM type ({@code I} int, {@code J} long, {@code F} float, {@code D} double, {@code A} a
 * reference), operands as they are on the operand stack, then the immediates and the instance.
 * Their meaning is {@link Gc}'s, which the interpreter runs too. Lengths, indexes and offsets
 * arrive as ints and are read as the u32s they are. A {@code v128} is never on the JVM stack: the
 * {@code V} methods read or write it in the function's vector registers, the arrays of low and high
 * halves, at a register index.
 */
public final class GcAccess {
  private GcAccess() {}

  private static long u32(int v) {
    return Integer.toUnsignedLong(v);
  }

  // ---- structs ----

  /** {@code struct.new_default}, and {@code struct.new} before its fields are set. */
  public static Object structNew(int typeIndex, ModuleInstance inst) {
    return new StructObject(inst.types[typeIndex]);
  }

  /** Sets field {@code y} of a struct {@code struct.new} has just made, its value first. */
  public static void initI(int value, Object struct, int y) {
    ((StructObject) struct).lo[y] = value;
  }

  /** As {@link #initI} for an i8 field: the value's low 8 bits, kept zero-extended. */
  public static void init8(int value, Object struct, int y) {
    ((StructObject) struct).lo[y] = value & 0xFF;
  }

  /** As {@link #initI} for an i16 field: the value's low 16 bits, kept zero-extended. */
  public static void init16(int value, Object struct, int y) {
    ((StructObject) struct).lo[y] = value & 0xFFFF;
  }

  /** As {@link #initI} for an i64 or f64 field (its bits). */
  public static void initJ(long value, Object struct, int y) {
    ((StructObject) struct).lo[y] = value;
  }

  /** As {@link #initI} for a reference field. */
  public static void initA(Object value, Object struct, int y) {
    ((StructObject) struct).refs[y] = value;
  }

  /** As {@link #initI} for a v128 field, from vector register {@code register}. */
  public static void initV(Object struct, int y, long[] lo, long[] hi, int register) {
    ((StructObject) struct).set(y, lo[register], hi[register], null);
  }

  /** {@code struct.get} of an i32 or f32 field (its bits). */
  public static int getI(Object ref, int y) {
    return (int) Gc.struct(ref).lo[y];
  }

  /** {@code struct.get_u} of an i8 field (kept zero-extended). */
  public static int get8U(Object ref, int y) {
    return getI(ref, y);
  }

  /** {@code struct.get_u} of an i16 field (kept zero-extended). */
  public static int get16U(Object ref, int y) {
    return getI(ref, y);
  }

  /** {@code struct.get_s} of an i8 field. */
  public static int get8S(Object ref, int y) {
    return (byte) Gc.struct(ref).lo[y];
  }

  /** {@code struct.get_s} of an i16 field. */
  public static int get16S(Object ref, int y) {
    return (short) Gc.struct(ref).lo[y];
  }

  /** {@code struct.get} of an i64 or f64 field (its bits). */
  public static long getJ(Object ref, int y) {
    return Gc.struct(ref).lo[y];
  }

  /** {@code struct.get} of a reference field. */
  public static Object getA(Object ref, int y) {
    return Gc.struct(ref).refs[y];
  }

  /** {@code struct.get} of a v128 field, into vector register {@code register}. */
  public static void getV(Object ref, int y, long[] lo, long[] hi, int register) {
    StructObject s = Gc.struct(ref);
    lo[register] = s.lo[y];
    hi[register] = s.hi[y];
  }

  /** {@code struct.set} of an i32 or f32 field (its bits). */
  public static void setI(Object ref, int value, int y) {
    Gc.struct(ref).lo[y] = value;
  }

  /** {@code struct.set} of an i8 field: the value's low 8 bits, kept zero-extended. */
  public static void set8(Object ref, int value, int y) {
    Gc.struct(ref).lo[y] = value & 0xFF;
  }

  /** {@code struct.set} of an i16 field: the value's low 16 bits, kept zero-extended. */
  public static void set16(Object ref, int value, int y) {
    Gc.struct(ref).lo[y] = value & 0xFFFF;
  }

  /** {@code struct.set} of an i64 or f64 field (its bits). */
  public static void setJ(Object ref, long value, int y) {
    Gc.struct(ref).lo[y] = value;
  }

  /** {@code struct.set} of a reference field. */
  public static void setA(Object ref, Object value, int y) {
    Gc.struct(ref).refs[y] = value;
  }

  /** {@code struct.set} of a v128 field, from vector register {@code register}. */
  public static void setV(Object ref, int y, long[] lo, long[] hi, int register) {
    Gc.struct(ref).set(y, lo[register], hi[register], null);
  }

  // ---- arrays ----

  /** {@code array.new_default}, and {@code array.new_fixed} before its elements are set. */
  public static Object arrayNewDefault(int n, int typeIndex, ModuleInstance inst) {
    return Gc.allocate(inst, typeIndex, u32(n));
  }

  /** {@code array.new} of i32s or packed integers. */
  public static Object arrayNewI(int value, int n, int typeIndex, ModuleInstance inst) {
    ArrayObject a = Gc.allocate(inst, typeIndex, u32(n));
    a.fill(0, a.length(), value, 0, null);
    return a;
  }

  /** {@code array.new} of i64s. */
  public static Object arrayNewJ(long value, int n, int typeIndex, ModuleInstance inst) {
    ArrayObject a = Gc.allocate(inst, typeIndex, u32(n));
    a.fill(0, a.length(), value, 0, null);
    return a;
  }

  /** {@code array.new} of f32s. */
  public static Object arrayNewF(float value, int n, int typeIndex, ModuleInstance inst) {
    return arrayNewI(Float.floatToRawIntBits(value), n, typeIndex, inst);
  }

  /** {@code array.new} of f64s. */
  public static Object arrayNewD(double value, int n, int typeIndex, ModuleInstance inst) {
    return arrayNewJ(Double.doubleToRawLongBits(value), n, typeIndex, inst);
  }

  /** {@code array.new} of references. */
  public static Object arrayNewA(Object value, int n, int typeIndex, ModuleInstance inst) {
    ArrayObject a = Gc.allocate(inst, typeIndex, u32(n));
    a.fill(0, a.length(), 0, 0, value);
    return a;
  }

  /** {@code array.new} of v128s, the value in vector register {@code register}. */
  public static Object arrayNewV(
      int n, int typeIndex, ModuleInstance inst, long[] lo, long[] hi, int register) {
    ArrayObject a = Gc.allocate(inst, typeIndex, u32(n));
    a.fill(0, a.length(), lo[register], hi[register], null);
    return a;
  }

  /** Sets element {@code i} of an array {@code array.new_fixed} has just made, its value first. */
  public static void elementI(int value, Object array, int i) {
    ((ArrayObject) array).ints()[i] = value;
  }

  /** As {@link #elementI} for i8s: the value's low 8 bits. */
  public static void element8(int value, Object array, int i) {
    ((ArrayObject) array).bytes()[i] = (byte) value;
  }

  /** As {@link #elementI} for i16s: the value's low 16 bits. */
  public static void element16(int value, Object array, int i) {
    ((ArrayObject) array).shorts()[i] = (short) value;
  }

  /** As {@link #elementI} for i64 or f64 elements (their bits). */
  public static void elementJ(long value, Object array, int i) {
    ((ArrayObject) array).longs()[i] = value;
  }

  /** As {@link #elementI} for references. */
  public static void elementA(Object value, Object array, int i) {
    ((ArrayObject) array).refs()[i] = value;
  }

  /** As {@link #elementI} for v128s, from vector register {@code register}. */
  public static void elementV(Object array, int i, long[] lo, long[] hi, int register) {
    ((ArrayObject) array).setVector(i, lo[register], hi[register]);
  }

  /**
   * Sets fields or elements {@code first} to {@code first + count - 1} of a struct or array that
   * {@code struct.new} or {@code array.new_fixed} has just made, from operand stack entries kept in
   * a split function's frame (its deep part): numbers as slot bits in {@code numbers} and
   * references in {@code refs} from {@code slot} on, vectors in the vector registers from {@code
   * register} on ({@code lo} and {@code hi} null if the function has none).
   */
  public static void setFromFrame(
      Object made,
      int first,
      int count,
      long[] numbers,
      Object[] refs,
      int slot,
      long[] lo,
      long[] hi,
      int register) {
    if (made instanceof StructObject o) {
      for (int j = 0; j < count; j++) {
        if (o.type.field(first + j) == Storage.V128) {
          o.set(first + j, lo[register + j], hi[register + j], null);
        } else {
          o.set(first + j, numbers[slot + j], 0, refs[slot + j]);
        }
      }
      return;
    }
    ArrayObject a = (ArrayObject) made;
    boolean vectors = a.storage() == Storage.V128;
    for (int j = 0; j < count; j++) {
      if (vectors) {
        a.setVector(first + j, lo[register + j], hi[register + j]);
      } else {
        a.set(first + j, numbers[slot + j], 0, refs[slot + j]);
      }
    }
  }

  /** {@code array.new_data}. */
  public static Object arrayNewData(int s, int n, int typeIndex, int data, ModuleInstance inst) {
    return Gc.newData(inst, typeIndex, data, u32(s), u32(n));
  }

  /** {@code array.new_elem}. */
  public static Object arrayNewElem(int s, int n, int typeIndex, int elem, ModuleInstance inst) {
    return Gc.newElem(inst, typeIndex, elem, u32(s), u32(n));
  }

  // The element accesses read the array of the element's storage directly: their type says
  // which, so no switch on the storage runs. An index of 2^31 or more is negative as an int and
  // fails Gc.index's unsigned test.

  /** {@code array.get_s} of i8s. */
  public static int arrayGet8S(Object ref, int i) {
    byte[] b = Gc.array(ref).bytes();
    return b[Gc.index(i, b.length)];
  }

  /** {@code array.get_u} of i8s. */
  public static int arrayGet8U(Object ref, int i) {
    byte[] b = Gc.array(ref).bytes();
    return b[Gc.index(i, b.length)] & 0xFF;
  }

  /** {@code array.get_s} of i16s. */
  public static int arrayGet16S(Object ref, int i) {
    short[] s = Gc.array(ref).shorts();
    return s[Gc.index(i, s.length)];
  }

  /** {@code array.get_u} of i16s. */
  public static int arrayGet16U(Object ref, int i) {
    short[] s = Gc.array(ref).shorts();
    return s[Gc.index(i, s.length)] & 0xFFFF;
  }

  /** {@code array.get} of i32s or f32s (their bits). */
  public static int arrayGetI(Object ref, int i) {
    int[] v = Gc.array(ref).ints();
    return v[Gc.index(i, v.length)];
  }

  /** {@code array.get} of i64s or f64s (their bits). */
  public static long arrayGetJ(Object ref, int i) {
    long[] v = Gc.array(ref).longs();
    return v[Gc.index(i, v.length)];
  }

  /** {@code array.get} of references. */
  public static Object arrayGetA(Object ref, int i) {
    Object[] v = Gc.array(ref).refs();
    return v[Gc.index(i, v.length)];
  }

  /** {@code array.get} of v128s, into vector register {@code register}. */
  public static void arrayGetV(Object ref, int i, long[] lo, long[] hi, int register) {
    ArrayObject a = Gc.array(ref);
    int k = Gc.index(i, a.length());
    lo[register] = a.get(k);
    hi[register] = a.getHigh(k);
  }

  /** {@code array.set} of i8s: the value's low 8 bits. */
  public static void arraySet8(Object ref, int i, int value) {
    byte[] b = Gc.array(ref).bytes();
    b[Gc.index(i, b.length)] = (byte) value;
  }

  /** {@code array.set} of i16s: the value's low 16 bits. */
  public static void arraySet16(Object ref, int i, int value) {
    short[] s = Gc.array(ref).shorts();
    s[Gc.index(i, s.length)] = (short) value;
  }

  /** {@code array.set} of i32s or f32s (their bits). */
  public static void arraySetI(Object ref, int i, int value) {
    int[] v = Gc.array(ref).ints();
    v[Gc.index(i, v.length)] = value;
  }

  /** {@code array.set} of i64s or f64s (their bits). */
  public static void arraySetJ(Object ref, int i, long value) {
    long[] v = Gc.array(ref).longs();
    v[Gc.index(i, v.length)] = value;
  }

  /** {@code array.set} of references. */
  public static void arraySetA(Object ref, int i, Object value) {
    Object[] v = Gc.array(ref).refs();
    v[Gc.index(i, v.length)] = value;
  }

  /** {@code array.set} of v128s, from vector register {@code register}. */
  public static void arraySetV(Object ref, int i, long[] lo, long[] hi, int register) {
    ArrayObject a = Gc.array(ref);
    a.setVector(Gc.index(i, a.length()), lo[register], hi[register]);
  }

  /** {@code array.len}. */
  public static int arrayLen(Object ref) {
    return Gc.array(ref).length();
  }

  /** {@code array.fill} of i32s or packed integers. */
  public static void arrayFillI(Object ref, int d, int value, int n) {
    Gc.fill(Gc.array(ref), u32(d), u32(n), value, 0, null);
  }

  /** {@code array.fill} of i64s. */
  public static void arrayFillJ(Object ref, int d, long value, int n) {
    Gc.fill(Gc.array(ref), u32(d), u32(n), value, 0, null);
  }

  /** {@code array.fill} of f32s. */
  public static void arrayFillF(Object ref, int d, float value, int n) {
    arrayFillI(ref, d, Float.floatToRawIntBits(value), n);
  }

  /** {@code array.fill} of f64s. */
  public static void arrayFillD(Object ref, int d, double value, int n) {
    arrayFillJ(ref, d, Double.doubleToRawLongBits(value), n);
  }

  /** {@code array.fill} of references. */
  public static void arrayFillA(Object ref, int d, Object value, int n) {
    Gc.fill(Gc.array(ref), u32(d), u32(n), 0, 0, value);
  }

  /** {@code array.fill} of v128s, the value in vector register {@code register}. */
  public static void arrayFillV(Object ref, int d, int n, long[] lo, long[] hi, int register) {
    Gc.fill(Gc.array(ref), u32(d), u32(n), lo[register], hi[register], null);
  }

  /** {@code array.copy}. */
  public static void arrayCopy(Object dst, int d, Object src, int s, int n) {
    Gc.copy(Gc.array(dst), u32(d), Gc.array(src), u32(s), u32(n));
  }

  /** {@code array.init_data}. */
  public static void arrayInitData(Object ref, int d, int s, int n, int data, ModuleInstance inst) {
    Gc.initData(inst, Gc.array(ref), u32(d), u32(s), u32(n), data);
  }

  /** {@code array.init_elem}. */
  public static void arrayInitElem(Object ref, int d, int s, int n, int elem, ModuleInstance inst) {
    Gc.initElem(inst, Gc.array(ref), u32(d), u32(s), u32(n), elem);
  }

  // ---- references ----

  /** {@code ref.eq}. */
  public static int refEq(Object a, Object b) {
    return Gc.equal(a, b) ? 1 : 0;
  }

  /**
   * {@code ref.test}, and the test of {@code br_on_cast}: 1 if {@code ref} is of heap type {@code
   * heap} ({@link Gc#heapOperand}), or null and {@code nullable} is 1.
   */
  public static int refTest(Object ref, int heap, int nullable, ModuleInstance inst) {
    return Gc.test(inst, ref, heap, nullable != 0) ? 1 : 0;
  }

  /** {@code ref.cast}: {@code ref} if {@link #refTest} says so, else traps. */
  public static Object refCast(Object ref, int heap, int nullable, ModuleInstance inst) {
    if (!Gc.test(inst, ref, heap, nullable != 0)) {
      throw Trap.of(TrapKind.CAST_FAILURE);
    }
    return ref;
  }

  /** {@code ref.i31}. */
  public static Object refI31(int value) {
    return I31.wrap(value);
  }

  /** {@code i31.get_s}. */
  public static int i31GetS(Object ref) {
    return Gc.i31(ref).value();
  }

  /** {@code i31.get_u}. */
  public static int i31GetU(Object ref) {
    return Gc.i31(ref).unsigned();
  }
}

package dev.cortado.runtime.internal.store;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.HeapType;

/**
 * What Wasm 3.0's garbage collection instructions do, shared by the interpreter ({@code GcOps}) and
 * compiled code ({@code GcAccess}): the null, bounds and segment checks with their traps, casts,
 * {@code ref.eq}, and the bulk array operations. Lengths and offsets arrive as the u32s the program
 * gave, widened to longs; an element's index as the i32 itself.
 */
public final class Gc {
  private static final HeapType.Abstract[] ABSTRACT = HeapType.Abstract.values();

  private Gc() {}

  /**
   * Returns the operand a cast names {@code h} by: a type index, or {@code -1 - ordinal} of an
   * abstract heap type.
   */
  public static int heapOperand(HeapType h) {
    return switch (h) {
      case HeapType.Concrete c -> c.typeIndex();
      case HeapType.Abstract a -> -1 - a.ordinal();
    };
  }

  /** {@code ref.eq}: the same object, or two i31s of the same value (null equals null). */
  public static boolean equal(Object a, Object b) {
    return a == b || (a instanceof I31 x && x.equals(b));
  }

  /**
   * Returns whether {@code ref} is of the reference type {@code heap} ({@link #heapOperand}) made
   * {@code nullable}: what {@code ref.test}, {@code ref.cast} and {@code br_on_cast} ask.
   * Validation put the reference in the type's hierarchy already.
   */
  public static boolean test(ModuleInstance inst, Object ref, int heap, boolean nullable) {
    if (ref == null) {
      return nullable;
    }
    if (heap >= 0) {
      // instanceof, not a pattern switch, on the path of every cast: no call site to link at the
      // first cast, and the common case (a struct) tested first.
      RuntimeType actual;
      if (ref instanceof StructObject o) {
        actual = o.type;
      } else if (ref instanceof ArrayObject a) {
        actual = a.type;
      } else if (ref instanceof FunctionInstance f) {
        actual = inst.typeRegistry.get(f.typeId());
      } else {
        return false;
      }
      return actual.isSubtypeOf(inst.types[heap]);
    }
    return switch (ABSTRACT[-1 - heap]) {
      case ANY, FUNC, EXTERN, EXN -> true;
      case EQ -> ref instanceof I31 || ref instanceof StructObject || ref instanceof ArrayObject;
      case I31 -> ref instanceof I31;
      case STRUCT -> ref instanceof StructObject;
      case ARRAY -> ref instanceof ArrayObject;
      case NONE, NOFUNC, NOEXTERN, NOEXN -> false;
    };
  }

  /** Returns {@code ref} as a struct, or traps if it is null. */
  public static StructObject struct(Object ref) {
    if (ref == null) {
      throw Trap.of(TrapKind.NULL_STRUCTURE_REFERENCE);
    }
    return (StructObject) ref;
  }

  /** Returns {@code ref} as an array, or traps if it is null. */
  public static ArrayObject array(Object ref) {
    if (ref == null) {
      throw Trap.of(TrapKind.NULL_ARRAY_REFERENCE);
    }
    return (ArrayObject) ref;
  }

  /** Returns {@code ref} as an i31, or traps if it is null. */
  public static I31 i31(Object ref) {
    if (ref == null) {
      throw Trap.of(TrapKind.NULL_I31_REFERENCE);
    }
    return (I31) ref;
  }

  /** Returns a new array of type {@code typeIndex} of {@code length} zero or null elements. */
  public static ArrayObject allocate(ModuleInstance inst, int typeIndex, long length) {
    return new ArrayObject(inst.types[typeIndex], length);
  }

  /**
   * Returns index {@code i} (an i32, read as a u32) of an array of {@code length} elements, or
   * traps if it is outside the array. Compiled code then indexes the Java array with it, whose own
   * bounds check HotSpot folds into this one.
   */
  public static int index(int i, int length) {
    if (Integer.compareUnsigned(i, length) >= 0) {
      throw Trap.of(TrapKind.OUT_OF_BOUNDS_ARRAY_ACCESS);
    }
    return i;
  }

  /** {@code array.new_data}: an array of type {@code typeIndex} from data segment bytes. */
  public static ArrayObject newData(
      ModuleInstance inst, int typeIndex, int data, long from, long n) {
    Bytes bytes = inst.datas[data];
    checkData(bytes, from, n, inst.types[typeIndex].element());
    ArrayObject a = allocate(inst, typeIndex, n);
    loadData(a, 0, bytes, from, (int) n);
    return a;
  }

  /** {@code array.new_elem}: an array of type {@code typeIndex} from element segment references. */
  public static ArrayObject newElem(
      ModuleInstance inst, int typeIndex, int elem, long from, long n) {
    Object[] elements = inst.elements[elem];
    checkElements(elements, from, n);
    ArrayObject a = allocate(inst, typeIndex, n);
    a.copyRefs(0, elements, (int) from, (int) n);
    return a;
  }

  /** {@code array.fill} with a value as a slot holds it. */
  public static void fill(ArrayObject a, long to, long n, long low, long high, Object ref) {
    checkRange(a, to, n);
    a.fill((int) to, (int) n, low, high, ref);
  }

  /** {@code array.copy}. */
  public static void copy(ArrayObject dst, long to, ArrayObject src, long from, long n) {
    checkRange(dst, to, n);
    checkRange(src, from, n);
    dst.copy((int) to, src, (int) from, (int) n);
  }

  /** {@code array.init_data}. */
  public static void initData(
      ModuleInstance inst, ArrayObject a, long to, long from, long n, int data) {
    checkRange(a, to, n);
    Bytes bytes = inst.datas[data];
    checkData(bytes, from, n, a.storage());
    loadData(a, (int) to, bytes, from, (int) n);
  }

  /** {@code array.init_elem}. */
  public static void initElem(
      ModuleInstance inst, ArrayObject a, long to, long from, long n, int elem) {
    checkRange(a, to, n);
    Object[] elements = inst.elements[elem];
    checkElements(elements, from, n);
    a.copyRefs((int) to, elements, (int) from, (int) n);
  }

  private static void checkRange(ArrayObject a, long from, long n) {
    if (from + n > a.length()) {
      throw Trap.of(TrapKind.OUT_OF_BOUNDS_ARRAY_ACCESS);
    }
  }

  private static void checkElements(Object[] elements, long from, long n) {
    if (from + n > elements.length) {
      throw Trap.of(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }
  }

  private static void checkData(Bytes data, long from, long n, Storage storage) {
    if (from + n * storage.bytes > data.length()) {
      throw Trap.of(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
  }

  private static void loadData(ArrayObject a, int to, Bytes data, long from, int n) {
    byte[] bytes = new byte[n * a.storage().bytes];
    data.copyTo((int) from, bytes, 0, bytes.length);
    a.load(to, bytes, 0, n);
  }
}

package dev.cortado.runtime.internal.store;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.wasm.TableType;
import java.util.Arrays;

/**
 * A table of references: function instances for {@code funcref} tables, host objects for {@code
 * externref} tables; Java {@code null} is the null reference.
 */
public final class TableInstance {
  /** The elements; slots at and beyond {@link #size} are unused capacity. */
  public Object[] elements;

  /** The current number of elements. */
  public int size;

  private final TableType type;

  /**
   * The instance whose types the type indices in the table's type name, or null for a table the
   * host created (whose type has none).
   */
  public ModuleInstance owner;

  private final int maxSize;

  /**
   * Creates a table of {@code type}'s minimum size, every element {@code init}.
   *
   * @param limitElements the most elements the store allows, whatever the type says
   */
  public TableInstance(TableType type, int limitElements, Object init) {
    this.type = type;
    // Limits are unsigned: a 64-bit table's maximum may be 2^63 or more.
    long declaredMax = type.limits().max().orElse(-1L);
    long cap = Math.min(limitElements, Integer.MAX_VALUE - 8);
    this.maxSize = (int) (Long.compareUnsigned(declaredMax, cap) < 0 ? declaredMax : cap);
    long min = type.limits().min();
    if (Long.compareUnsigned(min, maxSize) > 0) {
      throw new ResourceLimitException(
          "table of "
              + Long.toUnsignedString(min)
              + " elements exceeds the limit of "
              + maxSize
              + " elements");
    }
    this.size = (int) min;
    this.elements = new Object[size];
    if (init != null) {
      Arrays.fill(elements, init);
    }
  }

  /** Returns the type the table was created with. */
  public TableType type() {
    return type;
  }

  /** Returns the most elements this table may grow to. */
  public int maxSize() {
    return maxSize;
  }

  /** Returns element {@code index} (an unsigned i32), trapping outside the table. */
  public Object get(int index) {
    if (Integer.compareUnsigned(index, size) >= 0) {
      throw Trap.of(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }
    return elements[index];
  }

  /** Sets element {@code index} (an unsigned i32), trapping outside the table. */
  public void set(int index, Object value) {
    if (Integer.compareUnsigned(index, size) >= 0) {
      throw Trap.of(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }
    elements[index] = value;
  }

  /**
   * Grows the table by {@code delta} elements (an unsigned i32) set to {@code init}, and returns
   * the old size, or -1 if it cannot grow that much.
   */
  public int grow(int delta, Object init) {
    int old = size;
    long target = old + Integer.toUnsignedLong(delta);
    if (target > maxSize) {
      return -1;
    }
    if (target > elements.length) {
      try {
        elements = Arrays.copyOf(elements, (int) Math.min(maxSize, Math.max(target, old * 2L)));
      } catch (OutOfMemoryError e) {
        return -1;
      }
    }
    Arrays.fill(elements, old, (int) target, init);
    size = (int) target;
    return old;
  }

  /**
   * {@code table.fill}: sets {@code n} elements from {@code i} (both unsigned i32) to {@code v}.
   */
  public void fill(long i, Object v, long n) {
    checkRange(i, n);
    Arrays.fill(elements, (int) i, (int) (i + n), v);
  }

  /** {@code table.copy}: copies {@code n} elements of {@code src} from {@code s} to {@code d}. */
  public void copy(TableInstance src, long d, long s, long n) {
    src.checkRange(s, n);
    checkRange(d, n);
    System.arraycopy(src.elements, (int) s, elements, (int) d, (int) n);
  }

  /**
   * {@code table.init}: copies {@code n} of {@code segment}'s references from {@code s} to {@code
   * d}.
   */
  public void init(Object[] segment, long d, long s, long n) {
    if (s + n > segment.length) {
      throw Trap.of(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }
    checkRange(d, n);
    System.arraycopy(segment, (int) s, elements, (int) d, (int) n);
  }

  /**
   * Returns element {@code index} if it is a function of type {@code typeId} or of a declared
   * subtype of it (Wasm 3.0; {@code types} knows the engine's types), or traps as {@code
   * call_indirect} does.
   */
  public FunctionInstance callee(int index, int typeId, TypeRegistry types) {
    if (Integer.compareUnsigned(index, size) >= 0) {
      throw Trap.of(TrapKind.UNDEFINED_ELEMENT);
    }
    Object f = elements[index];
    if (f == null) {
      throw Trap.of(TrapKind.UNINITIALIZED_ELEMENT);
    }
    FunctionInstance callee = (FunctionInstance) f;
    if (callee.typeId() != typeId && !types.get(callee.typeId()).isSubtypeOf(types.get(typeId))) {
      throw Trap.of(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
    }
    return callee;
  }

  /** Throws an out-of-bounds trap unless {@code [index, index + length)} is in the table. */
  public void checkRange(long index, long length) {
    if (index < 0 || length < 0 || index > size - length) {
      throw Trap.of(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }
  }
}

package dev.cortado.runtime.internal.store;

import dev.cortado.wasm.ArrayType;
import dev.cortado.wasm.CompositeType;
import dev.cortado.wasm.FieldType;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.StructType;
import java.util.Arrays;
import java.util.List;

/**
 * A defined type as the running program sees it (Wasm 3.0): one instance per engine-wide type id,
 * shared by every module that defines an equivalent type, so that a cast compares identities. It
 * knows its supertypes (for {@code ref.test}, {@code ref.cast} and {@code call_indirect}) and, for
 * a struct or array, how its fields are stored.
 */
public final class RuntimeType {
  /** The engine-wide id: equal ids are equivalent types. */
  public final int id;

  /** Whether it is a function, struct or array type. */
  public final HeapType.Abstract kind;

  /** Its declared supertypes from the root down, ending with this type. */
  private final RuntimeType[] display;

  /** The storage kind of each field of a struct type, or of the element of an array type. */
  private final Storage[] storage;

  /**
   * Whether a struct of this type has number fields (v128 ones included), v128 fields and reference
   * fields: which of its arrays a new struct needs, found once per type rather than per struct.
   */
  final boolean numbers;

  final boolean vectors;
  final boolean references;

  /**
   * Creates the runtime form of a type.
   *
   * @param id its engine-wide id
   * @param composite its definition
   * @param supertype its declared supertype, or null
   */
  public RuntimeType(int id, CompositeType composite, RuntimeType supertype) {
    this.id = id;
    this.kind = HeapType.Abstract.kindOf(composite);
    if (supertype == null) {
      this.display = new RuntimeType[] {this};
    } else {
      this.display = Arrays.copyOf(supertype.display, supertype.display.length + 1);
      this.display[supertype.display.length] = this;
    }
    // instanceof, not a pattern switch: linking one costs milliseconds of every start, where
    // every module's types are registered.
    if (composite instanceof StructType s) {
      this.storage = storageOf(s.fields());
    } else if (composite instanceof ArrayType a) {
      this.storage = storageOf(List.of(a.element()));
    } else {
      this.storage = new Storage[0];
    }
    boolean n = false;
    boolean v = false;
    boolean r = false;
    for (Storage k : storage) {
      r |= k == Storage.REF;
      v |= k == Storage.V128;
      n |= k != Storage.REF;
    }
    this.numbers = n;
    this.vectors = v;
    this.references = r;
  }

  private static Storage[] storageOf(List<FieldType> fields) {
    Storage[] s = new Storage[fields.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = Storage.of(fields.get(i).storage());
    }
    return s;
  }

  /** Returns whether this type is {@code other} or declares it among its supertypes. */
  public boolean isSubtypeOf(RuntimeType other) {
    int depth = other.display.length - 1;
    return depth < display.length && display[depth] == other;
  }

  /** Returns how field {@code i} of a struct type is stored. */
  public Storage field(int i) {
    return storage[i];
  }

  /** Returns the number of fields of a struct type. */
  public int fieldCount() {
    return storage.length;
  }

  /** Returns how the elements of an array type are stored. */
  public Storage element() {
    return storage[0];
  }
}

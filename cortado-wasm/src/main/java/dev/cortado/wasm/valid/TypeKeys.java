package dev.cortado.wasm.valid;

import dev.cortado.wasm.ArrayType;
import dev.cortado.wasm.CompositeType;
import dev.cortado.wasm.FieldType;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.PackedType;
import dev.cortado.wasm.RecGroup;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.StructType;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.ValType;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Canonical keys of defined types, for type equivalence: two types are equivalent exactly when
 * their keys are equal. A key spells out the type's whole recursion group (so equal keys mean equal
 * groups, iso-recursively), with a reference into the group written relative to the group, and a
 * reference to an earlier group written as that group's canonical id ({@code outerId}): the
 * validator numbers a module's own types, the runtime's engine numbers types across modules, with
 * the same keys.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/conventions.html#type-equivalence">Type
 *     equivalence</a>
 */
public final class TypeKeys {
  private TypeKeys() {}

  /**
   * Returns the canonical ids of {@code groups}' types, in type index order, from {@code idOf} (key
   * to id: equal keys must give equal ids).
   */
  public static int[] ids(List<RecGroup> groups, java.util.function.ToIntFunction<String> idOf) {
    int n = 0;
    for (RecGroup g : groups) {
      n += g.types().size();
    }
    int[] ids = new int[n];
    int start = 0;
    for (RecGroup g : groups) {
      for (int k = 0; k < g.types().size(); k++) {
        ids[start + k] = idOf.applyAsInt(key(g, start, k, i -> ids[i]));
      }
      start += g.types().size();
    }
    return ids;
  }

  /**
   * Returns the key of type {@code k} of {@code group}, whose first type has index {@code start}. A
   * type index outside the group is written as {@code outerId} of it.
   */
  public static String key(RecGroup group, int start, int k, IntUnaryOperator outerId) {
    StringBuilder b = new StringBuilder().append(k).append(':');
    for (SubType t : group.types()) {
      b.append(t.isFinal() ? "final" : "sub");
      for (int s : t.supertypes()) {
        b.append(' ');
        index(b, s, start, group.types().size(), outerId);
      }
      int size = group.types().size();
      // instanceof, not a pattern switch: this runs at every start (see ReferenceTypes).
      CompositeType c = t.composite();
      if (c instanceof FuncType f) {
        b.append("(func");
        f.params().forEach(p -> valType(b.append(' '), p, start, size, outerId));
        b.append(" ->");
        f.results().forEach(r -> valType(b.append(' '), r, start, size, outerId));
      } else if (c instanceof StructType st) {
        b.append("(struct");
        st.fields().forEach(f -> field(b.append(' '), f, start, size, outerId));
      } else {
        field(b.append("(array "), ((ArrayType) c).element(), start, size, outerId);
      }
      b.append(')');
    }
    return b.toString();
  }

  /** Returns the key of a function type outside any module (a host function's). */
  public static String key(FuncType type) {
    return key(RecGroup.of(SubType.of(type)), 0, 0, i -> -1);
  }

  private static void field(
      StringBuilder b, FieldType f, int start, int size, IntUnaryOperator outerId) {
    b.append(f.mutable() ? "mut " : "");
    switch (f.storage()) {
      case PackedType p -> b.append(p.text());
      case ValType v -> valType(b, v, start, size, outerId);
    }
  }

  private static void valType(
      StringBuilder b, ValType t, int start, int size, IntUnaryOperator outerId) {
    if (t instanceof RefType r) {
      b.append(r.nullable() ? "(ref null " : "(ref ");
      switch (r.heapType()) {
        case HeapType.Abstract a -> b.append(a.text());
        case HeapType.Concrete c -> index(b, c.typeIndex(), start, size, outerId);
      }
      b.append(')');
    } else {
      b.append(t.text());
    }
  }

  private static void index(StringBuilder b, int i, int start, int size, IntUnaryOperator outerId) {
    if (i >= start && i < start + size) {
      b.append("rec.").append(i - start);
    } else {
      b.append('#').append(outerId.applyAsInt(i));
    }
  }
}

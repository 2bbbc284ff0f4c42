package dev.cortado.runtime;

import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.ValType;

/**
 * Matching of an import's type against the type of what is supplied, across modules: a type index
 * in either type is read in its own module's types, and two defined types are the same when the
 * engine gave them the same canonical id ({@link Engine#typeIds}).
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/matching.html">Matching</a>
 */
final class ImportMatching {
  private ImportMatching() {}

  /**
   * Returns whether a global of type {@code actual} (type indices of {@code actualOwner}) may be
   * imported as {@code expected} (of {@code expectedOwner}): an immutable one's value type may be a
   * subtype, a mutable one's must be equivalent.
   */
  static boolean matches(
      GlobalType actual,
      ModuleInstance actualOwner,
      GlobalType expected,
      ModuleInstance expectedOwner) {
    if (actual.mutable() != expected.mutable()) {
      return false;
    }
    return actual.mutable()
        ? equivalent(actual.valueType(), actualOwner, expected.valueType(), expectedOwner)
        : matches(actual.valueType(), actualOwner, expected.valueType(), expectedOwner);
  }

  /** Returns whether each of two value types matches the other. */
  static boolean equivalent(ValType a, ModuleInstance aOwner, ValType b, ModuleInstance bOwner) {
    return matches(a, aOwner, b, bOwner) && matches(b, bOwner, a, aOwner);
  }

  /** Returns whether value type {@code actual} is a subtype of {@code expected}. */
  static boolean matches(
      ValType actual, ModuleInstance actualOwner, ValType expected, ModuleInstance expectedOwner) {
    if (actual instanceof RefType a && expected instanceof RefType e) {
      return (!a.nullable() || e.nullable())
          && matches(a.heapType(), actualOwner, e.heapType(), expectedOwner);
    }
    return actual.equals(expected);
  }

  private static boolean matches(
      HeapType actual,
      ModuleInstance actualOwner,
      HeapType expected,
      ModuleInstance expectedOwner) {
    return switch (actual) {
      case HeapType.Abstract a ->
          expected instanceof HeapType.Abstract e
              ? a.isSubtypeOf(e)
              : a.isBottom()
                  && expectedOwner != null
                  && kind((HeapType.Concrete) expected, expectedOwner).top() == a.top();
      case HeapType.Concrete c -> {
        if (expected instanceof HeapType.Abstract e) {
          yield actualOwner == null
              ? e == HeapType.Abstract.FUNC
              : kind(c, actualOwner).isSubtypeOf(e);
        }
        int x = id(c, actualOwner);
        yield x >= 0 && x == id((HeapType.Concrete) expected, expectedOwner);
      }
    };
  }

  /** The abstract heap type just above a defined type: func, struct or array. */
  private static HeapType.Abstract kind(HeapType.Concrete c, ModuleInstance owner) {
    return HeapType.Abstract.kindOf(owner.module().module().types().get(c.typeIndex()).composite());
  }

  /** The engine's id of a defined type, or -1 if its owner is unknown (made by the host). */
  private static int id(HeapType.Concrete c, ModuleInstance owner) {
    return owner == null ? -1 : owner.typeIds[c.typeIndex()];
  }
}

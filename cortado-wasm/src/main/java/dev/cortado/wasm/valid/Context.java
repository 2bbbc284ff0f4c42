package dev.cortado.wasm.valid;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmVersion;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The validation context of the spec ({@code C}): the types of everything code can refer to, by
 * index. Indices arrive as raw u32 bits, so a negative int is an index of 2^31 or more, which is
 * never valid.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/conventions.html#contexts">Contexts</a>
 */
final class Context {
  final List<SubType> types;
  final FuncType[] functions;
  final TableType[] tables;
  final MemoryType[] memories;
  final GlobalType[] globals;
  final RefType[] elements;
  final int dataCount;

  /** The payload type of each tag (Wasm 3.0 exceptions), set once the module's are known. */
  FuncType[] tags = new FuncType[0];

  /** Functions that {@code ref.func} may name inside function bodies ({@code C.refs}). */
  final BitSet refs;

  /** The edition of the standard the module is validated against. */
  final WasmVersion version;

  /** The type index of each function, by function index (for {@code ref.func}'s type). */
  int[] functionTypeIndices = new int[0];

  /** The canonical id of each type, by type index: equal ids are equivalent types. */
  int[] canonical = new int[0];

  Context(
      List<SubType> types,
      FuncType[] functions,
      TableType[] tables,
      MemoryType[] memories,
      GlobalType[] globals,
      RefType[] elements,
      int dataCount,
      BitSet refs,
      WasmVersion version) {
    this.types = types;
    this.functions = functions;
    this.tables = tables;
    this.memories = memories;
    this.globals = globals;
    this.elements = elements;
    this.dataCount = dataCount;
    this.refs = refs;
    this.version = version;
  }

  static boolean inRange(int index, int count) {
    return index >= 0 && index < count;
  }

  boolean hasType(int i) {
    return inRange(i, types.size());
  }

  /** Returns whether type {@code i} exists and is a function type. */
  boolean isFuncType(int i) {
    return hasType(i) && types.get(i).composite() instanceof FuncType;
  }

  /**
   * Returns the abstract heap type just above defined type {@code i}: {@code func}, {@code struct}
   * or {@code array}; empty if there is no such type.
   */
  Optional<HeapType.Abstract> kind(int i) {
    if (!hasType(i)) {
      return Optional.empty();
    }
    return Optional.of(HeapType.Abstract.kindOf(types.get(i).composite()));
  }

  FuncType funcType(int i) {
    return (FuncType) types.get(i).composite();
  }

  /** Returns whether a value of type {@code actual} may be used where {@code expected} is. */
  boolean matches(ValType actual, ValType expected) {
    if (actual == expected) {
      return true;
    }
    if (actual instanceof RefType a && expected instanceof RefType e) {
      return (!a.nullable() || e.nullable()) && matches(a.heapType(), e.heapType());
    }
    return actual.equals(expected);
  }

  /** Returns whether each of {@code actual} matches the same place of {@code expected}. */
  boolean matchesAll(List<ValType> actual, List<ValType> expected) {
    if (actual.size() != expected.size()) {
      return false;
    }
    for (int i = 0; i < actual.size(); i++) {
      if (!matches(actual.get(i), expected.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether heap type {@code actual} is a subtype of {@code expected}: the same or
   * equivalent types, a concrete function type below {@code func}, a bottom type below its
   * hierarchy, or a declared supertype chain.
   *
   * @see <a href="https://webassembly.github.io/spec/core/valid/matching.html#heap-types">Matching
   *     heap types</a>
   */
  boolean matches(HeapType actual, HeapType expected) {
    if (actual.equals(expected)) {
      return true;
    }
    // instanceof, not a pattern switch: this runs at every start (see ReferenceTypes).
    if (actual instanceof HeapType.Abstract a) {
      return expected instanceof HeapType.Abstract e
          ? a.isSubtypeOf(e)
          : a.isBottom()
              && kind(((HeapType.Concrete) expected).typeIndex())
                  .map(k -> k.top() == a.top())
                  .orElse(false);
    }
    HeapType.Concrete c = (HeapType.Concrete) actual;
    if (expected instanceof HeapType.Abstract e) {
      return kind(c.typeIndex()).map(k -> k.isSubtypeOf(e)).orElse(false);
    }
    int x = c.typeIndex();
    int y = ((HeapType.Concrete) expected).typeIndex();
    if (!hasType(x) || !hasType(y)) {
      return false;
    }
    if (canonical.length == types.size() && canonical[x] == canonical[y]) {
      return true;
    }
    for (int s : types.get(x).supertypes()) {
      if (s < x && matches(new HeapType.Concrete(s), expected)) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether every type index in {@code t} names a type below {@code limit}. */
  boolean isKnown(ValType t, int limit) {
    return !(t instanceof RefType r)
        || !(r.heapType() instanceof HeapType.Concrete c)
        || inRange(c.typeIndex(), limit);
  }

  /** Returns whether {@code t} exists in the edition validated against: Wasm 2.0 has two refs. */
  boolean isValueTypeOfVersion(ValType t) {
    return version != WasmVersion.WASM_2_0
        || !(t instanceof RefType r)
        || r.equals(RefType.FUNCREF)
        || r.equals(RefType.EXTERNREF);
  }

  /** Returns whether {@code t} has a default value: every type but a non-nullable reference. */
  static boolean isDefaultable(ValType t) {
    return !(t instanceof RefType r) || r.nullable();
  }

  FuncType function(int i) {
    return functions[i];
  }

  TableType table(int i) {
    return tables[i];
  }

  MemoryType memory(int i) {
    return memories[i];
  }

  GlobalType global(int i) {
    return globals[i];
  }
}

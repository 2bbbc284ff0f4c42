package dev.cortado.wasm;

/**
 * What a reference points to: an abstract heap type, or a type defined in the module.
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#heap-types">Heap
 *     types</a>
 */
public sealed interface HeapType permits HeapType.Abstract, HeapType.Concrete {

  /** Returns the heap type as the text format writes it. */
  String text();

  /**
   * The abstract heap types. Wasm 2.0 has {@code func} and {@code extern}; Wasm 3.0's typed
   * function references add their bottom types {@code nofunc} and {@code noextern} (the types of
   * nothing but {@code null}), exception handling {@code exn} and its bottom {@code noexn}, GC the
   * {@code any} hierarchy ({@code any}, {@code eq}, {@code i31}, {@code struct}, {@code array},
   * {@code none}).
   */
  enum Abstract implements HeapType {
    /** Any function. */
    FUNC("func", 0x70),
    /** Any host (external) value. */
    EXTERN("extern", 0x6F),
    /** No function: the bottom of the function hierarchy. */
    NOFUNC("nofunc", 0x73),
    /** No host value: the bottom of the external hierarchy. */
    NOEXTERN("noextern", 0x72),
    /** Any exception (Wasm 3.0): what {@code catch_ref} and {@code catch_all_ref} give. */
    EXN("exn", 0x69),
    /** No exception: the bottom of the exception hierarchy, whose only value is null. */
    NOEXN("noexn", 0x74),
    /** Any internal value (Wasm 3.0 GC): the top of the hierarchy of structs, arrays and i31s. */
    ANY("any", 0x6E),
    /** Any value {@code ref.eq} compares: structs, arrays and i31s. */
    EQ("eq", 0x6D),
    /** An unboxed 31-bit integer. */
    I31("i31", 0x6C),
    /** Any struct. */
    STRUCT("struct", 0x6B),
    /** Any array. */
    ARRAY("array", 0x6A),
    /** No internal value: the bottom of the {@code any} hierarchy. */
    NONE("none", 0x71);

    private final String text;
    private final int code;

    Abstract(String text, int code) {
      this.text = text;
      this.code = code;
    }

    /** Returns the one-byte binary encoding (the s33 heap type's only byte). */
    public int code() {
      return code;
    }

    /**
     * Returns the top type of this type's hierarchy: {@code func}, {@code extern}, {@code exn} or
     * {@code any}.
     */
    public Abstract top() {
      return switch (this) {
        case FUNC, NOFUNC -> FUNC;
        case EXTERN, NOEXTERN -> EXTERN;
        case EXN, NOEXN -> EXN;
        case ANY, EQ, I31, STRUCT, ARRAY, NONE -> ANY;
      };
    }

    /**
     * Returns the abstract heap type just above a defined type of composite type {@code c}: {@code
     * func}, {@code struct} or {@code array}.
     */
    public static Abstract kindOf(CompositeType c) {
      // instanceof, not a pattern switch: linking one costs milliseconds of every start, where
      // this runs.
      return c instanceof FuncType ? FUNC : c instanceof StructType ? STRUCT : ARRAY;
    }

    /** Returns whether this is the bottom type of its hierarchy (only null is of it). */
    public boolean isBottom() {
      return this == NOFUNC || this == NOEXTERN || this == NOEXN || this == NONE;
    }

    /**
     * Returns whether every value of this abstract heap type is one of {@code other}: the same
     * type, this one the bottom of {@code other}'s hierarchy, or (in the {@code any} hierarchy)
     * {@code i31}, {@code struct} and {@code array} below {@code eq}, and all below {@code any}.
     *
     * @see <a
     *     href="https://webassembly.github.io/spec/core/valid/matching.html#heap-types">Matching
     *     heap types</a>
     */
    public boolean isSubtypeOf(Abstract other) {
      if (this == other || (isBottom() && top() == other.top())) {
        return true;
      }
      return switch (this) {
        case EQ -> other == ANY;
        case I31, STRUCT, ARRAY -> other == EQ || other == ANY;
        default -> false;
      };
    }

    @Override
    public String text() {
      return text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * A type defined in the module's type section, by index.
   *
   * @param typeIndex the index into the module's types
   */
  record Concrete(int typeIndex) implements HeapType {
    // Written out: a record's own equals and hashCode link a call site on first use, milliseconds
    // of every start, where validation compares heap types.
    @Override
    public boolean equals(Object o) {
      return o instanceof Concrete c && c.typeIndex == typeIndex;
    }

    @Override
    public int hashCode() {
      return typeIndex;
    }

    @Override
    public String text() {
      return Integer.toString(typeIndex);
    }

    @Override
    public String toString() {
      return text();
    }
  }
}

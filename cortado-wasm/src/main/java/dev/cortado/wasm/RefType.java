package dev.cortado.wasm;

import java.util.Objects;

/**
 * A reference type: a heap type and whether {@code null} is a value of the type.
 *
 * @param nullable whether the type includes {@code null}
 * @param heapType what the reference points to
 * @see <a
 *     href="https://webassembly.github.io/spec/core/syntax/types.html#reference-types">Reference
 *     types</a>
 */
public record RefType(boolean nullable, HeapType heapType) implements ValType {
  /** {@code funcref}, the same as {@code (ref null func)}. */
  public static final RefType FUNCREF = new RefType(true, HeapType.Abstract.FUNC);

  /** {@code externref}, the same as {@code (ref null extern)}. */
  public static final RefType EXTERNREF = new RefType(true, HeapType.Abstract.EXTERN);

  /** {@code exnref}, the same as {@code (ref null exn)} (Wasm 3.0). */
  public static final RefType EXNREF = new RefType(true, HeapType.Abstract.EXN);

  /** Checks the heap type is present. */
  public RefType {
    Objects.requireNonNull(heapType, "heapType");
  }

  @Override
  public String text() {
    if (nullable && heapType == HeapType.Abstract.FUNC) {
      return "funcref";
    }
    if (nullable && heapType == HeapType.Abstract.EXTERN) {
      return "externref";
    }
    if (nullable && heapType == HeapType.Abstract.EXN) {
      return "exnref";
    }
    if (nullable && heapType == HeapType.Abstract.NOEXN) {
      return "nullexnref";
    }
    return "(ref " + (nullable ? "null " : "") + heapType.text() + ")";
  }

  @Override
  public boolean isReference() {
    return true;
  }

  @Override
  public String toString() {
    return text();
  }
}

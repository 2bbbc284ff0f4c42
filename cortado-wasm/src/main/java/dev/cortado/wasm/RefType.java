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

  /**
   * {@code (ref func)}: the type of element segments written as function indices (Wasm 3.0; a
   * subtype of {@code funcref}, which Wasm 2.0 gave them).
   */
  public static final RefType FUNC = new RefType(false, HeapType.Abstract.FUNC);

  /** {@code externref}, the same as {@code (ref null extern)}. */
  public static final RefType EXTERNREF = new RefType(true, HeapType.Abstract.EXTERN);

  /** {@code exnref}, the same as {@code (ref null exn)} (Wasm 3.0). */
  public static final RefType EXNREF = new RefType(true, HeapType.Abstract.EXN);

  /**
   * Returns {@code (ref null heapType)}, the shared constant for {@code func}, {@code extern} and
   * {@code exn}.
   */
  public static RefType nullable(HeapType heapType) {
    if (heapType == HeapType.Abstract.FUNC) {
      return FUNCREF;
    }
    if (heapType == HeapType.Abstract.EXTERN) {
      return EXTERNREF;
    }
    return heapType == HeapType.Abstract.EXN ? EXNREF : new RefType(true, heapType);
  }

  /** Returns this type with or without {@code null}. */
  public RefType withNullable(boolean withNull) {
    return withNull == nullable
        ? this
        : withNull ? nullable(heapType) : new RefType(false, heapType);
  }

  /** Checks the heap type is present. */
  public RefType {
    Objects.requireNonNull(heapType, "heapType");
  }

  @Override
  public String text() {
    if (nullable && heapType instanceof HeapType.Abstract a) {
      return shorthand(a);
    }
    return "(ref " + (nullable ? "null " : "") + heapType.text() + ")";
  }

  /**
   * Returns the text format's one-word name of {@code (ref null h)}: {@code funcref}, {@code
   * anyref}, ... for most, {@code nullfuncref} for {@code nofunc} and the like, {@code nullref} for
   * {@code none}.
   */
  public static String shorthand(HeapType.Abstract h) {
    if (h == HeapType.Abstract.NONE) {
      return "nullref";
    }
    return h.isBottom() ? "null" + h.top().text() + "ref" : h.text() + "ref";
  }

  /**
   * Returns whether the type's references are to functions: its heap type is below {@code func}.
   */
  public boolean isFunctionReference() {
    return heapType instanceof HeapType.Concrete
        || ((HeapType.Abstract) heapType).top() == HeapType.Abstract.FUNC;
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

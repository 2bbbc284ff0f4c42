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
   * The abstract heap types. Wasm 2.0 has {@code func} and {@code extern}; exceptions add {@code
   * exn} and {@code noexn}.
   */
  enum Abstract implements HeapType {
    /** Any function. */
    FUNC("func"),
    /** Any host (external) value. */
    EXTERN("extern"),
    /** Any exception (Wasm 3.0): what {@code catch_ref} and {@code catch_all_ref} give. */
    EXN("exn"),
    /** No exception: the bottom of the exception hierarchy, whose only value is null. */
    NOEXN("noexn");

    private final String text;

    Abstract(String text) {
      this.text = text;
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

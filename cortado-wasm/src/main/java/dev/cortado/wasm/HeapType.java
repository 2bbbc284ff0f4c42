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

  /** The abstract heap types. Wasm 2.0 has {@code func} and {@code extern}. */
  enum Abstract implements HeapType {
    /** Any function. */
    FUNC("func"),
    /** Any host (external) value. */
    EXTERN("extern");

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

package dev.cortado.wasm;

/**
 * The kinds of entities a module imports and exports.
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/modules.html#exports">Exports</a>
 */
public enum ExternKind {
  /** A function. */
  FUNC("func"),
  /** A table. */
  TABLE("table"),
  /** A linear memory. */
  MEMORY("memory"),
  /** A global. */
  GLOBAL("global"),
  /** An exception tag (Wasm 3.0). */
  TAG("tag");

  private final String text;

  ExternKind(String text) {
    this.text = text;
  }

  /** Returns the kind as the text format writes it. */
  public String text() {
    return text;
  }
}

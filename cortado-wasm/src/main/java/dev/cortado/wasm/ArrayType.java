package dev.cortado.wasm;

import java.util.Objects;

/**
 * An array type (Wasm 3.0 GC): any number of elements of one field type.
 *
 * @param element the elements' type
 * @see <a
 *     href="https://webassembly.github.io/spec/core/syntax/types.html#aggregate-types">Aggregate
 *     types</a>
 */
public record ArrayType(FieldType element) implements CompositeType {
  /** Checks the element type is present. */
  public ArrayType {
    Objects.requireNonNull(element, "element");
  }

  @Override
  public String toString() {
    return "(array " + element.text() + ")";
  }
}

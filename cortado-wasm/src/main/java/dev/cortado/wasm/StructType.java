package dev.cortado.wasm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A structure type (Wasm 3.0 GC): a fixed sequence of fields.
 *
 * @param fields the fields, in order
 * @see <a
 *     href="https://webassembly.github.io/spec/core/syntax/types.html#aggregate-types">Aggregate
 *     types</a>
 */
public record StructType(List<FieldType> fields) implements CompositeType {
  /** Copies the fields. */
  public StructType {
    fields = List.copyOf(fields);
  }

  @Override
  public String toString() {
    return "(struct"
        + fields.stream().map(f -> " (field " + f.text() + ")").collect(Collectors.joining())
        + ")";
  }
}

package dev.cortado.wasm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A function type: parameter types to result types.
 *
 * @param params the parameter types
 * @param results the result types
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#function-types">Function
 *     types</a>
 */
public record FuncType(List<ValType> params, List<ValType> results) implements CompositeType {
  /** The type {@code [] -> []}. */
  public static final FuncType EMPTY = new FuncType(List.of(), List.of());

  /** Copies the lists, so the type cannot change afterwards. */
  public FuncType {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }

  /** Returns the function type {@code params -> results}. */
  public static FuncType of(List<ValType> params, List<ValType> results) {
    return new FuncType(params, results);
  }

  @Override
  public String toString() {
    return "(func"
        + params.stream().map(t -> " (param " + t.text() + ")").collect(Collectors.joining())
        + results.stream().map(t -> " (result " + t.text() + ")").collect(Collectors.joining())
        + ")";
  }
}

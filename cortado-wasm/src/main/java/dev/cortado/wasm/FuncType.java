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

  // [] -> [t] for the types of Wasm 2.0: blocks with one result are the common case.
  private static final FuncType[] RETURNING_SIMPLE = {
    new FuncType(List.of(), List.of(ValType.I32)),
    new FuncType(List.of(), List.of(ValType.I64)),
    new FuncType(List.of(), List.of(ValType.F32)),
    new FuncType(List.of(), List.of(ValType.F64)),
    new FuncType(List.of(), List.of(ValType.V128)),
    new FuncType(List.of(), List.of(ValType.FUNCREF)),
    new FuncType(List.of(), List.of(ValType.EXTERNREF)),
  };

  /** Returns the type {@code [] -> [result]}, shared for the common result types. */
  public static FuncType returning(ValType result) {
    for (FuncType t : RETURNING_SIMPLE) {
      if (t.results.get(0).equals(result)) {
        return t;
      }
    }
    return new FuncType(List.of(), List.of(result));
  }

  /** Returns the function type {@code params -> results}. */
  public static FuncType of(List<ValType> params, List<ValType> results) {
    return new FuncType(params, results);
  }

  // Written out: a record's own equals and hashCode link a call site on first use, milliseconds
  // of every start, where function types key the engine's type registry.
  @Override
  public boolean equals(Object o) {
    return o instanceof FuncType t && params.equals(t.params) && results.equals(t.results);
  }

  @Override
  public int hashCode() {
    return 31 * params.hashCode() + results.hashCode();
  }

  @Override
  public String toString() {
    return "(func"
        + params.stream().map(t -> " (param " + t.text() + ")").collect(Collectors.joining())
        + results.stream().map(t -> " (result " + t.text() + ")").collect(Collectors.joining())
        + ")";
  }
}

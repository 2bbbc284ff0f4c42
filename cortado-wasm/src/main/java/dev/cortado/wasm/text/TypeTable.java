package dev.cortado.wasm.text;

import dev.cortado.wasm.FuncType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The module's function types: those its {@code type} fields define, then those that inline type
 * uses add at the end, in order of first use.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/modules.html#type-uses">Type uses</a>
 */
final class TypeTable {
  private final IdSpace ids = new IdSpace("type");
  private final List<FuncType> types = new ArrayList<>();

  /** Declares the identifier of the next type a {@code type} field defines. */
  void declare(Optional<Token> id) {
    ids.declare(id);
  }

  /** Adds the type a {@code type} field defines, after its {@link #declare}. */
  void define(FuncType type) {
    types.add(type);
  }

  /** Returns the index a type index token stands for. */
  int resolve(Token t) {
    return ids.resolve(t);
  }

  /** Returns the type at {@code index}, if there is one. */
  Optional<FuncType> get(int index) {
    return index >= 0 && index < types.size() ? Optional.of(types.get(index)) : Optional.empty();
  }

  /** Returns the index of the first type equal to {@code type}, adding it at the end if none. */
  int indexOf(FuncType type) {
    int i = types.indexOf(type);
    if (i >= 0) {
      return i;
    }
    types.add(type);
    ids.declare(Optional.empty());
    return types.size() - 1;
  }

  /** Returns every type in index order. */
  List<FuncType> all() {
    return List.copyOf(types);
  }
}

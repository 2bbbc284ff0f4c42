package dev.cortado.wasm;

import java.util.List;

/**
 * A group of type definitions that may refer to each other. In Wasm 2.0 every type is its own group
 * of one.
 *
 * @param types the definitions in the group, in index order
 * @see <a
 *     href="https://webassembly.github.io/spec/core/syntax/types.html#recursive-types">Recursive
 *     types</a>
 */
public record RecGroup(List<SubType> types) {
  /** Copies the list. */
  public RecGroup {
    types = List.copyOf(types);
  }

  /** Returns a group of one type. */
  public static RecGroup of(SubType type) {
    return new RecGroup(List.of(type));
  }
}

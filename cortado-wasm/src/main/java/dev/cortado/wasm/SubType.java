package dev.cortado.wasm;

import java.util.List;
import java.util.Objects;

/**
 * A type definition in the type section: a composite type with its declared supertypes.
 *
 * <p>Every Wasm 2.0 type is final and has no supertypes ({@link #of(CompositeType)}).
 *
 * @param isFinal whether no other type may declare this one as its supertype
 * @param supertypes the indices of the declared supertypes (at most one)
 * @param composite the type's shape
 * @see <a
 *     href="https://webassembly.github.io/spec/core/syntax/types.html#recursive-types">Recursive
 *     types</a>
 */
public record SubType(boolean isFinal, List<Integer> supertypes, CompositeType composite) {
  /** Copies the supertype list. */
  public SubType {
    supertypes = List.copyOf(supertypes);
    Objects.requireNonNull(composite, "composite");
  }

  /** Returns a final type without supertypes, as every Wasm 2.0 type is. */
  public static SubType of(CompositeType composite) {
    return new SubType(true, List.of(), composite);
  }
}

package dev.cortado.runtime;

import dev.cortado.runtime.internal.store.TagInstance;
import dev.cortado.wasm.FuncType;
import java.util.Objects;

/**
 * An exception tag (Wasm 3.0): what {@code throw} names and {@code catch} matches. A tag's identity
 * is its own, not its type's: two tags of the same type are different tags, and two {@code Tag}
 * handles are equal when they denote the same tag.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/runtime.html#tag-instances">Tag
 *     instances</a>
 */
public final class Tag implements Extern {
  private final Store store;
  final TagInstance instance;

  Tag(Store store, TagInstance instance) {
    this.store = store;
    this.instance = instance;
  }

  /**
   * Returns a new tag in {@code store} whose exceptions carry values of {@code type}'s parameters.
   *
   * @throws IllegalArgumentException if {@code type} has results
   */
  public static Tag create(Store store, FuncType type) {
    Objects.requireNonNull(store, "store");
    if (!type.results().isEmpty()) {
      throw new IllegalArgumentException("a tag's type has no results, not " + type);
    }
    return new Tag(store, new TagInstance(type, store.engine().typeId(type)));
  }

  @Override
  public Store store() {
    return store;
  }

  /** Returns the tag's type: its parameters are the types of an exception's values. */
  public FuncType type() {
    return instance.type();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tag t && t.instance == instance;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(instance);
  }

  @Override
  public String toString() {
    return "tag " + instance.type();
  }
}

package dev.cortado.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A type index space as definitions fill it: a component's, or a component or instance type's, with
 * the enclosing space outer aliases reach. Each entry remembers the space it was defined in, whose
 * indices the type's parts use wherever the entry is aliased to.
 */
final class TypeSpace {
  /**
   * A type: its definition (none for an imported type or a fresh resource, which only a name
   * identifies), the space its definition's indices refer to, the name an import or export gave it,
   * and for a resource its identity (null for other types).
   */
  record Entry(
      Optional<DefinedType> type, TypeSpace home, Optional<String> name, ResourceType resource) {
    static final Entry UNKNOWN = new Entry(Optional.empty(), null, Optional.empty(), null);

    Entry named(String n) {
      return new Entry(type, home, Optional.of(n), resource);
    }

    /** Returns the entry {@code t} refers to from this entry's definition, or null if primitive. */
    Entry part(ValueType t) {
      return t instanceof ValueType.Indexed i && home != null ? home.get(i.typeIndex()) : null;
    }
  }

  private final List<Entry> types = new ArrayList<>();
  private final TypeSpace outer;

  TypeSpace(TypeSpace outer) {
    this.outer = outer;
  }

  /** Returns entry {@code i}, or {@link Entry#UNKNOWN} if there is none. */
  Entry get(int i) {
    return i >= 0 && i < types.size() ? types.get(i) : Entry.UNKNOWN;
  }

  int size() {
    return types.size();
  }

  /** Adds a type defined here: a resource definition gets a fresh identity. */
  void define(DefinedType t) {
    ResourceType r =
        t instanceof DefinedType.Resource ? ResourceType.abstractType("resource") : null;
    types.add(new Entry(Optional.of(t), this, Optional.empty(), r));
  }

  /** Adds a type known only by name: a fresh resource, of identity {@code resource}. */
  void resource(String name, ResourceType resource) {
    types.add(new Entry(Optional.empty(), this, Optional.of(name), resource));
  }

  /** Adds an existing entry under a new index. */
  void add(Entry e) {
    types.add(e);
  }

  /** Adds what an outer alias of type {@code index}, {@code count} spaces out, refers to. */
  void alias(int count, int index) {
    TypeSpace s = this;
    for (int i = 0; i < count && s != null; i++) {
      s = s.outer;
    }
    types.add(s == null ? Entry.UNKNOWN : s.get(index));
  }
}

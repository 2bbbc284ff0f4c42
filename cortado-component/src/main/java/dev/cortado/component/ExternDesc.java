package dev.cortado.component;

import java.util.Objects;

/**
 * The type of an import or export: a core module, function, value, type, component or instance of a
 * given type.
 */
public sealed interface ExternDesc
    permits ExternDesc.CoreModule,
        ExternDesc.Func,
        ExternDesc.Value,
        ExternDesc.Type,
        ExternDesc.Component,
        ExternDesc.Instance {

  /** Returns the sort of what is imported or exported. */
  Sort sort();

  /**
   * A core module of a core module type.
   *
   * @param typeIndex the core type's index
   */
  record CoreModule(int typeIndex) implements ExternDesc {
    @Override
    public Sort sort() {
      return Sort.CORE_MODULE;
    }
  }

  /**
   * A function of a function type.
   *
   * @param typeIndex the type's index
   */
  record Func(int typeIndex) implements ExternDesc {
    @Override
    public Sort sort() {
      return Sort.FUNC;
    }
  }

  /**
   * A value, of a type or equal to a value.
   *
   * @param type its type, when it is not bound to a value
   * @param equalTo the index of the value it equals, or -1
   */
  record Value(java.util.Optional<ValueType> type, int equalTo) implements ExternDesc {
    /** Checks the optional is present. */
    public Value {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public Sort sort() {
      return Sort.VALUE;
    }
  }

  /**
   * A type: equal to a type, or a fresh resource type ({@code (sub resource)}).
   *
   * @param equalTo the index of the type it equals, or -1 for a fresh resource type
   */
  record Type(int equalTo) implements ExternDesc {
    /** Returns whether this is a fresh resource type. */
    public boolean isSubResource() {
      return equalTo < 0;
    }

    @Override
    public Sort sort() {
      return Sort.TYPE;
    }
  }

  /**
   * A component of a component type.
   *
   * @param typeIndex the type's index
   */
  record Component(int typeIndex) implements ExternDesc {
    @Override
    public Sort sort() {
      return Sort.COMPONENT;
    }
  }

  /**
   * An instance of an instance type.
   *
   * @param typeIndex the type's index
   */
  record Instance(int typeIndex) implements ExternDesc {
    @Override
    public Sort sort() {
      return Sort.INSTANCE;
    }
  }
}

package dev.cortado.component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A type a component's type section (or a component or instance type) defines: a value type, a
 * function type, a component type, an instance type or a resource type.
 */
public sealed interface DefinedType
    permits DefinedType.Value,
        DefinedType.Func,
        DefinedType.ComponentType,
        DefinedType.InstanceType,
        DefinedType.Resource {

  /**
   * A defined value type.
   *
   * @param type the value type
   */
  record Value(ValueDefinition type) implements DefinedType {
    /** Checks the type is present. */
    public Value {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A named parameter of a function type.
   *
   * @param name the label
   * @param type its type
   */
  record Param(String name, ValueType type) {
    /** Checks the parts are present. */
    public Param {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A function type.
   *
   * @param params the parameters
   * @param result the result, if any
   * @param async whether the function is asynchronous
   */
  record Func(List<Param> params, Optional<ValueType> result, boolean async)
      implements DefinedType {
    /** Copies the parameters. */
    public Func {
      params = List.copyOf(params);
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * A component type: what a component imports and exports.
   *
   * @param declarations its declarations, in order
   */
  record ComponentType(List<Declaration> declarations) implements DefinedType {
    /** Copies the declarations. */
    public ComponentType {
      declarations = List.copyOf(declarations);
    }
  }

  /**
   * An instance type: what an instance exports.
   *
   * @param declarations its declarations, in order
   */
  record InstanceType(List<Declaration> declarations) implements DefinedType {
    /** Copies the declarations. */
    public InstanceType {
      declarations = List.copyOf(declarations);
    }
  }

  /**
   * A resource type, represented by an {@code i32}.
   *
   * @param destructor the core function that destroys one, if any
   */
  record Resource(Optional<Integer> destructor) implements DefinedType {
    /** Checks the optional is present. */
    public Resource {
      Objects.requireNonNull(destructor, "destructor");
    }
  }
}

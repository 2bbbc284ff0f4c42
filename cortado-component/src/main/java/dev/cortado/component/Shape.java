package dev.cortado.component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A component value type resolved: its structure spelled out, every type index replaced by what it
 * stands for, with the name the component gave a type where it gave one ({@code error-code}). What
 * a function's parameters and results are, for the canonical ABI and for people.
 */
public sealed interface Shape
    permits Shape.Primitive,
        Shape.ListOf,
        Shape.Record,
        Shape.Variant,
        Shape.Tuple,
        Shape.Flags,
        Shape.Enum,
        Shape.Option,
        Shape.Result,
        Shape.Handle,
        Shape.Stream,
        Shape.Future,
        Shape.Unresolved {

  /** Returns the name the component gave this type, if it gave one. */
  Optional<String> name();

  /**
   * A primitive type.
   *
   * @param type the type
   * @param name its name, if the component named it
   */
  record Primitive(PrimitiveType type, Optional<String> name) implements Shape {}

  /**
   * A list, of any length ({@code fixedLength} 0) or of a fixed one.
   *
   * @param element the elements' shape
   * @param fixedLength the fixed length, or 0
   * @param name its name, if any
   */
  record ListOf(Shape element, int fixedLength, Optional<String> name) implements Shape {}

  /**
   * A named field or a labelled shape.
   *
   * @param name the label
   * @param shape its shape
   */
  record Field(String name, Shape shape) {
    /** Checks the parts are present. */
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(shape, "shape");
    }
  }

  /**
   * A record.
   *
   * @param fields its fields
   * @param name its name, if any
   */
  record Record(List<Field> fields, Optional<String> name) implements Shape {
    /** Copies the fields. */
    public Record {
      fields = List.copyOf(fields);
    }
  }

  /**
   * A case of a variant.
   *
   * @param name the label
   * @param payload its payload's shape, if any
   */
  record Case(String name, Optional<Shape> payload) {}

  /**
   * A variant.
   *
   * @param cases its cases
   * @param name its name, if any
   */
  record Variant(List<Case> cases, Optional<String> name) implements Shape {
    /** Copies the cases. */
    public Variant {
      cases = List.copyOf(cases);
    }
  }

  /**
   * A tuple.
   *
   * @param elements its elements' shapes
   * @param name its name, if any
   */
  record Tuple(List<Shape> elements, Optional<String> name) implements Shape {
    /** Copies the elements. */
    public Tuple {
      elements = List.copyOf(elements);
    }
  }

  /**
   * Flags.
   *
   * @param labels the flags' labels
   * @param name its name, if any
   */
  record Flags(List<String> labels, Optional<String> name) implements Shape {
    /** Copies the labels. */
    public Flags {
      labels = List.copyOf(labels);
    }
  }

  /**
   * An enumeration.
   *
   * @param labels the cases' labels
   * @param name its name, if any
   */
  record Enum(List<String> labels, Optional<String> name) implements Shape {
    /** Copies the labels. */
    public Enum {
      labels = List.copyOf(labels);
    }
  }

  /**
   * An optional value.
   *
   * @param value the value's shape
   * @param name its name, if any
   */
  record Option(Shape value, Optional<String> name) implements Shape {}

  /**
   * A result.
   *
   * @param ok the success payload, if any
   * @param error the error payload, if any
   * @param name its name, if any
   */
  record Result(Optional<Shape> ok, Optional<Shape> error, Optional<String> name)
      implements Shape {}

  /**
   * A handle to a resource: owned, or borrowed.
   *
   * @param resource the resource's name ({@code ?} if the component did not name it)
   * @param type the resource type, by identity
   * @param owned whether the handle owns the resource
   * @param name its name, if any
   */
  record Handle(String resource, ResourceType type, boolean owned, Optional<String> name)
      implements Shape {
    /** Checks the parts are present. */
    public Handle {
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A stream.
   *
   * @param element the elements' shape, if any
   * @param name its name, if any
   */
  record Stream(Optional<Shape> element, Optional<String> name) implements Shape {}

  /**
   * A future.
   *
   * @param value the value's shape, if any
   * @param name its name, if any
   */
  record Future(Optional<Shape> value, Optional<String> name) implements Shape {}

  /**
   * A type index that resolves to no value type (a bad index, or a type referring to itself in an
   * invalid component).
   *
   * @param why what went wrong
   * @param name its name, if any
   */
  record Unresolved(String why, Optional<String> name) implements Shape {}
}

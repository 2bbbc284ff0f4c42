package dev.cortado.component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A defined value type: a primitive type, or a record, variant, list, tuple, flags, enum, option,
 * result, owned or borrowed handle, stream or future.
 */
public sealed interface ValueDefinition
    permits ValueDefinition.Primitive,
        ValueDefinition.Record,
        ValueDefinition.Variant,
        ValueDefinition.ListOf,
        ValueDefinition.Tuple,
        ValueDefinition.Flags,
        ValueDefinition.Enum,
        ValueDefinition.Option,
        ValueDefinition.Result,
        ValueDefinition.Own,
        ValueDefinition.Borrow,
        ValueDefinition.Stream,
        ValueDefinition.Future {

  /**
   * A primitive type given a type index of its own.
   *
   * @param type the primitive type
   */
  record Primitive(PrimitiveType type) implements ValueDefinition {
    /** Checks the type is present. */
    public Primitive {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A named field of a record, or a labelled value.
   *
   * @param name the label
   * @param type its type
   */
  record Field(String name, ValueType type) {
    /** Checks the parts are present. */
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A record.
   *
   * @param fields its fields, at least one
   */
  record Record(List<Field> fields) implements ValueDefinition {
    /** Copies the fields. */
    public Record {
      fields = List.copyOf(fields);
    }
  }

  /**
   * A case of a variant.
   *
   * @param name the label
   * @param type its payload's type, if it has one
   */
  record Case(String name, Optional<ValueType> type) {
    /** Checks the parts are present. */
    public Case {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A variant.
   *
   * @param cases its cases, at least one
   */
  record Variant(List<Case> cases) implements ValueDefinition {
    /** Copies the cases. */
    public Variant {
      cases = List.copyOf(cases);
    }
  }

  /**
   * A list, of any length or of a fixed one.
   *
   * @param element the elements' type
   * @param fixedLength the length of a fixed-length list, or 0 for any length
   */
  record ListOf(ValueType element, int fixedLength) implements ValueDefinition {
    /** Checks the element type is present. */
    public ListOf {
      Objects.requireNonNull(element, "element");
    }
  }

  /**
   * A tuple.
   *
   * @param types its elements' types, at least one
   */
  record Tuple(List<ValueType> types) implements ValueDefinition {
    /** Copies the types. */
    public Tuple {
      types = List.copyOf(types);
    }
  }

  /**
   * A set of flags.
   *
   * @param names the flags' labels
   */
  record Flags(List<String> names) implements ValueDefinition {
    /** Copies the names. */
    public Flags {
      names = List.copyOf(names);
    }
  }

  /**
   * An enumeration.
   *
   * @param names the cases' labels
   */
  record Enum(List<String> names) implements ValueDefinition {
    /** Copies the names. */
    public Enum {
      names = List.copyOf(names);
    }
  }

  /**
   * An optional value.
   *
   * @param type the value's type
   */
  record Option(ValueType type) implements ValueDefinition {
    /** Checks the type is present. */
    public Option {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A result: a success or an error, each with an optional payload.
   *
   * @param ok the success payload's type, if any
   * @param error the error payload's type, if any
   */
  record Result(Optional<ValueType> ok, Optional<ValueType> error) implements ValueDefinition {
    /** Checks the optionals are present. */
    public Result {
      Objects.requireNonNull(ok, "ok");
      Objects.requireNonNull(error, "error");
    }
  }

  /**
   * An owned handle to a resource.
   *
   * @param resource the resource type's index
   */
  record Own(int resource) implements ValueDefinition {}

  /**
   * A borrowed handle to a resource.
   *
   * @param resource the resource type's index
   */
  record Borrow(int resource) implements ValueDefinition {}

  /**
   * A stream (async).
   *
   * @param element the elements' type, if any
   */
  record Stream(Optional<ValueType> element) implements ValueDefinition {
    /** Checks the optional is present. */
    public Stream {
      Objects.requireNonNull(element, "element");
    }
  }

  /**
   * A future (async).
   *
   * @param type the value's type, if any
   */
  record Future(Optional<ValueType> type) implements ValueDefinition {
    /** Checks the optional is present. */
    public Future {
      Objects.requireNonNull(type, "type");
    }
  }
}

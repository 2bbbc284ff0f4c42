package dev.cortado.component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A value of the component model: what component functions take and return. */
public sealed interface ComponentValue
    permits ComponentValue.Bool,
        ComponentValue.Int,
        ComponentValue.F32,
        ComponentValue.F64,
        ComponentValue.Char,
        ComponentValue.Str,
        ComponentValue.ListV,
        ComponentValue.Bytes,
        ComponentValue.RecordV,
        ComponentValue.TupleV,
        ComponentValue.VariantV,
        ComponentValue.EnumV,
        ComponentValue.OptionV,
        ComponentValue.ResultV,
        ComponentValue.FlagsV,
        ComponentValue.HandleV,
        ComponentValue.Resource {

  /**
   * A {@code bool}.
   *
   * @param value the value
   */
  record Bool(boolean value) implements ComponentValue {}

  /**
   * An integer of one of the eight integer types, held in a long: signed types sign-extended,
   * unsigned ones zero-extended ({@code u64} as its bits).
   *
   * @param type the integer type
   * @param value the value
   */
  record Int(PrimitiveType type, long value) implements ComponentValue {
    /** Checks the type is an integer type. */
    public Int {
      switch (Objects.requireNonNull(type, "type")) {
        case S8, U8, S16, U16, S32, U32, S64, U64 -> {}
        default -> throw new IllegalArgumentException(type + " is not an integer type");
      }
    }
  }

  /**
   * An {@code f32}.
   *
   * @param value the value
   */
  record F32(float value) implements ComponentValue {}

  /**
   * An {@code f64}.
   *
   * @param value the value
   */
  record F64(double value) implements ComponentValue {}

  /**
   * A {@code char}: one Unicode scalar value.
   *
   * @param codePoint the scalar value
   */
  record Char(int codePoint) implements ComponentValue {}

  /**
   * A {@code string}.
   *
   * @param value the text
   */
  record Str(String value) implements ComponentValue {
    /** Checks the text is present. */
    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A {@code list}.
   *
   * @param elements the elements
   */
  record ListV(List<ComponentValue> elements) implements ComponentValue {
    /** Copies the elements. */
    public ListV {
      elements = List.copyOf(elements);
    }
  }

  /**
   * A {@code record}: its field values in the type's order.
   *
   * @param fields the values
   */
  record RecordV(List<ComponentValue> fields) implements ComponentValue {
    /** Copies the values. */
    public RecordV {
      fields = List.copyOf(fields);
    }
  }

  /**
   * A {@code tuple}.
   *
   * @param elements the values
   */
  record TupleV(List<ComponentValue> elements) implements ComponentValue {
    /** Copies the values. */
    public TupleV {
      elements = List.copyOf(elements);
    }
  }

  /**
   * A case of a {@code variant}.
   *
   * @param index the case's index in the type
   * @param payload the payload, if the case has one
   */
  record VariantV(int index, Optional<ComponentValue> payload) implements ComponentValue {
    /** Checks the payload is present. */
    public VariantV {
      Objects.requireNonNull(payload, "payload");
    }
  }

  /**
   * A case of an {@code enum}.
   *
   * @param index the case's index in the type
   */
  record EnumV(int index) implements ComponentValue {}

  /**
   * An {@code option}.
   *
   * @param value the value, if some
   */
  record OptionV(Optional<ComponentValue> value) implements ComponentValue {
    /** Checks the optional is present. */
    public OptionV {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A {@code result}.
   *
   * @param ok whether it is a success
   * @param payload the success's or error's payload, if the type has one
   */
  record ResultV(boolean ok, Optional<ComponentValue> payload) implements ComponentValue {
    /** Checks the payload is present. */
    public ResultV {
      Objects.requireNonNull(payload, "payload");
    }
  }

  /**
   * A {@code flags} value: the indices of the flags that are set.
   *
   * @param set the indices set
   */
  record FlagsV(Set<Integer> set) implements ComponentValue {
    /** Copies the set. */
    public FlagsV {
      set = Set.copyOf(set);
    }
  }

  /**
   * A handle to a resource ({@code own} or {@code borrow}): its index in a handle table.
   *
   * @param handle the index
   */
  record HandleV(int handle) implements ComponentValue {}

  /**
   * A resource passed between components and the host ({@code own} or {@code borrow}, as the type
   * says): its type and representation, the handle of the table it came from already resolved. A
   * borrowed resource may only be used during the call that received it.
   *
   * @param type the resource type
   * @param rep its representation: a Java object for a resource the host implements, an {@code
   *     Integer} for one a component implements
   */
  record Resource(ResourceType type, Object rep) implements ComponentValue {
    /** Checks the parts are present. */
    public Resource {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(rep, "rep");
    }
  }

  /**
   * A {@code list<u8>}: its bytes, without a value per byte. Lifting a {@code list<u8>} gives this;
   * lowering one takes this or a {@link ListV} of {@code u8} values.
   *
   * @param bytes the bytes (not copied: do not change them afterwards)
   */
  record Bytes(byte[] bytes) implements ComponentValue {
    /** Checks the bytes are present. */
    public Bytes {
      Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && java.util.Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Bytes[" + bytes.length + " bytes]";
    }
  }
}

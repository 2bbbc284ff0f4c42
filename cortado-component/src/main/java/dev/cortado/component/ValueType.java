package dev.cortado.component;

/**
 * A component value type where it is used: a primitive type, or the index of a defined value type
 * in the type index space.
 */
public sealed interface ValueType permits PrimitiveType, ValueType.Indexed {
  /** Returns the type as the text format writes it. */
  String text();

  /**
   * A defined value type, by its index in the type index space.
   *
   * @param typeIndex the index
   */
  record Indexed(int typeIndex) implements ValueType {
    @Override
    public String text() {
      return Integer.toUnsignedString(typeIndex);
    }

    @Override
    public String toString() {
      return text();
    }
  }
}

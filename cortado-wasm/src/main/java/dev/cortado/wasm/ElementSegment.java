package dev.cortado.wasm;

import java.util.List;
import java.util.Objects;

/**
 * An element segment: references to put into a table at instantiation ({@link Mode.Active}), or to
 * use with {@code table.init} ({@link Mode.Passive}), or only to declare functions for {@code
 * ref.func} ({@link Mode.Declarative}).
 *
 * <p>Every item is a constant expression, whatever encoding the binary used: a list of function
 * indices decodes as {@code ref.func} expressions.
 *
 * @param type the type of the references
 * @param items one constant expression per element
 * @param mode how the segment is used
 * @see <a href="https://webassembly.github.io/spec/core/syntax/modules.html#element-segments">
 *     Element segments</a>
 */
public record ElementSegment(RefType type, List<Expression> items, Mode mode) {
  /** Copies the items and checks every part is present. */
  public ElementSegment {
    Objects.requireNonNull(type, "type");
    items = List.copyOf(items);
    Objects.requireNonNull(mode, "mode");
  }

  /** How an element segment is used. */
  public sealed interface Mode {
    /** Used by {@code table.init} and dropped by {@code elem.drop}. */
    record Passive() implements Mode {}

    /**
     * Copied into a table at instantiation.
     *
     * @param tableIndex the table to write
     * @param offset a constant expression giving the first element index
     */
    record Active(int tableIndex, Expression offset) implements Mode {
      /** Checks the offset is present. */
      public Active {
        Objects.requireNonNull(offset, "offset");
      }
    }

    /** Only declares functions that {@code ref.func} may refer to. */
    record Declarative() implements Mode {}
  }
}

package dev.cortado.wasm;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The type of a {@code block}, {@code loop} or {@code if}: nothing, one result type, or a function
 * type by index (for parameters or several results).
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/syntax/instructions.html#control-instructions">
 *     Control instructions</a>
 */
public sealed interface BlockType {
  /** The block type {@code [] -> []}. */
  Empty EMPTY = new Empty();

  /** Returns the block type {@code [] -> [type]}. */
  static BlockType of(ValType type) {
    return new Value(type);
  }

  /** Returns the block type of the function type at {@code typeIndex}. */
  static BlockType ofType(int typeIndex) {
    return new Indexed(typeIndex);
  }

  /**
   * Returns the block's function type, looking up an indexed one with {@code typeOf} (which must
   * know the index).
   */
  default FuncType signature(IntFunction<FuncType> typeOf) {
    // instanceof, not a pattern switch: linking one costs milliseconds of every start, where
    // this runs.
    if (this instanceof Value v) {
      return FuncType.returning(v.type());
    }
    return this instanceof Indexed i ? typeOf.apply(i.typeIndex()) : FuncType.EMPTY;
  }

  /** {@code [] -> []}. */
  record Empty() implements BlockType {}

  /**
   * {@code [] -> [type]}.
   *
   * @param type the one result type
   */
  record Value(ValType type) implements BlockType {
    /** Checks the type is present. */
    public Value {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * The function type at {@code typeIndex} in the module's types.
   *
   * @param typeIndex the index of a function type
   */
  record Indexed(int typeIndex) implements BlockType {}
}

package dev.cortado.compiler.internal;

import java.util.Arrays;

/**
 * The deep part of the operand stack of a function that could not be cut into methods otherwise:
 * entries at index {@link #FROM} and above live in frame slots, a slot per index, which all the
 * function's methods share, instead of on the JVM stack of the method that pushed them.
 *
 * <p>A method holding thousands of values on its JVM stack needs an instruction per value to push,
 * pass or consume them, so a function where thousands of values wait (3,000 nested {@code
 * i32.add}s, an {@code array.new_fixed} of 5,000 elements, a {@code struct.new} of 800 fields)
 * could not be cut into methods under the limit. With the deep part in the frame, a method's JVM
 * stack holds at most {@link #FROM} entries of its own; an instruction loads the operands it takes
 * from the frame ({@link FunctionEmitter}: "raise") and stores its results there ("sink"); a piece
 * takes and leaves deep entries where they are; {@code struct.new} and {@code array.new_fixed} read
 * their deep operands from the frame in one call. Functions that fit without it do not use it: its
 * loads and stores make the deep part slower.
 */
final class DeepStack {
  /** Operand stack entries from this index up live in the frame. */
  static final int FROM = 64;

  /** Frame slots the deep part takes: one per index from {@link #FROM} to the deepest. */
  final int slots;

  // Body offset of each instruction, ascending, and how many operands it takes or reads.
  private final int[] offsets;
  private final int[] operands;

  /**
   * The deep part of a function whose operand stack reaches {@code maxHeight}, with the operands of
   * each instruction from {@code shape}, a trial emission's record of the whole function.
   */
  DeepStack(FunctionShape shape, int maxHeight) {
    this.slots = Math.max(0, maxHeight - FROM);
    this.offsets = Arrays.copyOf(shape.offset, shape.count);
    this.operands = new int[shape.count];
    for (int i = 0; i < shape.count; i++) {
      operands[i] = shape.height[i] - shape.low[i];
    }
  }

  /**
   * Returns how many entries from the top of the stack the instruction at body offset {@code
   * offset} pops or reads (a branch reads the values it carries).
   */
  int operands(int offset) {
    int i = Arrays.binarySearch(offsets, offset);
    if (i < 0) {
      throw new IllegalStateException("no instruction at body offset " + offset);
    }
    return operands[i];
  }
}

package dev.cortado.wasm.valid;

import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import java.util.List;

/**
 * What validation learned about one function's code, so that engines do not derive it again: the
 * types of its locals, the deepest its operand stack gets, for every block where it starts,
 * branches to and ends, with the stack height and arity at its boundaries, and whether it makes
 * tail calls.
 *
 * <p>Blocks are numbered in the order their opening instruction ({@code block}, {@code loop},
 * {@code if}) appears in the body, from 0. Offsets are from the start of the body {@link
 * dev.cortado.wasm.Expression}, as {@code InstructionReader.offset()} gives them. A branch to a
 * {@code loop} goes to its start; a branch to any other block goes to its end.
 */
public final class FunctionInfo {
  static final int STRIDE = 7;
  static final int START = 0;
  static final int ELSE = 1;
  static final int END = 2;
  static final int HEIGHT = 3;
  static final int PARAMS = 4;
  static final int RESULTS = 5;
  static final int KIND = 6;

  private static final Opcode[] KINDS = {Opcode.BLOCK, Opcode.LOOP, Opcode.IF};

  private final List<ValType> localTypes;
  private final int maxStackHeight;
  private final int[] blocks;
  private final boolean tailCalls;

  FunctionInfo(List<ValType> localTypes, int maxStackHeight, int[] blocks, boolean tailCalls) {
    this.localTypes = List.copyOf(localTypes);
    this.maxStackHeight = maxStackHeight;
    this.blocks = blocks;
    this.tailCalls = tailCalls;
  }

  /** Returns whether the code has a {@code return_call} or {@code return_call_indirect}. */
  public boolean makesTailCalls() {
    return tailCalls;
  }

  static int kindCode(Opcode op) {
    return switch (op) {
      case BLOCK -> 0;
      case LOOP -> 1;
      case IF -> 2;
      default -> throw new IllegalArgumentException(op.text());
    };
  }

  /** Returns the types of the parameters then the declared locals, by local index. */
  public List<ValType> localTypes() {
    return localTypes;
  }

  /** Returns the most values the operand stack holds at any point of the function. */
  public int maxStackHeight() {
    return maxStackHeight;
  }

  /** Returns the number of blocks ({@code block}, {@code loop} and {@code if}) in the body. */
  public int blockCount() {
    return blocks.length / STRIDE;
  }

  /** Returns which instruction opens block {@code b}: {@code BLOCK}, {@code LOOP} or {@code IF}. */
  public Opcode blockKind(int b) {
    return KINDS[get(b, KIND)];
  }

  /** Returns the offset of the instruction opening block {@code b}. */
  public int blockStart(int b) {
    return get(b, START);
  }

  /** Returns the offset of the {@code else} of {@code if} block {@code b}, or -1 if it has none. */
  public int blockElse(int b) {
    return get(b, ELSE);
  }

  /** Returns the offset of the {@code end} closing block {@code b}. */
  public int blockEnd(int b) {
    return get(b, END);
  }

  /**
   * Returns the operand stack height when block {@code b} is entered, not counting its parameters:
   * a branch to the block leaves this many values below the ones it carries.
   */
  public int blockHeight(int b) {
    return get(b, HEIGHT);
  }

  /** Returns the number of parameters of block {@code b}. */
  public int blockParamCount(int b) {
    return get(b, PARAMS);
  }

  /** Returns the number of results of block {@code b}. */
  public int blockResultCount(int b) {
    return get(b, RESULTS);
  }

  /**
   * Returns the number of values a branch to block {@code b} carries: its parameters for a loop,
   * else its results.
   */
  public int blockBranchArity(int b) {
    return get(b, KIND) == 1 ? get(b, PARAMS) : get(b, RESULTS);
  }

  private int get(int b, int field) {
    if (b < 0 || b >= blockCount()) {
      throw new IndexOutOfBoundsException("block " + b + " of " + blockCount());
    }
    return blocks[b * STRIDE + field];
  }
}

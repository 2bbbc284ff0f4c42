package dev.cortado.wasm.binary;

import dev.cortado.wasm.Opcode;
import java.util.function.IntPredicate;

/**
 * Which operands of an instruction on a 64-bit memory or table (Wasm 3.0 memory64) are i64
 * addresses, indexes or counts: the ones an engine built for 32-bit addresses must narrow.
 * Cortado's interpreter and compiler clamp each to a u32 (2^32-1 if larger): no memory or table
 * reaches 2^31 bytes or elements, so the clamped value is out of bounds exactly when the original
 * is, and the 32-bit instruction that follows traps, or fails to grow, as the 64-bit one must.
 *
 * <p>{@link #of} packs the answer in an int: bit {@code k} for operand {@code k} (counted from the
 * deepest of the instruction's operands), and the instruction's operand count from bit 8.
 */
public final class AddressOperands {
  private AddressOperands() {}

  /**
   * Returns the wide operands of the instruction {@code r} stands at ({@code op}), or 0 if it has
   * none.
   *
   * @param memory64 whether a memory (by index) has 64-bit addresses
   * @param table64 whether a table (by index) has 64-bit indexes
   */
  public static int of(
      Opcode op, InstructionReader r, IntPredicate memory64, IntPredicate table64) {
    return switch (op.immediate()) {
      case MEMARG, MEMARG_LANE -> memory64.test(r.memoryIndex()) ? of(op.params().size(), 0) : 0;
      case MEMORY -> memory64.test(r.index()) ? fixed(op) : 0;
      case MEMORY_COPY -> copy(memory64.test(r.index()), memory64.test(r.index2()));
      case MEMORY_INIT -> memory64.test(r.index2()) ? of(3, 0) : 0;
      case TABLE ->
          !table64.test(r.index())
              ? 0
              : switch (op) {
                case TABLE_GET -> of(1, 0);
                case TABLE_SET -> of(2, 0);
                case TABLE_GROW -> of(2, 1);
                case TABLE_FILL -> of(3, 0) | of(3, 2);
                default -> 0;
              };
      case TABLE_COPY -> copy(table64.test(r.index()), table64.test(r.index2()));
      case TABLE_INIT -> table64.test(r.index2()) ? of(3, 0) : 0;
      // The table index is the last operand: the one operand counted here.
      case CALL_INDIRECT -> table64.test(r.index2()) ? of(1, 0) : 0;
      default -> 0;
    };
  }

  /** Returns the operand count of a non-zero answer of {@link #of}. */
  public static int arity(int operands) {
    return operands >>> 8;
  }

  /** Returns whether operand {@code k} is wide in an answer of {@link #of}. */
  public static boolean isWide(int operands, int k) {
    return (operands & (1 << k)) != 0;
  }

  /** Returns the offset of a load or store as a u32: one of 2^32 or more as 2^32-1. */
  public static int offset(InstructionReader r) {
    return r.memOffset() >>> 32 == 0 ? (int) r.memOffset() : -1;
  }

  /** The operands the Opcode table marks as addresses: memory.grow's delta, memory.fill's. */
  private static int fixed(Opcode op) {
    int n = op.params().size();
    int bits = 0;
    for (int k = 0; k < n; k++) {
      if (op.isAddressParam(k)) {
        bits |= of(n, k);
      }
    }
    return bits;
  }

  /** A copy's destination and source are in their own address types, the count in the smaller. */
  private static int copy(boolean dst64, boolean src64) {
    return (dst64 ? of(3, 0) : 0) | (src64 ? of(3, 1) : 0) | (dst64 && src64 ? of(3, 2) : 0);
  }

  private static int of(int arity, int operand) {
    return arity << 8 | 1 << operand;
  }
}

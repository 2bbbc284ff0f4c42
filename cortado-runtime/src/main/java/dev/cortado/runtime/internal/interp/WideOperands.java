package dev.cortado.runtime.internal.interp;

import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.binary.InstructionReader;

/**
 * Which operands of an instruction on a 64-bit memory or table (Wasm 3.0 memory64) are i64
 * addresses, indexes or counts. Lowering clamps each to a u32 ({@link Ir#CLAMP_U32}) and then
 * lowers the instruction as for a 32-bit memory or table, so one set of IR instructions serves
 * both.
 */
final class WideOperands {
  private WideOperands() {}

  /**
   * Returns the wide operands of the instruction {@code r} stands at: bit {@code k} set for operand
   * {@code k}, and the instruction's operand count from bit 8; 0 if it has none.
   */
  static int of(Opcode op, InstructionReader r, LoweringContext ctx) {
    return switch (op.immediate()) {
      case MEMARG, MEMARG_LANE -> ctx.memoryIs64(r.memoryIndex()) ? of(op.params().size(), 0) : 0;
      case MEMORY -> ctx.memoryIs64(r.index()) ? fixed(op) : 0;
      case MEMORY_COPY -> copy(ctx.memoryIs64(r.index()), ctx.memoryIs64(r.index2()));
      case MEMORY_INIT -> ctx.memoryIs64(r.index2()) ? of(3, 0) : 0;
      case TABLE ->
          !ctx.tableIs64(r.index())
              ? 0
              : switch (op) {
                case TABLE_GET -> of(1, 0);
                case TABLE_SET -> of(2, 0);
                case TABLE_GROW -> of(2, 1);
                case TABLE_FILL -> of(3, 0) | of(3, 2);
                default -> 0;
              };
      case TABLE_COPY -> copy(ctx.tableIs64(r.index()), ctx.tableIs64(r.index2()));
      case TABLE_INIT -> ctx.tableIs64(r.index2()) ? of(3, 0) : 0;
      // The table index is the last operand: the first of one counted from the top.
      case CALL_INDIRECT -> ctx.tableIs64(r.index2()) ? of(1, 0) : 0;
      default -> 0;
    };
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

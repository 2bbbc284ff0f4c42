package dev.cortado.runtime.internal.interp;

/**
 * One function lowered to IR, ready to run: shared by every instance of the module.
 *
 * <p>Frame layout, in slots from the frame base: parameters, declared locals, folded constants,
 * then the operand stack.
 */
public final class CompiledCode {
  /** The IR. */
  final int[] code;

  /** Number of parameters (already in place when the frame starts). */
  final int paramCount;

  /** Number of parameters and declared locals. */
  final int localCount;

  /** Constants copied into slots {@code localCount ...} at every call: low halves. */
  final long[] constLow;

  /** High halves of the constants (non-zero only for vectors); null when no vector constants. */
  final long[] constHigh;

  /** Slots the frame needs: locals, constants and the deepest operand stack. */
  final int frameSize;

  /** Pairs (IR position, Wasm body offset) in IR order, for stack traces. */
  final int[] offsets;

  /** The {@code try_table}s' catch clauses, as {@link ExceptionLowering#handlers} lays them out. */
  final int[] handlers;

  CompiledCode(
      int[] code,
      int paramCount,
      int localCount,
      long[] constLow,
      long[] constHigh,
      int frameSize,
      int[] offsets,
      int[] handlers) {
    this.code = code;
    this.paramCount = paramCount;
    this.localCount = localCount;
    this.constLow = constLow;
    this.constHigh = constHigh;
    this.frameSize = frameSize;
    this.offsets = offsets;
    this.handlers = handlers;
  }

  /** Returns the Wasm body offset of the instruction at or before IR position {@code pc}. */
  int wasmOffset(int pc) {
    int best = -1;
    for (int i = 0; i < offsets.length; i += 2) {
      if (offsets[i] > pc) {
        break;
      }
      best = offsets[i + 1];
    }
    return best;
  }
}

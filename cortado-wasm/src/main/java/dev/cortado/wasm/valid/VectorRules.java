package dev.cortado.wasm.valid;

import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.binary.InstructionReader;

/**
 * Validation of the vector instructions whose immediates need checking: lane indices and shuffles.
 * Every other vector instruction has a fixed signature.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/instructions.html#vector-instructions">
 *     Vector instructions</a>
 */
final class VectorRules {
  private static final int SHUFFLE_LANES = 32;

  private VectorRules() {}

  static void check(FunctionValidator v, Opcode op) {
    InstructionReader r = v.reader;
    if (op == Opcode.I8X16_SHUFFLE) {
      for (int i = 0; i < 16; i++) {
        long half = i < 8 ? r.v128Low() : r.v128High();
        int lane = (int) (half >>> ((i & 7) * 8)) & 0xFF;
        if (lane >= SHUFFLE_LANES) {
          throw v.fail("invalid lane index " + lane + " in i8x16.shuffle (at most 31)");
        }
      }
    } else {
      checkLane(v, op, r.lane());
    }
    v.applySignature(op);
  }

  static void checkLane(FunctionValidator v, Opcode op, int lane) {
    if (lane >= op.lanes()) {
      throw v.fail(
          "invalid lane index " + lane + " for " + op.text() + " (" + op.lanes() + " lanes)");
    }
  }
}

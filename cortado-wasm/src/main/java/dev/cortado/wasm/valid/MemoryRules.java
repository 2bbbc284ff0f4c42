package dev.cortado.wasm.valid;

import dev.cortado.wasm.Immediate;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;

/**
 * Validation of memory instructions: loads and stores (alignment, lanes), size, grow, fill, copy,
 * init and {@code data.drop}.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/instructions.html#memory-instructions">
 *     Memory instructions</a>
 */
final class MemoryRules {
  private MemoryRules() {}

  static void check(FunctionValidator v, Opcode op) {
    InstructionReader r = v.reader;
    switch (op.immediate()) {
      case MEMARG, MEMARG_LANE -> {
        memory(v, r.memoryIndex());
        if (r.memOffset() >>> 32 != 0) {
          throw v.fail("offset out of range: " + Long.toUnsignedString(r.memOffset()));
        }
        if (r.alignExponent() >= 31 || (1 << r.alignExponent()) > op.accessBytes()) {
          throw v.fail(
              "alignment must not be larger than natural: 2^"
                  + r.alignExponent()
                  + " for a "
                  + op.accessBytes()
                  + "-byte access");
        }
        if (op.immediate() == Immediate.MEMARG_LANE) {
          VectorRules.checkLane(v, op, r.lane());
        }
        v.applySignature(op);
      }
      case MEMORY -> {
        memory(v, r.index());
        v.applySignature(op);
      }
      case MEMORY_COPY -> {
        memory(v, r.index());
        memory(v, r.index2());
        v.pop(ValType.I32);
        v.pop(ValType.I32);
        v.pop(ValType.I32);
      }
      case MEMORY_INIT -> {
        memory(v, r.index2());
        data(v, r.index());
        v.applySignature(op);
      }
      case DATA -> {
        data(v, r.index());
        v.applySignature(op);
      }
      default -> throw new AssertionError(op);
    }
  }

  private static void memory(FunctionValidator v, int x) {
    if (!Context.inRange(x, v.ctx.memories.length)) {
      throw v.fail("unknown memory " + Integer.toUnsignedString(x));
    }
  }

  private static void data(FunctionValidator v, int x) {
    if (!Context.inRange(x, v.ctx.dataCount)) {
      throw v.fail("unknown data segment " + Integer.toUnsignedString(x));
    }
  }
}

package dev.cortado.wasm.valid;

import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.Immediate;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.List;

/**
 * Validation of memory instructions: loads and stores (alignment, lanes), the atomic ones
 * (alignment exactly natural), size, grow, fill, copy, init and {@code data.drop}.
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
        MemoryType m = memory(v, r.memoryIndex());
        if (m.addressType() == AddressType.I32 && r.memOffset() >>> 32 != 0) {
          throw v.fail("offset out of range: " + Long.toUnsignedString(r.memOffset()));
        }
        if (op.isAtomic() && (1L << Math.min(r.alignExponent(), 32)) != op.accessBytes()) {
          throw v.fail(
              "alignment must be natural for an atomic access: 2^"
                  + r.alignExponent()
                  + " for a "
                  + op.accessBytes()
                  + "-byte access");
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
        applyWithAddress(v, op, m);
      }
      case MEMORY -> applyWithAddress(v, op, memory(v, r.index()));
      case MEMORY_COPY -> {
        MemoryType dst = memory(v, r.index());
        MemoryType src = memory(v, r.index2());
        v.pop(AddressType.min(dst.addressType(), src.addressType()).valueType());
        v.pop(address(src));
        v.pop(address(dst));
      }
      case MEMORY_INIT -> {
        MemoryType m = memory(v, r.index2());
        data(v, r.index());
        v.pop(ValType.I32);
        v.pop(ValType.I32);
        v.pop(address(m));
      }
      case DATA -> {
        data(v, r.index());
        v.applySignature(op);
      }
      default -> throw new AssertionError(op);
    }
  }

  /**
   * Applies {@code op}'s signature from the Opcode table, with the operands and results that are
   * addresses or sizes ({@link Opcode#isAddressParam}) in memory {@code m}'s address type.
   */
  private static void applyWithAddress(FunctionValidator v, Opcode op, MemoryType m) {
    if (m.addressType() == AddressType.I32) {
      v.applySignature(op);
      return;
    }
    ValType at = address(m);
    List<ValType> params = op.params();
    for (int i = params.size() - 1; i >= 0; i--) {
      v.pop(op.isAddressParam(i) ? at : params.get(i));
    }
    for (ValType t : op.results()) {
      v.push(op.hasAddressResult() ? at : t);
    }
  }

  private static ValType address(MemoryType m) {
    return m.addressType().valueType();
  }

  private static MemoryType memory(FunctionValidator v, int x) {
    if (!Context.inRange(x, v.ctx.memories.length)) {
      throw v.fail("unknown memory " + Integer.toUnsignedString(x));
    }
    return v.ctx.memory(x);
  }

  private static void data(FunctionValidator v, int x) {
    if (!Context.inRange(x, v.ctx.dataCount)) {
      throw v.fail("unknown data segment " + Integer.toUnsignedString(x));
    }
  }
}

package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.internal.store.FunctionInstance;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.runtime.internal.store.TableInstance;

/** Memory and table instructions beyond plain loads and stores, and {@code call_indirect}. */
final class MemoryOps {
  private MemoryOps() {}

  private static long u32(long slot) {
    return slot & 0xFFFF_FFFFL;
  }

  /** Runs the instruction at {@code pc} and returns the position of the next one. */
  static int execute(Machine m, ModuleInstance inst, int[] code, int pc, int fp) {
    long[] s = m.lo;
    switch (code[pc]) {
      case Ir.MEMORY_SIZE -> {
        s[fp + code[pc + 1]] = inst.memories[code[pc + 2]].pages();
        return pc + 3;
      }
      case Ir.MEMORY_GROW -> {
        s[fp + code[pc + 1]] = inst.memories[code[pc + 3]].grow((int) s[fp + code[pc + 2]]);
        return pc + 4;
      }
      case Ir.MEMORY_FILL -> {
        inst.memories[code[pc + 4]].fill(
            u32(s[fp + code[pc + 1]]), (byte) s[fp + code[pc + 2]], u32(s[fp + code[pc + 3]]));
        return pc + 5;
      }
      case Ir.MEMORY_COPY -> {
        inst.memories[code[pc + 4]].copy(
            u32(s[fp + code[pc + 1]]),
            inst.memories[code[pc + 5]],
            u32(s[fp + code[pc + 2]]),
            u32(s[fp + code[pc + 3]]));
        return pc + 6;
      }
      case Ir.MEMORY_INIT -> {
        inst.memories[code[pc + 5]].init(
            inst.datas[code[pc + 1]],
            u32(s[fp + code[pc + 2]]),
            u32(s[fp + code[pc + 3]]),
            u32(s[fp + code[pc + 4]]));
        return pc + 6;
      }
      case Ir.DATA_DROP -> {
        inst.dropData(code[pc + 1]);
        return pc + 2;
      }
      case Ir.TABLE_GET -> {
        m.refs[fp + code[pc + 1]] = inst.tables[code[pc + 2]].get((int) s[fp + code[pc + 3]]);
        return pc + 4;
      }
      case Ir.TABLE_SET -> {
        inst.tables[code[pc + 1]].set((int) s[fp + code[pc + 2]], m.refs[fp + code[pc + 3]]);
        return pc + 4;
      }
      case Ir.TABLE_SIZE -> {
        s[fp + code[pc + 1]] = inst.tables[code[pc + 2]].size;
        return pc + 3;
      }
      case Ir.TABLE_GROW -> {
        TableInstance t = inst.tables[code[pc + 2]];
        s[fp + code[pc + 1]] = t.grow((int) s[fp + code[pc + 4]], m.refs[fp + code[pc + 3]]);
        return pc + 5;
      }
      case Ir.TABLE_FILL -> {
        inst.tables[code[pc + 1]].fill(
            u32(s[fp + code[pc + 2]]), m.refs[fp + code[pc + 3]], u32(s[fp + code[pc + 4]]));
        return pc + 5;
      }
      case Ir.TABLE_COPY -> {
        inst.tables[code[pc + 1]].copy(
            inst.tables[code[pc + 2]],
            u32(s[fp + code[pc + 3]]),
            u32(s[fp + code[pc + 4]]),
            u32(s[fp + code[pc + 5]]));
        return pc + 6;
      }
      case Ir.TABLE_INIT -> {
        inst.tables[code[pc + 1]].init(
            inst.elements[code[pc + 2]],
            u32(s[fp + code[pc + 3]]),
            u32(s[fp + code[pc + 4]]),
            u32(s[fp + code[pc + 5]]));
        return pc + 6;
      }
      case Ir.ELEM_DROP -> {
        inst.dropElements(code[pc + 1]);
        return pc + 2;
      }
      default -> throw new IllegalStateException("IR opcode " + code[pc] + " is not a memory op");
    }
  }

  /** Returns the function {@code call_indirect} at {@code pc} calls, or traps. */
  static FunctionInstance indirectCallee(
      ModuleInstance inst, int[] code, int pc, long[] s, int fp) {
    return inst.tables[code[pc + 2]].callee(
        (int) s[fp + code[pc + 3]], code[pc + 1], inst.typeRegistry);
  }
}

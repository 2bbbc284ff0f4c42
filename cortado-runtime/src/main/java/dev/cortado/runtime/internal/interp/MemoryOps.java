package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.internal.store.FunctionInstance;
import dev.cortado.runtime.internal.store.MemoryInstance;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.runtime.internal.store.TableInstance;
import dev.cortado.wasm.Bytes;
import java.util.Arrays;

/** Memory and table instructions beyond plain loads and stores, and {@code call_indirect}. */
final class MemoryOps {
  private static final Object[] DROPPED_ELEMENTS = new Object[0];

  private MemoryOps() {}

  private static long u32(long slot) {
    return slot & 0xFFFF_FFFFL;
  }

  /** Runs the instruction at {@code pc} and returns the position of the next one. */
  static int execute(Machine m, ModuleInstance inst, int[] code, int pc, int fp) {
    long[] s = m.lo;
    switch (code[pc]) {
      case Ir.MEMORY_SIZE -> {
        s[fp + code[pc + 1]] = inst.memory0().pages();
        return pc + 2;
      }
      case Ir.MEMORY_GROW -> {
        s[fp + code[pc + 1]] = inst.memory0().grow((int) s[fp + code[pc + 2]]);
        return pc + 3;
      }
      case Ir.MEMORY_FILL -> {
        MemoryInstance mem = inst.memory0();
        long d = u32(s[fp + code[pc + 1]]);
        long n = u32(s[fp + code[pc + 3]]);
        mem.checkRange(d, n);
        Arrays.fill(mem.bytes, (int) d, (int) (d + n), (byte) s[fp + code[pc + 2]]);
        return pc + 4;
      }
      case Ir.MEMORY_COPY -> {
        MemoryInstance mem = inst.memory0();
        long d = u32(s[fp + code[pc + 1]]);
        long src = u32(s[fp + code[pc + 2]]);
        long n = u32(s[fp + code[pc + 3]]);
        mem.checkRange(src, n);
        mem.checkRange(d, n);
        System.arraycopy(mem.bytes, (int) src, mem.bytes, (int) d, (int) n);
        return pc + 4;
      }
      case Ir.MEMORY_INIT -> {
        MemoryInstance mem = inst.memory0();
        Bytes data = inst.datas[code[pc + 1]];
        long d = u32(s[fp + code[pc + 2]]);
        long src = u32(s[fp + code[pc + 3]]);
        long n = u32(s[fp + code[pc + 4]]);
        if (src + n > data.length()) {
          throw Trap.of(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        }
        mem.checkRange(d, n);
        data.copyTo((int) src, mem.bytes, (int) d, (int) n);
        return pc + 5;
      }
      case Ir.DATA_DROP -> {
        inst.datas[code[pc + 1]] = Bytes.EMPTY;
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
        TableInstance t = inst.tables[code[pc + 1]];
        long i = u32(s[fp + code[pc + 2]]);
        long n = u32(s[fp + code[pc + 4]]);
        t.checkRange(i, n);
        Arrays.fill(t.elements, (int) i, (int) (i + n), m.refs[fp + code[pc + 3]]);
        return pc + 5;
      }
      case Ir.TABLE_COPY -> {
        TableInstance dst = inst.tables[code[pc + 1]];
        TableInstance src = inst.tables[code[pc + 2]];
        long d = u32(s[fp + code[pc + 3]]);
        long from = u32(s[fp + code[pc + 4]]);
        long n = u32(s[fp + code[pc + 5]]);
        src.checkRange(from, n);
        dst.checkRange(d, n);
        System.arraycopy(src.elements, (int) from, dst.elements, (int) d, (int) n);
        return pc + 6;
      }
      case Ir.TABLE_INIT -> {
        TableInstance t = inst.tables[code[pc + 1]];
        Object[] elements = inst.elements[code[pc + 2]];
        long d = u32(s[fp + code[pc + 3]]);
        long from = u32(s[fp + code[pc + 4]]);
        long n = u32(s[fp + code[pc + 5]]);
        if (from + n > elements.length) {
          throw Trap.of(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        }
        t.checkRange(d, n);
        System.arraycopy(elements, (int) from, t.elements, (int) d, (int) n);
        return pc + 6;
      }
      case Ir.ELEM_DROP -> {
        inst.elements[code[pc + 1]] = DROPPED_ELEMENTS;
        return pc + 2;
      }
      default -> throw new IllegalStateException("IR opcode " + code[pc] + " is not a memory op");
    }
  }

  /** Returns the function {@code call_indirect} at {@code pc} calls, or traps. */
  static FunctionInstance indirectCallee(
      ModuleInstance inst, int[] code, int pc, long[] s, int fp) {
    TableInstance table = inst.tables[code[pc + 2]];
    int index = (int) s[fp + code[pc + 3]];
    if (Integer.compareUnsigned(index, table.size) >= 0) {
      throw Trap.of(TrapKind.UNDEFINED_ELEMENT);
    }
    Object f = table.elements[index];
    if (f == null) {
      throw Trap.of(TrapKind.UNINITIALIZED_ELEMENT);
    }
    FunctionInstance callee = (FunctionInstance) f;
    if (callee.typeId() != code[pc + 1]) {
      throw Trap.of(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
    }
    return callee;
  }
}

package dev.cortado.runtime.internal.interp;

import dev.cortado.wasm.Immediate;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.AddressOperands;

/**
 * Lowering of memory and table instructions, beside {@link Lowering}, whose virtual stack they use:
 * loads and stores (an access to another memory than 0 between a pair of {@link Ir#USE_MEMORY}),
 * {@code memory.*}, {@code table.*}, segment instructions, and the clamping of a 64-bit memory's or
 * table's i64 operands ({@link Ir#CLAMP_U32}).
 */
final class MemoryLowering {
  private MemoryLowering() {}

  /** A load or store, scalar or vector. */
  static void access(Lowering l, Opcode op) {
    // Another memory than 0 (multi-memory): the access runs between a USE_MEMORY pair.
    int memory = l.r.memoryIndex();
    if (memory != 0) {
      l.emit(Ir.USE_MEMORY);
      l.out.add(memory);
    }
    if (op.immediate() == Immediate.MEMARG) {
      scalar(l, op);
    } else {
      l.simd(op);
    }
    if (memory != 0) {
      l.emit(Ir.USE_MEMORY);
      l.out.add(0);
    }
  }

  /** {@code memory.*}, {@code table.*}, {@code data.drop} and {@code elem.drop}. */
  static void bulk(Lowering l, Opcode op) {
    switch (op.immediate()) {
      case MEMORY -> memory(l, op);
      case MEMORY_INIT -> {
        int n = l.pop();
        int s = l.pop();
        int d = l.pop();
        l.emit(Ir.MEMORY_INIT);
        l.out.add(l.r.index());
        l.args(d, s, n);
        l.out.add(l.r.index2());
      }
      case DATA -> {
        l.emit(Ir.DATA_DROP);
        l.out.add(l.r.index());
      }
      case MEMORY_COPY -> {
        int n = l.pop();
        int s = l.pop();
        int d = l.pop();
        l.emit(Ir.MEMORY_COPY);
        l.args(d, s, n);
        l.out.add(l.r.index());
        l.out.add(l.r.index2());
      }
      case TABLE -> table(l, op, l.r.index());
      case TABLE_INIT -> {
        int n = l.pop();
        int s = l.pop();
        int d = l.pop();
        l.emit(Ir.TABLE_INIT);
        l.out.add(l.r.index2());
        l.out.add(l.r.index());
        l.args(d, s, n);
      }
      case ELEM -> {
        l.emit(Ir.ELEM_DROP);
        l.out.add(l.r.index());
      }
      case TABLE_COPY -> {
        int n = l.pop();
        int s = l.pop();
        int d = l.pop();
        l.emit(Ir.TABLE_COPY);
        l.out.add(l.r.index());
        l.out.add(l.r.index2());
        l.args(d, s, n);
      }
      default -> throw new AssertionError(op);
    }
  }

  private static void scalar(Lowering l, Opcode op) {
    if (op.prefix() == Opcode.PREFIX_FD) {
      l.simd(op);
      return;
    }
    int ir = Ir.of(op);
    int offset = offset(l);
    if (op.results().isEmpty()) {
      int value = l.pop();
      int address = l.pop();
      l.emit(ir);
      l.args(value, address, offset);
    } else {
      int address = l.pop();
      l.emit(ir);
      l.produce(op.results().get(0));
      l.out.add(address);
      l.out.add(offset);
    }
  }

  private static void memory(Lowering l, Opcode op) {
    switch (op) {
      case MEMORY_SIZE -> {
        l.emit(Ir.MEMORY_SIZE);
        l.produce(ValType.I32);
      }
      case MEMORY_GROW -> {
        int delta = l.pop();
        l.emit(Ir.MEMORY_GROW);
        l.produce(ValType.I32);
        l.out.add(delta);
      }
      case MEMORY_FILL -> {
        int n = l.pop();
        int v = l.pop();
        int d = l.pop();
        l.emit(Ir.MEMORY_FILL);
        l.args(d, v, n);
      }
      default -> throw new AssertionError(op);
    }
    l.out.add(l.r.index());
  }

  private static void table(Lowering l, Opcode op, int t) {
    switch (op) {
      case TABLE_GET -> {
        int i = l.pop();
        l.emit(Ir.TABLE_GET);
        l.produce(l.ctx.tableElementType(t));
        l.out.add(t);
        l.out.add(i);
      }
      case TABLE_SET -> {
        int v = l.pop();
        int i = l.pop();
        l.emit(Ir.TABLE_SET);
        l.args(t, i, v);
      }
      case TABLE_SIZE -> {
        l.emit(Ir.TABLE_SIZE);
        l.produce(ValType.I32);
        l.out.add(t);
      }
      case TABLE_GROW -> {
        int n = l.pop();
        int v = l.pop();
        l.emit(Ir.TABLE_GROW);
        l.produce(ValType.I32);
        l.args(t, v, n);
      }
      case TABLE_FILL -> {
        int n = l.pop();
        int v = l.pop();
        int i = l.pop();
        l.emit(Ir.TABLE_FILL);
        l.out.add(t);
        l.args(i, v, n);
      }
      default -> throw new AssertionError(op);
    }
  }

  /** Clamps the operands {@link AddressOperands#of} marks, each into its own slot. */
  static void clampWide(Lowering l, int wide) {
    int arity = AddressOperands.arity(wide);
    for (int k = 0; k < arity; k++) {
      int p = l.sp - arity + k;
      if (AddressOperands.isWide(wide, k)) {
        l.emit(Ir.CLAMP_U32);
        l.out.add(l.home(p));
        l.out.add(l.vslot[p]);
        l.vslot[p] = l.home(p);
      }
    }
  }

  /**
   * Returns a load or store's offset as IR holds it, a u32: one of 2^32 or more (a 64-bit memory's)
   * as 2^32-1, out of bounds whatever the address, as the original is.
   */
  private static int offset(Lowering l) {
    return AddressOperands.offset(l.r);
  }
}

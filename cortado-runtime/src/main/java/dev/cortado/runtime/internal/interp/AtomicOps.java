package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.internal.store.Atomics;
import dev.cortado.runtime.internal.store.MemoryInstance;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.AddressOperands;
import java.util.List;

/**
 * The atomic instructions of the threads proposal in the interpreter: each lowers to one {@link
 * Ir#ATOMIC} and runs through {@link Atomics}, which compiled code calls too.
 */
final class AtomicOps {
  private static final Opcode[] OPCODES = Opcode.values();

  private AtomicOps() {}

  /** Lowers {@code op} (an {@link Opcode#isAtomic} one) to {@code ATOMIC op memory offset ...}. */
  static void lower(Lowering l, Opcode op) {
    int n = op.params().size();
    int[] operands = new int[3];
    for (int i = n - 1; i >= 0; i--) {
      operands[i] = l.pop();
    }
    l.emit(Ir.ATOMIC);
    l.out.add(op.ordinal());
    boolean access = op != Opcode.ATOMIC_FENCE;
    l.out.add(access ? l.r.memoryIndex() : 0);
    l.out.add(access ? AddressOperands.offset(l.r) : 0);
    List<ValType> results = op.results();
    if (results.isEmpty()) {
      l.out.add(0);
    } else {
      l.produce(results.get(0));
    }
    l.args(operands[0], operands[1], operands[2]);
  }

  /** Runs the ATOMIC instruction at {@code pc} and returns the position of the next one. */
  static int execute(Machine m, ModuleInstance inst, int[] code, int pc, int fp) {
    long[] s = m.lo;
    Opcode op = OPCODES[code[pc + 1]];
    int form = Atomics.form(op);
    if (form == Atomics.FENCE) {
      Atomics.fence();
      return pc + 8;
    }
    MemoryInstance mem = inst.memories[code[pc + 2]];
    int offset = code[pc + 3];
    int dst = fp + code[pc + 4];
    int address = (int) s[fp + code[pc + 5]];
    long a = s[fp + code[pc + 6]];
    long b = s[fp + code[pc + 7]];
    int size = op.accessBytes();
    // An i32 result is kept sign-extended in its slot, as the interpreter keeps every i32.
    boolean i32 = !op.results().isEmpty() && op.results().get(0) == ValType.I32;
    long result =
        switch (form) {
          case Atomics.LOAD -> Atomics.load(address, offset, size, mem);
          case Atomics.STORE -> {
            Atomics.store(address, a, offset, size, mem);
            yield 0;
          }
          case Atomics.RMW -> Atomics.rmw(address, a, offset, size, Atomics.kind(op), mem);
          case Atomics.CMPXCHG -> Atomics.cmpxchg(address, a, b, offset, size, mem);
          case Atomics.WAIT ->
              Atomics.await(address, a, b, offset, size, mem, m.budget::checkpoint);
          default -> Atomics.notify(address, (int) a, offset, mem);
        };
    if (form != Atomics.STORE) {
      s[dst] = i32 ? (int) result : result;
    }
    return pc + 8;
  }
}

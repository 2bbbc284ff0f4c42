package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import dev.cortado.runtime.internal.store.Atomics;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.AddressOperands;
import dev.cortado.wasm.binary.InstructionReader;
import org.objectweb.asm.MethodVisitor;

/**
 * The atomic instructions of the threads proposal: each a call to {@link Atomics}, the code the
 * interpreter runs too, with the offset, access size and memory after the operands (and for {@code
 * memory.atomic.wait32}/{@code wait64}, through {@code Support}, the machine whose store's
 * interruption a wait checks).
 */
final class AtomicEmitter {
  private static final String ATOMICS = "dev/cortado/runtime/internal/store/Atomics";
  private static final String MEMORY = "Ldev/cortado/runtime/internal/store/MemoryInstance;";

  private AtomicEmitter() {}

  /** Emits {@code op}, an {@link Opcode#isAtomic} instruction, its address already a u32. */
  static void emit(FunctionEmitter f, Opcode op, InstructionReader r) {
    MethodVisitor mv = f.mv();
    int form = Atomics.form(op);
    if (form == Atomics.FENCE) {
      mv.visitMethodInsn(INVOKESTATIC, ATOMICS, "fence", "()V", false);
      return;
    }
    // The type of the value loaded, stored or updated.
    ValType type =
        form == Atomics.LOAD ? op.results().get(0) : op.params().get(op.params().size() - 1);
    boolean wide = type == ValType.I64;
    String value = wide ? "J" : "I";
    Constants.pushInt(mv, AddressOperands.offset(r));
    if (form != Atomics.WAIT && form != Atomics.NOTIFY) {
      Constants.pushInt(mv, op.accessBytes());
    }
    if (form == Atomics.RMW) {
      Constants.pushInt(mv, Atomics.kind(op));
    }
    Constants.pushInt(mv, r.memoryIndex());
    f.pushInstance();
    f.support("memoryInstance", "(IL" + JvmTypes.INSTANCE + ";)" + MEMORY);
    switch (form) {
      case Atomics.LOAD -> call(mv, wide ? "load" : "load32", "(III" + MEMORY + ")" + value);
      case Atomics.STORE ->
          call(mv, wide ? "store" : "store32", "(I" + value + "II" + MEMORY + ")V");
      case Atomics.RMW ->
          call(mv, wide ? "rmw" : "rmw32", "(I" + value + "III" + MEMORY + ")" + value);
      case Atomics.CMPXCHG ->
          call(
              mv,
              wide ? "cmpxchg" : "cmpxchg32",
              "(I" + value + value + "II" + MEMORY + ")" + value);
      case Atomics.WAIT -> {
        mv.visitVarInsn(ALOAD, f.machineLocal());
        String expected = op == Opcode.MEMORY_ATOMIC_WAIT64 ? "J" : "I";
        f.support(
            op == Opcode.MEMORY_ATOMIC_WAIT64 ? "atomicWait64" : "atomicWait32",
            "(I" + expected + "JI" + MEMORY + "L" + JvmTypes.MACHINE + ";)I");
      }
      default -> call(mv, "notify", "(III" + MEMORY + ")I");
    }
    f.effect(op.params().size(), op.results());
    // Another thread may have grown a shared memory 0: an atomic instruction is where this one
    // synchronizes with it, so the accesses after it see the size from then.
    f.reloadMemory();
  }

  private static void call(MethodVisitor mv, String name, String descriptor) {
    mv.visitMethodInsn(INVOKESTATIC, ATOMICS, name, descriptor, false);
  }
}

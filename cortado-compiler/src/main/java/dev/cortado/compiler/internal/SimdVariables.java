package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.IFNE;

import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Variables and {@code select} of v128 values: copies between registers (a v128 local's and the
 * operand stack entry's), or between a register and a global's two halves.
 */
final class SimdVariables {
  private static final List<ValType> V128 = List.of(ValType.V128);

  private final FunctionEmitter f;
  private final VectorRegisters v;
  private final MethodVisitor mv;

  SimdVariables(FunctionEmitter f, VectorRegisters v) {
    this.f = f;
    this.v = v;
    this.mv = f.mv();
  }

  /** Emits {@code op} if it moves a v128 value; returns false for anything else. */
  boolean emit(Opcode op, InstructionReader r) {
    switch (op) {
      case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> {
        if (f.localType(r.index()) != ValType.V128) {
          return false;
        }
        int local = v.local(r.index());
        if (op == Opcode.LOCAL_GET) {
          v.copy(local, v.stack(f.height()));
          f.effect(0, V128);
        } else {
          v.copy(v.stack(f.height() - 1), local);
          f.effect(op == Opcode.LOCAL_SET ? 1 : 0, List.of());
        }
      }
      case GLOBAL_GET, GLOBAL_SET -> {
        if (f.moduleContext().module.globalType(r.index()).valueType() != ValType.V128) {
          return false;
        }
        if (op == Opcode.GLOBAL_GET) {
          v.globalGet(f, r.index(), v.stack(f.height()));
          f.effect(0, V128);
        } else {
          v.globalSet(f, r.index(), v.stack(f.height() - 1));
          f.effect(1, List.of());
        }
      }
      case SELECT, SELECT_TYPED -> {
        if (f.top(1) != ValType.V128) {
          return false;
        }
        // The first operand's register is the result's: only a false condition copies the second.
        Label done = new Label();
        mv.visitJumpInsn(IFNE, done);
        v.copy(v.stack(f.height() - 2), v.stack(f.height() - 3));
        mv.visitLabel(done);
        f.effect(3, V128);
      }
      default -> {
        return false;
      }
    }
    return true;
  }
}

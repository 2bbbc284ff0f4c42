package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import dev.cortado.wasm.NumType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Vector instructions. Their operands and results live in the function's {@link VectorRegisters};
 * each instruction calls the numerics method the interpreter calls ({@link SimdMethods}) with the
 * two arrays, the registers (destination first) and its scalar operands and immediates, so lane
 * arithmetic exists once. Memory instructions are {@link SimdMemoryEmitter}'s.
 */
final class SimdEmitter {
  /** A scalar operand of type {@code type} saved in JVM local {@code local}. */
  record Scalar(int local, ValType type) {}

  private final FunctionEmitter f;
  private final MethodVisitor mv;
  private final VectorRegisters v;
  private final SimdMemoryEmitter memory;
  private final SimdVariables variables;

  SimdEmitter(FunctionEmitter f, VectorRegisters v) {
    this.f = f;
    this.mv = f.mv();
    this.v = v;
    this.memory = new SimdMemoryEmitter(f, this, v);
    this.variables = new SimdVariables(f, v);
  }

  /**
   * Emits {@code op} if it moves a v128 value (a variable access or {@code select}); returns false
   * for anything else.
   */
  boolean moves(Opcode op, InstructionReader r) {
    return variables.emit(op, r);
  }

  void emit(Opcode op, InstructionReader r) {
    switch (op.immediate()) {
      case V128 -> {
        v.constant(result(0), r.v128Low(), r.v128High());
        f.effect(0, op.results());
      }
      case MEMARG, MEMARG_LANE -> memory.emit(op, r);
      case SHUFFLE -> {
        invoke(
            SimdMethods.of(op), register(1), register(1), register(0), r.v128Low(), r.v128High());
        f.effect(2, op.results());
      }
      case LANE -> lane(op, r.lane());
      default -> arithmetic(op);
    }
  }

  /** Returns the register of the operand stack entry {@code depth} below the top (0: the top). */
  int register(int depth) {
    return v.stack(f.height() - 1 - depth);
  }

  /** Returns the register of the operand stack entry where a result replacing {@code n} goes. */
  private int result(int n) {
    return v.stack(f.height() - n);
  }

  private void lane(Opcode op, int lane) {
    Method m = SimdMethods.of(op);
    if (op.results().get(0) == ValType.V128) {
      Scalar x = save(op.params().get(1));
      invoke(m, register(1), register(1), lane, x);
      f.effect(2, op.results());
    } else {
      invoke(m, register(0), lane);
      fromReturn(m, op.results().get(0));
      f.effect(1, op.results());
    }
  }

  private void arithmetic(Opcode op) {
    Method m = SimdMethods.of(op);
    List<ValType> params = op.params();
    int n = params.size();
    List<Object> args = new ArrayList<>();
    boolean vectorResult = op.results().get(0) == ValType.V128;
    if (vectorResult) {
      args.add(result(n));
    }
    // At most one scalar operand, the last (a shift count or a splat's value): the only thing on
    // the JVM stack.
    Scalar scalar = params.get(n - 1) == ValType.V128 ? null : save(params.get(n - 1));
    for (int i = 0; i < n; i++) {
      args.add(params.get(i) == ValType.V128 ? (Object) register(n - 1 - i) : scalar);
    }
    invoke(m, args.toArray());
    if (!vectorResult) {
      fromReturn(m, op.results().get(0));
    }
    f.effect(n, op.results());
  }

  /** Stores the scalar of type {@code t} on top of the JVM stack in a temporary. */
  Scalar save(ValType t) {
    int local = f.temp(t);
    mv.visitVarInsn(JvmTypes.store(t), local);
    return new Scalar(local, t);
  }

  /**
   * Calls {@code m} with the register arrays and {@code args}: ints (registers, lanes), longs
   * (shuffle immediates) and scalars, which are converted to the method's parameter type (a long
   * holds a value as its raw bits, as in the interpreter's slots).
   */
  void invoke(Method m, Object... args) {
    v.pushArrays();
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case Integer k -> Constants.pushInt(mv, k);
        case Long k -> Constants.pushLong(mv, k);
        case Scalar s -> {
          mv.visitVarInsn(JvmTypes.load(s.type()), s.local());
          if (types[i + 2] == long.class) {
            Slots.toLong(mv, s.type());
          }
        }
        default -> throw new IllegalArgumentException(String.valueOf(args[i]));
      }
    }
    mv.visitMethodInsn(
        INVOKESTATIC,
        Type.getInternalName(m.getDeclaringClass()),
        m.getName(),
        Type.getMethodDescriptor(m),
        false);
  }

  /** Converts what {@code m} returned (floats as raw bits) to a value of type {@code t}. */
  void fromReturn(Method m, ValType t) {
    if (t == NumType.F32 && m.getReturnType() == int.class) {
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
    } else if (t == NumType.F64) {
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
    }
  }
}

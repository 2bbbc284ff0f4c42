package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.LADD;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LMUL;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.LSUB;

import dev.cortado.wasm.NumType;
import dev.cortado.wasm.Opcode;
import org.objectweb.asm.MethodVisitor;

/**
 * The wide arithmetic proposal: {@code i64.add128}, {@code i64.sub128}, {@code i64.mul_wide_s} and
 * {@code i64.mul_wide_u}. A JVM method returns one value, so each leaves its two results as the
 * JVM's own add, subtract or multiply (the low half) and a call of {@code WideArithmetic} for the
 * high half, which the interpreter calls too; the operands wait in temporaries for both.
 */
final class WideEmitter {
  private static final String WIDE = "dev/cortado/runtime/internal/numeric/WideArithmetic";

  private WideEmitter() {}

  /** Emits {@code op}, an {@link Opcode#isWideArithmetic} instruction. */
  static void emit(FunctionEmitter f, Opcode op) {
    MethodVisitor mv = f.mv();
    int n = op.params().size();
    int[] operands = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      operands[i] = f.temp(NumType.I64);
      mv.visitVarInsn(LSTORE, operands[i]);
    }
    boolean sum = n == 4;
    // The low half: a + c, a - c, or a * b.
    mv.visitVarInsn(LLOAD, operands[0]);
    mv.visitVarInsn(LLOAD, operands[sum ? 2 : 1]);
    mv.visitInsn(
        switch (op) {
          case I64_ADD128 -> LADD;
          case I64_SUB128 -> LSUB;
          default -> LMUL;
        });
    for (int operand : operands) {
      mv.visitVarInsn(LLOAD, operand);
    }
    String high =
        switch (op) {
          case I64_ADD128 -> "i64Add128Hi";
          case I64_SUB128 -> "i64Sub128Hi";
          case I64_MUL_WIDE_S -> "i64MulWideHiS";
          default -> "i64MulWideHiU";
        };
    mv.visitMethodInsn(INVOKESTATIC, WIDE, high, sum ? "(JJJJ)J" : "(JJ)J", false);
    f.effect(n, op.results());
  }
}

package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DCMPG;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.DUP2_X2;
import static org.objectweb.asm.Opcodes.FADD;
import static org.objectweb.asm.Opcodes.FCMPG;
import static org.objectweb.asm.Opcodes.FCMPL;
import static org.objectweb.asm.Opcodes.FDIV;
import static org.objectweb.asm.Opcodes.FMUL;
import static org.objectweb.asm.Opcodes.FSUB;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.I2B;
import static org.objectweb.asm.Opcodes.I2D;
import static org.objectweb.asm.Opcodes.I2F;
import static org.objectweb.asm.Opcodes.I2L;
import static org.objectweb.asm.Opcodes.I2S;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.IAND;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFGE;
import static org.objectweb.asm.Opcodes.IFGT;
import static org.objectweb.asm.Opcodes.IFLE;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.IFNONNULL;
import static org.objectweb.asm.Opcodes.IFNULL;
import static org.objectweb.asm.Opcodes.IF_ICMPEQ;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.IF_ICMPLE;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;
import static org.objectweb.asm.Opcodes.IF_ICMPNE;
import static org.objectweb.asm.Opcodes.IMUL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IOR;
import static org.objectweb.asm.Opcodes.ISHL;
import static org.objectweb.asm.Opcodes.ISHR;
import static org.objectweb.asm.Opcodes.ISUB;
import static org.objectweb.asm.Opcodes.IUSHR;
import static org.objectweb.asm.Opcodes.IXOR;
import static org.objectweb.asm.Opcodes.L2D;
import static org.objectweb.asm.Opcodes.L2F;
import static org.objectweb.asm.Opcodes.L2I;
import static org.objectweb.asm.Opcodes.LADD;
import static org.objectweb.asm.Opcodes.LAND;
import static org.objectweb.asm.Opcodes.LCMP;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.LMUL;
import static org.objectweb.asm.Opcodes.LOR;
import static org.objectweb.asm.Opcodes.LSHL;
import static org.objectweb.asm.Opcodes.LSHR;
import static org.objectweb.asm.Opcodes.LSUB;
import static org.objectweb.asm.Opcodes.LUSHR;
import static org.objectweb.asm.Opcodes.LXOR;
import static org.objectweb.asm.Opcodes.POP2;
import static org.objectweb.asm.Opcodes.SWAP;

import dev.cortado.wasm.Opcode;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Numeric instructions: a JVM instruction where it means exactly the same (integer arithmetic and
 * bitwise operations, shifts, which the JVM also takes modulo the width, float add/sub/mul/div,
 * which are IEEE 754 round-to-nearest on the JVM too), otherwise a call of the one numerics code
 * the interpreter also uses ({@code internal.numeric}), which HotSpot inlines.
 */
final class NumericEmitter {
  private static final String NUM = JvmTypes.NUMERICS;
  private static final String CONV = JvmTypes.CONVERSIONS;

  private final MethodVisitor mv;

  /** The jump of a condition not yet turned into 1 or 0 (see {@link #bool}), or 0. */
  private int pending;

  NumericEmitter(MethodVisitor mv) {
    this.mv = mv;
  }

  /** Emits {@code op} if it is a numeric instruction; returns false if it is not one. */
  boolean emit(Opcode op) {
    switch (op) {
      case I32_EQZ -> bool(IFEQ);
      case I32_EQ -> bool(IF_ICMPEQ);
      case I32_NE -> bool(IF_ICMPNE);
      case I32_LT_S -> bool(IF_ICMPLT);
      case I32_GT_S -> bool(IF_ICMPGT);
      case I32_LE_S -> bool(IF_ICMPLE);
      case I32_GE_S -> bool(IF_ICMPGE);
      case I32_LT_U -> unsigned32(IFLT);
      case I32_GT_U -> unsigned32(IFGT);
      case I32_LE_U -> unsigned32(IFLE);
      case I32_GE_U -> unsigned32(IFGE);
      case I64_EQZ -> {
        mv.visitInsn(LCONST_0);
        compare(LCMP, IFEQ);
      }
      case I64_EQ -> compare(LCMP, IFEQ);
      case I64_NE -> compare(LCMP, IFNE);
      case I64_LT_S -> compare(LCMP, IFLT);
      case I64_GT_S -> compare(LCMP, IFGT);
      case I64_LE_S -> compare(LCMP, IFLE);
      case I64_GE_S -> compare(LCMP, IFGE);
      case I64_LT_U -> unsigned64(IFLT);
      case I64_GT_U -> unsigned64(IFGT);
      case I64_LE_U -> unsigned64(IFLE);
      case I64_GE_U -> unsigned64(IFGE);
      // A NaN operand makes every comparison but ne false: fcmpl gives -1 for NaN, fcmpg 1.
      case F32_EQ -> compare(FCMPL, IFEQ);
      case F32_NE -> compare(FCMPL, IFNE);
      case F32_LT -> compare(FCMPG, IFLT);
      case F32_GT -> compare(FCMPL, IFGT);
      case F32_LE -> compare(FCMPG, IFLE);
      case F32_GE -> compare(FCMPL, IFGE);
      case F64_EQ -> compare(DCMPL, IFEQ);
      case F64_NE -> compare(DCMPL, IFNE);
      case F64_LT -> compare(DCMPG, IFLT);
      case F64_GT -> compare(DCMPL, IFGT);
      case F64_LE -> compare(DCMPG, IFLE);
      case F64_GE -> compare(DCMPL, IFGE);
      case I32_CLZ -> call("java/lang/Integer", "numberOfLeadingZeros", "(I)I");
      case I32_CTZ -> call("java/lang/Integer", "numberOfTrailingZeros", "(I)I");
      case I32_POPCNT -> call("java/lang/Integer", "bitCount", "(I)I");
      case I32_ADD -> mv.visitInsn(IADD);
      case I32_SUB -> mv.visitInsn(ISUB);
      case I32_MUL -> mv.visitInsn(IMUL);
      case I32_DIV_S -> call(NUM, "i32DivS", "(II)I");
      case I32_DIV_U -> call(NUM, "i32DivU", "(II)I");
      case I32_REM_S -> call(NUM, "i32RemS", "(II)I");
      case I32_REM_U -> call(NUM, "i32RemU", "(II)I");
      case I32_AND -> mv.visitInsn(IAND);
      case I32_OR -> mv.visitInsn(IOR);
      case I32_XOR -> mv.visitInsn(IXOR);
      case I32_SHL -> mv.visitInsn(ISHL);
      case I32_SHR_S -> mv.visitInsn(ISHR);
      case I32_SHR_U -> mv.visitInsn(IUSHR);
      case I32_ROTL -> call("java/lang/Integer", "rotateLeft", "(II)I");
      case I32_ROTR -> call("java/lang/Integer", "rotateRight", "(II)I");
      case I64_CLZ -> {
        call("java/lang/Long", "numberOfLeadingZeros", "(J)I");
        mv.visitInsn(I2L);
      }
      case I64_CTZ -> {
        call("java/lang/Long", "numberOfTrailingZeros", "(J)I");
        mv.visitInsn(I2L);
      }
      case I64_POPCNT -> {
        call("java/lang/Long", "bitCount", "(J)I");
        mv.visitInsn(I2L);
      }
      case I64_ADD -> mv.visitInsn(LADD);
      case I64_SUB -> mv.visitInsn(LSUB);
      case I64_MUL -> mv.visitInsn(LMUL);
      case I64_DIV_S -> call(NUM, "i64DivS", "(JJ)J");
      case I64_DIV_U -> call(NUM, "i64DivU", "(JJ)J");
      case I64_REM_S -> call(NUM, "i64RemS", "(JJ)J");
      case I64_REM_U -> call(NUM, "i64RemU", "(JJ)J");
      case I64_AND -> mv.visitInsn(LAND);
      case I64_OR -> mv.visitInsn(LOR);
      case I64_XOR -> mv.visitInsn(LXOR);
      case I64_SHL -> shift64(LSHL);
      case I64_SHR_S -> shift64(LSHR);
      case I64_SHR_U -> shift64(LUSHR);
      case I64_ROTL -> {
        mv.visitInsn(L2I);
        call("java/lang/Long", "rotateLeft", "(JI)J");
      }
      case I64_ROTR -> {
        mv.visitInsn(L2I);
        call("java/lang/Long", "rotateRight", "(JI)J");
      }
      // Sign operations work on the bits, so NaN payloads are kept exactly.
      case F32_ABS -> f32Bits("f32Abs", "(I)I");
      case F32_NEG -> f32Bits("f32Neg", "(I)I");
      case F32_COPYSIGN -> f32Copysign();
      case F32_CEIL -> call(NUM, "f32Ceil", "(F)F");
      case F32_FLOOR -> call(NUM, "f32Floor", "(F)F");
      case F32_TRUNC -> call(NUM, "f32Trunc", "(F)F");
      case F32_NEAREST -> call(NUM, "f32Nearest", "(F)F");
      case F32_SQRT -> call(NUM, "f32Sqrt", "(F)F");
      case F32_ADD -> mv.visitInsn(FADD);
      case F32_SUB -> mv.visitInsn(FSUB);
      case F32_MUL -> mv.visitInsn(FMUL);
      case F32_DIV -> mv.visitInsn(FDIV);
      case F32_MIN -> call(NUM, "f32Min", "(FF)F");
      case F32_MAX -> call(NUM, "f32Max", "(FF)F");
      case F64_ABS -> f64Bits("f64Abs", "(J)J");
      case F64_NEG -> f64Bits("f64Neg", "(J)J");
      case F64_COPYSIGN -> f64Copysign();
      case F64_CEIL -> call(NUM, "f64Ceil", "(D)D");
      case F64_FLOOR -> call(NUM, "f64Floor", "(D)D");
      case F64_TRUNC -> call(NUM, "f64Trunc", "(D)D");
      case F64_NEAREST -> call(NUM, "f64Nearest", "(D)D");
      case F64_SQRT -> call(NUM, "f64Sqrt", "(D)D");
      case F64_ADD -> mv.visitInsn(DADD);
      case F64_SUB -> mv.visitInsn(DSUB);
      case F64_MUL -> mv.visitInsn(DMUL);
      case F64_DIV -> mv.visitInsn(DDIV);
      case F64_MIN -> call(NUM, "f64Min", "(DD)D");
      case F64_MAX -> call(NUM, "f64Max", "(DD)D");
      case I32_WRAP_I64 -> mv.visitInsn(L2I);
      case I32_TRUNC_F32_S -> call(CONV, "i32TruncF32S", "(F)I");
      case I32_TRUNC_F32_U -> call(CONV, "i32TruncF32U", "(F)I");
      case I32_TRUNC_F64_S -> call(CONV, "i32TruncF64S", "(D)I");
      case I32_TRUNC_F64_U -> call(CONV, "i32TruncF64U", "(D)I");
      case I64_EXTEND_I32_S -> mv.visitInsn(I2L);
      case I64_EXTEND_I32_U -> call("java/lang/Integer", "toUnsignedLong", "(I)J");
      case I64_TRUNC_F32_S -> call(CONV, "i64TruncF32S", "(F)J");
      case I64_TRUNC_F32_U -> call(CONV, "i64TruncF32U", "(F)J");
      case I64_TRUNC_F64_S -> call(CONV, "i64TruncF64S", "(D)J");
      case I64_TRUNC_F64_U -> call(CONV, "i64TruncF64U", "(D)J");
      case F32_CONVERT_I32_S -> mv.visitInsn(I2F);
      case F32_CONVERT_I32_U -> call(CONV, "f32ConvertI32U", "(I)F");
      case F32_CONVERT_I64_S -> mv.visitInsn(L2F);
      case F32_CONVERT_I64_U -> call(CONV, "f32ConvertI64U", "(J)F");
      case F32_DEMOTE_F64 -> call(CONV, "f32DemoteF64", "(D)F");
      case F64_CONVERT_I32_S -> mv.visitInsn(I2D);
      case F64_CONVERT_I32_U -> call(CONV, "f64ConvertI32U", "(I)D");
      case F64_CONVERT_I64_S -> mv.visitInsn(L2D);
      case F64_CONVERT_I64_U -> call(CONV, "f64ConvertI64U", "(J)D");
      case F64_PROMOTE_F32 -> call(CONV, "f64PromoteF32", "(F)D");
      case I32_REINTERPRET_F32 -> call("java/lang/Float", "floatToRawIntBits", "(F)I");
      case I64_REINTERPRET_F64 -> call("java/lang/Double", "doubleToRawLongBits", "(D)J");
      case F32_REINTERPRET_I32 -> call("java/lang/Float", "intBitsToFloat", "(I)F");
      case F64_REINTERPRET_I64 -> call("java/lang/Double", "longBitsToDouble", "(J)D");
      case I32_EXTEND8_S -> mv.visitInsn(I2B);
      case I32_EXTEND16_S -> mv.visitInsn(I2S);
      case I64_EXTEND8_S -> {
        mv.visitInsn(L2I);
        mv.visitInsn(I2B);
        mv.visitInsn(I2L);
      }
      case I64_EXTEND16_S -> {
        mv.visitInsn(L2I);
        mv.visitInsn(I2S);
        mv.visitInsn(I2L);
      }
      case I64_EXTEND32_S -> {
        mv.visitInsn(L2I);
        mv.visitInsn(I2L);
      }
      case I32_TRUNC_SAT_F32_S -> call(CONV, "i32TruncSatF32S", "(F)I");
      case I32_TRUNC_SAT_F32_U -> call(CONV, "i32TruncSatF32U", "(F)I");
      case I32_TRUNC_SAT_F64_S -> call(CONV, "i32TruncSatF64S", "(D)I");
      case I32_TRUNC_SAT_F64_U -> call(CONV, "i32TruncSatF64U", "(D)I");
      case I64_TRUNC_SAT_F32_S -> call(CONV, "i64TruncSatF32S", "(F)J");
      case I64_TRUNC_SAT_F32_U -> call(CONV, "i64TruncSatF32U", "(F)J");
      case I64_TRUNC_SAT_F64_S -> call(CONV, "i64TruncSatF64S", "(D)J");
      case I64_TRUNC_SAT_F64_U -> call(CONV, "i64TruncSatF64U", "(D)J");
      default -> {
        return false;
      }
    }
    return true;
  }

  private void call(String owner, String name, String descriptor) {
    mv.visitMethodInsn(INVOKESTATIC, owner, name, descriptor, false);
  }

  /**
   * Leaves the condition {@code jumpIfTrue} on the operand(s) pending: a {@code br_if} or {@code
   * if} right after it jumps on the operands themselves ({@link #takeCondition}), and anything else
   * first {@link #settle}s it into 1 or 0. A compare-and-branch is then one JVM jump, not a jump to
   * push 1 or 0 and a second one on it: less bytecode to JIT-compile, and fewer blocks in C1's
   * code.
   */
  void bool(int jumpIfTrue) {
    pending = jumpIfTrue;
  }

  /** Returns whether a condition is pending (see {@link #bool}). */
  boolean hasCondition() {
    return pending != 0;
  }

  /**
   * Returns the jump taken when the i32 on top of the operand stack is true: the pending
   * condition's, which consumes its operands, or else {@code IFNE} on the i32 itself.
   */
  int takeCondition() {
    int jump = pending == 0 ? IFNE : pending;
    pending = 0;
    return jump;
  }

  /** Negates the pending condition ({@code i32.eqz} of it). */
  void negateCondition() {
    pending = negate(pending);
  }

  /** Turns a pending condition into 1 or 0 on the operand stack. */
  void settle() {
    if (pending == 0) {
      return;
    }
    int jumpIfTrue = pending;
    pending = 0;
    Label yes = new Label();
    Label done = new Label();
    mv.visitJumpInsn(jumpIfTrue, yes);
    mv.visitInsn(ICONST_0);
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(yes);
    mv.visitInsn(ICONST_1);
    mv.visitLabel(done);
  }

  /** Returns the jump taken exactly when {@code jump} is not, on the same operands. */
  static int negate(int jump) {
    return switch (jump) {
      case IFEQ -> IFNE;
      case IFNE -> IFEQ;
      case IFLT -> IFGE;
      case IFGE -> IFLT;
      case IFGT -> IFLE;
      case IFLE -> IFGT;
      case IF_ICMPEQ -> IF_ICMPNE;
      case IF_ICMPNE -> IF_ICMPEQ;
      case IF_ICMPLT -> IF_ICMPGE;
      case IF_ICMPGE -> IF_ICMPLT;
      case IF_ICMPGT -> IF_ICMPLE;
      case IF_ICMPLE -> IF_ICMPGT;
      case IFNULL -> IFNONNULL;
      case IFNONNULL -> IFNULL;
      default -> throw new IllegalArgumentException("not a conditional jump: " + jump);
    };
  }

  private void compare(int cmp, int jumpIfTrue) {
    mv.visitInsn(cmp);
    bool(jumpIfTrue);
  }

  private void unsigned32(int jumpIfTrue) {
    call("java/lang/Integer", "compareUnsigned", "(II)I");
    bool(jumpIfTrue);
  }

  private void unsigned64(int jumpIfTrue) {
    call("java/lang/Long", "compareUnsigned", "(JJ)I");
    bool(jumpIfTrue);
  }

  /** The JVM takes a long shift's count as an int, modulo 64 like WebAssembly. */
  private void shift64(int op) {
    mv.visitInsn(L2I);
    mv.visitInsn(op);
  }

  private void f32Bits(String name, String descriptor) {
    call("java/lang/Float", "floatToRawIntBits", "(F)I");
    call(NUM, name, descriptor);
    call("java/lang/Float", "intBitsToFloat", "(I)F");
  }

  private void f64Bits(String name, String descriptor) {
    call("java/lang/Double", "doubleToRawLongBits", "(D)J");
    call(NUM, name, descriptor);
    call("java/lang/Double", "longBitsToDouble", "(J)D");
  }

  private void f32Copysign() {
    call("java/lang/Float", "floatToRawIntBits", "(F)I");
    mv.visitInsn(SWAP);
    call("java/lang/Float", "floatToRawIntBits", "(F)I");
    mv.visitInsn(SWAP);
    call(NUM, "f32Copysign", "(II)I");
    call("java/lang/Float", "intBitsToFloat", "(I)F");
  }

  private void f64Copysign() {
    // Doubles are two slots wide: no swap; go through the helper that takes doubles' bits.
    call("java/lang/Double", "doubleToRawLongBits", "(D)J");
    mv.visitInsn(DUP2_X2);
    mv.visitInsn(POP2);
    call("java/lang/Double", "doubleToRawLongBits", "(D)J");
    mv.visitInsn(DUP2_X2);
    mv.visitInsn(POP2);
    call(NUM, "f64Copysign", "(JJ)J");
    call("java/lang/Double", "longBitsToDouble", "(J)D");
  }
}

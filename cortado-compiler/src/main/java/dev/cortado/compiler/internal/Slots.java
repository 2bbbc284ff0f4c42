package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.AASTORE;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.I2L;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.L2I;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LASTORE;

import dev.cortado.wasm.NumType;
import dev.cortado.wasm.ValType;
import org.objectweb.asm.MethodVisitor;

/**
 * Moves values between the JVM stack and the machine's slots, the calling convention shared with
 * the interpreter and host functions: numbers as longs in {@code Machine.lo} (i32 sign-extended,
 * floats as raw bits), vectors in {@code Machine.lo} (low half) and {@code Machine.hi}, references
 * in {@code Machine.refs}.
 */
final class Slots {
  private Slots() {}

  /**
   * With a value of type {@code t} in JVM local {@code local}, writes it to slot {@code base + i},
   * where {@code base} is in int local {@code baseLocal} and the machine in {@code machineLocal}.
   */
  static void store(
      MethodVisitor mv, ValType t, int local, int machineLocal, int baseLocal, int i) {
    mv.visitVarInsn(ALOAD, machineLocal);
    if (t.isReference()) {
      mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, "refs", "[Ljava/lang/Object;");
    } else {
      mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, "lo", "[J");
    }
    index(mv, baseLocal, i);
    mv.visitVarInsn(JvmTypes.load(t), local);
    if (t.isReference()) {
      mv.visitInsn(AASTORE);
      return;
    }
    toLong(mv, t);
    mv.visitInsn(LASTORE);
  }

  /** Pushes slot {@code base + i} as a value of type {@code t} (a v128 as two longs, low first). */
  static void load(MethodVisitor mv, ValType t, int machineLocal, int baseLocal, int i) {
    if (t == ValType.V128) {
      for (String half : new String[] {"lo", "hi"}) {
        mv.visitVarInsn(ALOAD, machineLocal);
        mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, half, "[J");
        index(mv, baseLocal, i);
        mv.visitInsn(LALOAD);
      }
      return;
    }
    mv.visitVarInsn(ALOAD, machineLocal);
    if (t.isReference()) {
      mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, "refs", "[Ljava/lang/Object;");
      index(mv, baseLocal, i);
      mv.visitInsn(AALOAD);
      return;
    }
    mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, "lo", "[J");
    index(mv, baseLocal, i);
    mv.visitInsn(LALOAD);
    fromLong(mv, t);
  }

  /** Copies slot {@code from + i} to slot {@code to + i}, both bases in int locals. */
  static void copy(
      MethodVisitor mv, ValType t, int machineLocal, int fromLocal, int toLocal, int i) {
    String[] arrays =
        t.isReference()
            ? new String[] {"refs"}
            : t == ValType.V128 ? new String[] {"lo", "hi"} : new String[] {"lo"};
    for (String array : arrays) {
      String desc = array.equals("refs") ? "[Ljava/lang/Object;" : "[J";
      mv.visitVarInsn(ALOAD, machineLocal);
      mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, array, desc);
      index(mv, toLocal, i);
      mv.visitVarInsn(ALOAD, machineLocal);
      mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, array, desc);
      index(mv, fromLocal, i);
      mv.visitInsn(array.equals("refs") ? AALOAD : LALOAD);
      mv.visitInsn(array.equals("refs") ? AASTORE : LASTORE);
    }
  }

  /** Converts a value of number type {@code t} on the stack to its long slot form. */
  static void toLong(MethodVisitor mv, ValType t) {
    switch ((NumType) t) {
      case I32 -> mv.visitInsn(I2L);
      case I64 -> {}
      case F32 -> {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
        mv.visitInsn(I2L);
      }
      case F64 ->
          mv.visitMethodInsn(
              INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
    }
  }

  /** Converts a long slot value on the stack to number type {@code t}. */
  static void fromLong(MethodVisitor mv, ValType t) {
    switch ((NumType) t) {
      case I32 -> mv.visitInsn(L2I);
      case I64 -> {}
      case F32 -> {
        mv.visitInsn(L2I);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
      }
      case F64 ->
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
    }
  }

  /** Pushes the slot index {@code base + i}, {@code base} in int local {@code baseLocal}. */
  static void index(MethodVisitor mv, int baseLocal, int i) {
    mv.visitVarInsn(ILOAD, baseLocal);
    if (i != 0) {
      Constants.pushInt(mv, i);
      mv.visitInsn(IADD);
    }
  }
}

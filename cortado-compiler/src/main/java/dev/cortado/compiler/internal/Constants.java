package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.FCONST_0;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.SIPUSH;

import dev.cortado.wasm.NumType;
import dev.cortado.wasm.ValType;
import org.objectweb.asm.MethodVisitor;

/** Pushing constants in their shortest JVM form, with float bit patterns kept exactly. */
final class Constants {
  private Constants() {}

  static void pushInt(MethodVisitor mv, int v) {
    if (v >= -1 && v <= 5) {
      mv.visitInsn(ICONST_0 + v);
    } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      mv.visitIntInsn(BIPUSH, v);
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      mv.visitIntInsn(SIPUSH, v);
    } else {
      mv.visitLdcInsn(v);
    }
  }

  static void pushLong(MethodVisitor mv, long v) {
    if (v == 0 || v == 1) {
      mv.visitInsn(LCONST_0 + (int) v);
    } else {
      mv.visitLdcInsn(v);
    }
  }

  /** A NaN's payload may not survive the constant pool's float entry, so NaNs go through bits. */
  static void pushF32(MethodVisitor mv, int bits) {
    float f = Float.intBitsToFloat(bits);
    if (Float.isNaN(f)) {
      pushInt(mv, bits);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
    } else {
      mv.visitLdcInsn(f);
    }
  }

  static void pushF64(MethodVisitor mv, long bits) {
    double d = Double.longBitsToDouble(bits);
    if (Double.isNaN(d)) {
      pushLong(mv, bits);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
    } else {
      mv.visitLdcInsn(d);
    }
  }

  /** Pushes the default value of {@code t}: zero, or null for a reference. */
  static void pushZero(MethodVisitor mv, ValType t) {
    if (t.isReference()) {
      mv.visitInsn(ACONST_NULL);
      return;
    }
    switch ((NumType) t) {
      case I32 -> mv.visitInsn(ICONST_0);
      case I64 -> mv.visitInsn(LCONST_0);
      case F32 -> mv.visitInsn(FCONST_0);
      case F64 -> mv.visitInsn(DCONST_0);
    }
  }
}

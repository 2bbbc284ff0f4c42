package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.AASTORE;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LASTORE;

import dev.cortado.wasm.ValType;
import org.objectweb.asm.MethodVisitor;

/**
 * The frame of a function split into several methods (see {@link SplitPlan}): a {@code long[]} of
 * numbers (as their slot bits, like the machine's slots) and an {@code Object[]} of references,
 * indexed alike: a slot per local, then the exchange area where pieces take and leave values.
 */
final class Frame {
  static final String PIECE_DESCRIPTOR =
      "([J[Ljava/lang/Object;IL" + JvmTypes.MACHINE + ";L" + JvmTypes.INSTANCE + ";)I";

  private final MethodVisitor mv;
  private final int numbersLocal;
  private final int refsLocal;

  Frame(MethodVisitor mv, int numbersLocal, int refsLocal) {
    this.mv = mv;
    this.numbersLocal = numbersLocal;
    this.refsLocal = refsLocal;
  }

  /** Pushes frame slot {@code index} as a value of type {@code t}. */
  void load(ValType t, int index) {
    if (t.isReference()) {
      mv.visitVarInsn(ALOAD, refsLocal);
      Constants.pushInt(mv, index);
      mv.visitInsn(AALOAD);
      return;
    }
    mv.visitVarInsn(ALOAD, numbersLocal);
    Constants.pushInt(mv, index);
    mv.visitInsn(LALOAD);
    Slots.fromLong(mv, t);
  }

  /** Writes the value of type {@code t} in JVM local {@code local} to frame slot {@code index}. */
  void store(ValType t, int index, int local) {
    mv.visitVarInsn(ALOAD, t.isReference() ? refsLocal : numbersLocal);
    Constants.pushInt(mv, index);
    mv.visitVarInsn(JvmTypes.load(t), local);
    if (t.isReference()) {
      mv.visitInsn(AASTORE);
    } else {
      Slots.toLong(mv, t);
      mv.visitInsn(LASTORE);
    }
  }

  /** Copies {@code count} slots from slot {@code from} to slot {@code to}, in both arrays. */
  void move(int from, int to, int count) {
    for (int array : new int[] {numbersLocal, refsLocal}) {
      mv.visitVarInsn(ALOAD, array);
      Constants.pushInt(mv, from);
      mv.visitVarInsn(ALOAD, array);
      Constants.pushInt(mv, to);
      Constants.pushInt(mv, count);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy", JvmTypes.ARRAYCOPY, false);
    }
  }

  /** Pushes the frame's two arrays, the first arguments of a piece. */
  void pushArrays() {
    mv.visitVarInsn(ALOAD, numbersLocal);
    mv.visitVarInsn(ALOAD, refsLocal);
  }
}

package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;

import dev.cortado.wasm.Function;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.EnumSet;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Loop iterations spent from the store's budget in batches. A method with loops counts their
 * iterations in a JVM local and spends them from the budget (fuel, deadline, interruption: see the
 * runtime's {@code Budget}) when the count reaches the batch the budget gives (one iteration when
 * fuel is counted, so that fuel stays exact; thousands otherwise) and when it returns, so that a
 * hot loop's back edge is an increment and a compare of registers, not a read-modify-write of the
 * budget's field in memory (RATIONALE.md: "Loop iterations are counted in a register").
 */
final class BackEdges {
  private BackEdges() {}

  /**
   * Returns whether the method of {@code piece} (null: the function's root method) may take a back
   * edge: it holds a loop or a tail call of the function itself (nested pieces included, which only
   * costs them a counter they do not use).
   */
  static boolean any(Function function, Piece piece) {
    return contains(function, piece, EnumSet.of(Opcode.LOOP, Opcode.RETURN_CALL));
  }

  /**
   * Returns whether function {@code function} calls other functions (or itself): the functions that
   * spend a unit of the budget when they are entered. One that calls nothing ends soon unless it
   * loops, and its loops count.
   */
  static boolean calls(Function function) {
    return contains(function, null, CALLS);
  }

  private static final EnumSet<Opcode> CALLS =
      EnumSet.of(
          Opcode.CALL,
          Opcode.CALL_INDIRECT,
          Opcode.CALL_REF,
          Opcode.RETURN_CALL,
          Opcode.RETURN_CALL_INDIRECT,
          Opcode.RETURN_CALL_REF);

  private static boolean contains(Function function, Piece piece, EnumSet<Opcode> ops) {
    InstructionReader r = InstructionReader.of(function.body());
    int end = Integer.MAX_VALUE;
    if (piece != null) {
      r.seek(piece.startOffset);
      end = piece.endOffset;
    }
    while (r.hasNext() && r.offset() < end) {
      Opcode op = r.next();
      if (ops.contains(op)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Starts the count at zero in JVM local {@code counter} (none if negative), and puts the batch
   * the budget gives in the local after it.
   */
  static void start(MethodVisitor mv, int counter, int machine) {
    if (counter >= 0) {
      zero(mv, counter);
      mv.visitVarInsn(ALOAD, machine);
      mv.visitMethodInsn(
          INVOKESTATIC, JvmTypes.SUPPORT, "batch", "(L" + JvmTypes.MACHINE + ";)I", false);
      mv.visitVarInsn(ISTORE, counter + 1);
    }
  }

  private static void zero(MethodVisitor mv, int counter) {
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, counter);
  }

  /** Counts one iteration, spending the count when it reaches the batch. */
  static void count(MethodVisitor mv, int counter, int machine) {
    mv.visitIincInsn(counter, 1);
    mv.visitVarInsn(ILOAD, counter);
    mv.visitVarInsn(ILOAD, counter + 1);
    Label more = new Label();
    mv.visitJumpInsn(IF_ICMPLT, more);
    settle(mv, counter, machine);
    zero(mv, counter);
    mv.visitLabel(more);
  }

  /** Spends the iterations counted so far (none if {@code counter} is negative). */
  static void settle(MethodVisitor mv, int counter, int machine) {
    if (counter >= 0) {
      mv.visitVarInsn(ALOAD, machine);
      mv.visitVarInsn(ILOAD, counter);
      mv.visitMethodInsn(
          INVOKESTATIC, JvmTypes.SUPPORT, "spend", "(L" + JvmTypes.MACHINE + ";I)V", false);
    }
  }
}

package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.RETURN;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.NumType;
import dev.cortado.wasm.ValType;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * How a method leaves its function: the function's results returned (one on the JVM stack, several
 * through the machine's slots; from a piece, through the exchange area), a tail call of the
 * function itself as a jump back to its start, and any other tail call left pending for the caller
 * (see {@code CallEmitter.pend}).
 */
final class ReturnEmitter {
  private final FunctionEmitter f;
  private final MethodVisitor mv;
  private final FuncType type;
  private final MethodLocals layout;
  // Where a tail call of the function itself jumps: where the prologue zeroes the declared locals.
  private final Label start;

  ReturnEmitter(FunctionEmitter f, MethodLocals layout, Label start) {
    this.f = f;
    this.mv = f.mv();
    this.type = f.type();
    this.layout = layout;
    this.start = start;
  }

  /** Returns the function's results from the top of the stack; several go through the slots. */
  void results() {
    List<ValType> results = type.results();
    f.reads(results.size());
    if (!throughSlots()) {
      if (f.isPiece()) {
        f.leavePiece(-1, results.size());
      } else {
        mv.visitInsn(results.isEmpty() ? RETURN : JvmTypes.ret(results.get(0)));
      }
      return;
    }
    // Results of the stack's deep part still in the frame go in one copy.
    int first = f.height() - results.size();
    int jvm = f.deep().onJvmBefore(first, results.size());
    int[] temps = new int[results.size()];
    for (int i = jvm - 1; i >= 0; i--) {
      temps[i] = f.temp(results.get(i));
      f.store(results.get(i), temps[i]);
    }
    int base = f.temp(NumType.I32);
    mv.visitVarInsn(ALOAD, f.machineLocal());
    Constants.pushInt(mv, results.size());
    f.support("reserve", "(L" + JvmTypes.MACHINE + ";I)I");
    mv.visitVarInsn(ISTORE, base);
    if (jvm < results.size()) {
      f.calls().copy(true, results.subList(jvm, results.size()), first + jvm, base, jvm);
    }
    VectorRegisters vectors = f.vectors();
    for (int i = 0; i < jvm; i++) {
      if (results.get(i) == ValType.V128) {
        vectors.toSlot(vectors.stack(first + i), f.machineLocal(), base, i);
      } else {
        Slots.store(mv, results.get(i), temps[i], f.machineLocal(), base, i);
      }
    }
    if (f.isPiece()) {
      // Written as the root would write them: the root only returns.
      f.answer(-1, first);
    } else {
      mv.visitInsn(RETURN);
    }
  }

  /**
   * Returns whether the function's results go through the machine's slots (several; from a piece
   * too, which writes them there itself), rather than the JVM stack (one, or none).
   */
  boolean throughSlots() {
    return !type.results().isEmpty() && !JvmTypes.returnsOne(type);
  }

  /**
   * Returns from the function after a tail call was left pending (see {@code CallEmitter.pend}):
   * its results are the callee's, which its caller takes from the slots, so nothing is written
   * where this function's results go.
   */
  void pending() {
    List<ValType> results = type.results();
    if (f.isPiece()) {
      // The root returns whatever the exchange holds: its multiple results go below the slots the
      // callee's arguments are in.
      f.propagate(-1, results);
    } else if (JvmTypes.returnsOne(type)) {
      Constants.pushZero(mv, results.get(0));
      mv.visitInsn(JvmTypes.ret(results.get(0)));
    } else {
      mv.visitInsn(RETURN);
    }
    f.markUnreachable();
  }

  /**
   * Returns whether a {@code return_call} of the function itself can jump back to its start: its
   * locals are all plain JVM locals of this method. Otherwise it is left pending, as other tail
   * calls are.
   */
  boolean selfTailCallJumps() {
    return !f.isPiece() && !f.plan().hasFrame && f.vectors() == null && layout.argsBase < 0;
  }

  /**
   * A {@code return_call} of the function itself, in constant space: the arguments become the
   * parameters, the rest of the stack goes, and control jumps back to where the declared locals are
   * zeroed.
   */
  void selfTailCall() {
    List<ValType> params = type.params();
    int k = params.size();
    f.reads(k);
    for (int i = k - 1; i >= 0; i--) {
      mv.visitVarInsn(JvmTypes.store(params.get(i)), layout.localSlot[i]);
    }
    f.dropJvmStack(f.height() - k);
    f.tick(); // a tail call spends fuel as every call does
    mv.visitJumpInsn(GOTO, start);
    f.markUnreachable();
  }
}

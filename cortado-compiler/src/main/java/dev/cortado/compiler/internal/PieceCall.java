package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.RETURN;

import dev.cortado.wasm.NumType;
import dev.cortado.wasm.ValType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Where a method reaches one of its {@link Piece}s: the piece's operands go to the exchange area
 * and the locals it uses to the frame; after the call, the locals it wrote come back, and its
 * answer decides where control goes: on with its results, to a label of this method, or out of this
 * method too.
 */
final class PieceCall {
  private final FunctionEmitter f;
  private final MethodVisitor mv;
  private final Piece p;

  PieceCall(FunctionEmitter f, Piece p) {
    this.f = f;
    this.mv = f.mv();
    this.p = p;
  }

  void emit() {
    SplitPlan plan = f.plan();
    Frame frame = f.frame();
    f.ensureFrame();
    List<ValType> params = p.params;
    // Vector operands stay in their registers, which the piece shares, and those of the stack's
    // deep part in their frame slots.
    int first = f.height() - params.size();
    int[] temps = new int[params.size()];
    for (int i = params.size() - 1; i >= 0; i--) {
      if (params.get(i) != ValType.V128 && f.deep().onJvm(first + i)) {
        temps[i] = f.temp(params.get(i));
        mv.visitVarInsn(JvmTypes.store(params.get(i)), temps[i]);
      }
    }
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) != ValType.V128 && f.deep().onJvm(first + i)) {
        frame.store(params.get(i), plan.localCount + i, temps[i]);
      }
    }
    f.popTypes(params.size());
    for (int i = p.copiedIn.nextSetBit(0); i >= 0; i = p.copiedIn.nextSetBit(i + 1)) {
      f.syncOut(i);
    }
    frame.pushArrays();
    f.pushDepth();
    mv.visitVarInsn(ALOAD, f.machineLocal());
    mv.visitVarInsn(ALOAD, f.instanceLocal());
    int defined = f.definedIndex();
    boolean handled = f.catches();
    Label callStart = new Label();
    Label callEnd = new Label();
    mv.visitLabel(callStart);
    mv.visitMethodInsn(
        INVOKESTATIC,
        SplitPlan.pieceClass(f.moduleContext().classOf(defined), defined, p.id),
        p.method(defined),
        Frame.PIECE_DESCRIPTOR,
        false);
    mv.visitLabel(callEnd);
    int code = f.temp(NumType.I32);
    mv.visitVarInsn(ISTORE, code);
    if (handled) {
      // An exception leaving the piece: the locals it wrote, stored to the frame on its way out,
      // come back before this method's handlers see it.
      Label on = new Label();
      Label handler = new Label();
      mv.visitJumpInsn(GOTO, on);
      mv.visitLabel(handler);
      for (int i = p.written.nextSetBit(0); i >= 0; i = p.written.nextSetBit(i + 1)) {
        f.syncIn(i);
      }
      mv.visitInsn(ATHROW);
      mv.visitLabel(on);
      f.exceptions().register(callStart, callEnd, handler);
    }
    for (int i = p.copiedOut.nextSetBit(0); i >= 0; i = p.copiedOut.nextSetBit(i + 1)) {
      f.syncIn(i);
    }
    f.reloadMemory();
    dispatch(code);
  }

  /**
   * Sends control where the piece's answer says: a return; a label outside this method too (one
   * path for all of them, passing the code on less this method's labels); a label of this method (a
   * {@code tableswitch}, straight to the label where the stack already fits); else on.
   */
  private void dispatch(int code) {
    int local = f.localLabels();
    Label on = new Label();
    Label returning = new Label();
    Label outward = new Label();
    if (p.returns) {
      mv.visitVarInsn(ILOAD, code);
      mv.visitJumpInsn(IFLT, returning);
    }
    // With vectors, each exit beyond this method moves its own carried vectors: no shared path.
    boolean shared = f.vectors() == null;
    int lastLocal = shared ? p.exits.previousSetBit(local) : p.exits.length() - 1;
    boolean beyond = shared && p.exits.nextSetBit(local + 1) >= 0;
    if (beyond) {
      mv.visitVarInsn(ILOAD, code);
      Constants.pushInt(mv, local);
      mv.visitJumpInsn(IF_ICMPGT, outward);
    }
    Map<Integer, Label> stubs = new LinkedHashMap<>();
    if (lastLocal > 0) {
      int first = p.exits.nextSetBit(1);
      Label[] targets = new Label[lastLocal - first + 1];
      for (int k = first; k <= lastLocal; k++) {
        targets[k - first] = p.exits.get(k) ? target(k, stubs) : on;
      }
      mv.visitVarInsn(ILOAD, code);
      mv.visitTableSwitchInsn(first, lastLocal, on, targets);
    } else if (p.returns || beyond) {
      mv.visitJumpInsn(GOTO, on);
    }
    for (Map.Entry<Integer, Label> stub : stubs.entrySet()) {
      mv.visitLabel(stub.getValue());
      branchFromExchange(stub.getKey() - 1);
    }
    if (p.returns) {
      mv.visitLabel(returning);
      returnFromExchange();
    }
    if (beyond) {
      mv.visitLabel(outward);
      f.propagateShifted(code, local);
    }
    // Runs are cut only where the code after them is reachable, so the run may end normally.
    mv.visitLabel(on);
    int first = f.height();
    for (int i = 0; i < p.results.size(); i++) {
      if (f.deep().onJvm(first + i)) {
        f.fromExchange(p.results.get(i), i);
      }
    }
    f.push(p.results);
  }

  /** Pushes the values of a branch to label {@code depth} from the exchange area, and takes it. */
  private void branchFromExchange(int depth) {
    Control c = f.label(depth);
    if (c.kind == Control.Kind.OUTER) {
      f.propagate(c.code, c.results);
      return;
    }
    fromExchange(c.branchTypes(), () -> f.branch(c));
  }

  /**
   * Returns from the function: with its one result in the exchange area, or, if it has several,
   * with nothing to do (the piece wrote them to the slots, or left a tail call pending).
   */
  private void returnFromExchange() {
    if (f.returns().throughSlots()) {
      if (f.isPiece()) {
        f.propagate(-1, List.of());
      } else {
        mv.visitInsn(RETURN);
      }
      return;
    }
    if (f.isPiece()) {
      f.propagate(-1, f.type().results());
      return;
    }
    fromExchange(f.type().results(), () -> f.returns().results());
  }

  /**
   * Pushes {@code values} from the exchange area, all on the JVM stack (those for the stack's deep
   * part too), for {@code take}, a branch or return that carries them.
   */
  private void fromExchange(List<ValType> values, Runnable take) {
    for (int i = 0; i < values.size(); i++) {
      f.fromExchange(values.get(i), i);
    }
    f.deep().raisedFrom(f.height());
    f.push(values);
    take.run();
    f.popTypes(values.size());
    f.deep().settled();
  }

  /** Returns where code {@code k} goes: its label itself if nothing needs moving, else a stub. */
  private Label target(int k, Map<Integer, Label> stubs) {
    Control c = f.label(k - 1);
    if (c.branchTypes().isEmpty() && f.direct(c)) {
      return c.target;
    }
    return stubs.computeIfAbsent(k, x -> new Label());
  }
}

package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;

import dev.cortado.wasm.NumType;
import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.List;
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
    List<ValType> params = p.params;
    // Vector operands stay in their registers, which the piece shares.
    int[] temps = new int[params.size()];
    for (int i = params.size() - 1; i >= 0; i--) {
      if (params.get(i) != ValType.V128) {
        temps[i] = f.temp(params.get(i));
        mv.visitVarInsn(JvmTypes.store(params.get(i)), temps[i]);
      }
    }
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) != ValType.V128) {
        frame.store(params.get(i), plan.localCount + i, temps[i]);
      }
    }
    f.popTypes(params.size());
    for (int i = p.used.nextSetBit(0); i >= 0; i = p.used.nextSetBit(i + 1)) {
      f.syncOut(i);
    }
    frame.pushArrays();
    mv.visitVarInsn(ALOAD, f.machineLocal());
    mv.visitVarInsn(ALOAD, f.instanceLocal());
    int defined = f.definedIndex();
    mv.visitMethodInsn(
        INVOKESTATIC,
        f.moduleContext().classOf(defined),
        p.method(defined),
        Frame.PIECE_DESCRIPTOR,
        false);
    int code = f.temp(NumType.I32);
    mv.visitVarInsn(ISTORE, code);
    for (int i = p.written.nextSetBit(0); i >= 0; i = p.written.nextSetBit(i + 1)) {
      f.syncIn(i);
    }
    f.reloadMemory();
    dispatch(code);
  }

  private void dispatch(int code) {
    List<Integer> keys = new ArrayList<>();
    if (p.returns) {
      keys.add(-1);
    }
    for (int k = p.exits.nextSetBit(0); k >= 0; k = p.exits.nextSetBit(k + 1)) {
      keys.add(k);
    }
    Label on = new Label();
    if (!keys.isEmpty()) {
      Label[] stubs = new Label[keys.size()];
      int[] values = new int[keys.size()];
      for (int i = 0; i < stubs.length; i++) {
        stubs[i] = new Label();
        values[i] = keys.get(i);
      }
      mv.visitVarInsn(ILOAD, code);
      mv.visitLookupSwitchInsn(on, values, stubs);
      for (int i = 0; i < stubs.length; i++) {
        mv.visitLabel(stubs[i]);
        if (values[i] < 0) {
          f.returnFromExchange();
        } else {
          f.branchFromExchange(values[i] - 1);
        }
      }
    }
    // Runs are cut only where the code after them is reachable, so the run may end normally.
    mv.visitLabel(on);
    for (int i = 0; i < p.results.size(); i++) {
      f.fromExchange(p.results.get(i), i);
    }
    f.push(p.results);
  }
}

package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.PUTFIELD;

import dev.cortado.wasm.NumType;
import dev.cortado.wasm.ValType;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Globals and {@code select} of scalar and reference values (vectors: {@link SimdVariables}). A
 * global is its {@code GlobalInstance}: numbers in {@code value} as slot bits, references in {@code
 * ref}.
 */
final class VariableEmitter {
  private final FunctionEmitter f;
  private final MethodVisitor mv;

  VariableEmitter(FunctionEmitter f) {
    this.f = f;
    this.mv = f.mv();
  }

  void globalGet(int index) {
    ValType t = f.moduleContext().module.globalType(index).valueType();
    f.pushGlobal(index);
    if (t.isReference()) {
      mv.visitFieldInsn(GETFIELD, JvmTypes.GLOBAL, "ref", "Ljava/lang/Object;");
    } else {
      mv.visitFieldInsn(GETFIELD, JvmTypes.GLOBAL, "value", "J");
      Slots.fromLong(mv, t);
    }
    f.push(List.of(t));
  }

  void globalSet(int index) {
    ValType t = f.top(0);
    f.popTypes(1);
    int value = f.temp(t);
    mv.visitVarInsn(JvmTypes.store(t), value);
    f.pushGlobal(index);
    mv.visitVarInsn(JvmTypes.load(t), value);
    if (t.isReference()) {
      mv.visitFieldInsn(PUTFIELD, JvmTypes.GLOBAL, "ref", "Ljava/lang/Object;");
    } else {
      Slots.toLong(mv, t);
      mv.visitFieldInsn(PUTFIELD, JvmTypes.GLOBAL, "value", "J");
    }
  }

  void select() {
    ValType t = f.top(1);
    f.popTypes(3);
    int cond = f.temp(NumType.I32);
    mv.visitVarInsn(ISTORE, cond);
    int second = f.temp(t);
    mv.visitVarInsn(JvmTypes.store(t), second);
    int first = f.temp(t);
    mv.visitVarInsn(JvmTypes.store(t), first);
    Label no = new Label();
    Label done = new Label();
    mv.visitVarInsn(ILOAD, cond);
    mv.visitJumpInsn(IFEQ, no);
    mv.visitVarInsn(JvmTypes.load(t), first);
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(no);
    mv.visitVarInsn(JvmTypes.load(t), second);
    mv.visitLabel(done);
    f.push(List.of(t));
  }
}

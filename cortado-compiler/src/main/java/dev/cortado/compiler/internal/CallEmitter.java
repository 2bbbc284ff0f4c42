package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.NumType;
import dev.cortado.wasm.ValType;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Calls. A call of a compiled function of the same module is {@code invokestatic}; so is a {@code
 * call_indirect} that lands on one (through a dispatch method per function type, see {@link
 * DispatchEmitter}); everything else (imports, other instances, functions left to the interpreter)
 * goes through the machine's slots, the convention every tier shares.
 */
final class CallEmitter {
  private static final String MACHINE = "L" + JvmTypes.MACHINE + ";";
  private static final String INSTANCE = "L" + JvmTypes.INSTANCE + ";";
  private static final String FUNCTION = "L" + JvmTypes.FUNCTION + ";";

  private final FunctionEmitter f;
  private final MethodVisitor mv;
  private final ModuleContext mc;

  CallEmitter(FunctionEmitter f) {
    this.f = f;
    this.mv = f.mv();
    this.mc = f.moduleContext();
  }

  void call(int index) {
    FuncType callee = mc.module.functionType(index);
    if (!mc.callsDirectly(index)) {
      int fn = f.temp(NumType.I32); // holds an Object; temp() only sizes the slot
      Constants.pushInt(mv, index);
      mv.visitVarInsn(ALOAD, f.instanceLocal());
      f.support("function", "(I" + INSTANCE + ")" + FUNCTION);
      mv.visitVarInsn(ASTORE, fn);
      int[] args = storeArguments(callee);
      slotCall(callee, fn, args);
      f.push(callee.results());
      f.reloadMemory();
      return;
    }
    int defined = index - mc.importedFunctions;
    tick();
    mv.visitVarInsn(ALOAD, f.machineLocal());
    mv.visitVarInsn(ALOAD, f.instanceLocal());
    mv.visitMethodInsn(
        INVOKESTATIC,
        mc.classOf(defined),
        ModuleContext.methodOf(defined),
        JvmTypes.descriptor(callee),
        false);
    f.popTypes(callee.params().size());
    loadMultipleResults(callee);
    f.push(callee.results());
    f.reloadMemory();
  }

  void callIndirect(int typeIndex, int table) {
    FuncType callee = mc.module.type(typeIndex);
    f.popTypes(1);
    Constants.pushInt(mv, table);
    // The module's type index, not the engine's type id: cached code must not depend on the engine.
    Constants.pushInt(mv, typeIndex);
    mv.visitVarInsn(ALOAD, f.instanceLocal());
    f.support("indirect", "(III" + INSTANCE + ")" + FUNCTION);
    int fn = f.temp(NumType.I32);
    mv.visitVarInsn(ASTORE, fn);
    int[] args = storeArguments(callee);
    Label slow = new Label();
    Label done = new Label();
    if (mc.hasCompiledFunctionOf(callee)) {
      // A compiled function of this instance: a direct call through the type's dispatch method.
      int defined = f.temp(NumType.I32);
      mv.visitVarInsn(ALOAD, fn);
      mv.visitVarInsn(ALOAD, f.instanceLocal());
      f.support("compiledIndex", "(" + FUNCTION + INSTANCE + ")I");
      mv.visitInsn(DUP);
      mv.visitVarInsn(ISTORE, defined);
      mv.visitJumpInsn(IFLT, slow);
      List<ValType> params = callee.params();
      for (int i = 0; i < params.size(); i++) {
        mv.visitVarInsn(JvmTypes.load(params.get(i)), args[i]);
      }
      mv.visitVarInsn(ILOAD, defined);
      tick();
      mv.visitVarInsn(ALOAD, f.machineLocal());
      mv.visitVarInsn(ALOAD, f.instanceLocal());
      mv.visitMethodInsn(
          INVOKESTATIC,
          mc.dispatchClass(),
          mc.dispatchMethod(callee),
          DispatchEmitter.descriptor(callee),
          false);
      loadMultipleResults(callee);
      mv.visitJumpInsn(GOTO, done);
    }
    mv.visitLabel(slow);
    slotCall(callee, fn, args);
    mv.visitLabel(done);
    f.push(callee.results());
    f.reloadMemory();
  }

  /**
   * Spends one unit of the budget for a call, at the call site as the interpreter does (a slot call
   * spends it in {@code Support.call}), so both tiers count fuel alike.
   */
  private void tick() {
    mv.visitVarInsn(ALOAD, f.machineLocal());
    f.support("tick", "(" + MACHINE + ")V");
  }

  /** Stores the call's arguments from the stack into temporaries, returned in parameter order. */
  private int[] storeArguments(FuncType callee) {
    List<ValType> params = callee.params();
    int[] temps = new int[params.size()];
    for (int i = params.size() - 1; i >= 0; i--) {
      temps[i] = f.temp(params.get(i));
      mv.visitVarInsn(JvmTypes.store(params.get(i)), temps[i]);
    }
    f.popTypes(params.size());
    return temps;
  }

  /** A compiled callee with several results left them in the slots at the machine's top. */
  private void loadMultipleResults(FuncType callee) {
    if (callee.results().size() > 1) {
      int base = f.temp(NumType.I32);
      mv.visitVarInsn(ALOAD, f.machineLocal());
      mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, "top", "I");
      mv.visitVarInsn(ISTORE, base);
      for (int i = 0; i < callee.results().size(); i++) {
        Slots.load(mv, callee.results().get(i), f.machineLocal(), base, i);
      }
    }
  }

  /** Calls the function in local {@code fn} through the slots, its arguments in {@code args}. */
  private void slotCall(FuncType callee, int fn, int[] args) {
    List<ValType> params = callee.params();
    int slots = Math.max(1, Math.max(params.size(), callee.results().size()));
    int base = f.temp(NumType.I32);
    mv.visitVarInsn(ALOAD, f.machineLocal());
    Constants.pushInt(mv, slots);
    f.support("reserve", "(" + MACHINE + "I)I");
    mv.visitVarInsn(ISTORE, base);
    for (int i = 0; i < params.size(); i++) {
      Slots.store(mv, params.get(i), args[i], f.machineLocal(), base, i);
    }
    mv.visitVarInsn(ALOAD, f.machineLocal());
    mv.visitVarInsn(ALOAD, f.instanceLocal());
    mv.visitVarInsn(ALOAD, fn);
    mv.visitVarInsn(ILOAD, base);
    Constants.pushInt(mv, slots);
    f.support("call", "(" + MACHINE + INSTANCE + FUNCTION + "II)V");
    for (int i = 0; i < callee.results().size(); i++) {
      Slots.load(mv, callee.results().get(i), f.machineLocal(), base, i);
    }
  }
}

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
 * call_indirect} or {@code call_ref} that lands on one (through a dispatch method per function
 * type, see {@link DispatchEmitter}); everything else (imports, other instances, functions left to
 * the interpreter) goes through the machine's slots, the convention every tier shares.
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
    // v128 arguments are not on the JVM stack: the scalars go to temporaries, all come back in
    // order.
    int[] args = callee.params().contains(ValType.V128) ? storeArguments(callee) : null;
    tick();
    if (args != null) {
      loadArguments(callee, args);
    }
    f.pushCalleeDepth();
    mv.visitVarInsn(ALOAD, f.machineLocal());
    mv.visitVarInsn(ALOAD, f.instanceLocal());
    mv.visitMethodInsn(
        INVOKESTATIC,
        mc.classOf(defined),
        ModuleContext.methodOf(defined),
        JvmTypes.descriptor(callee),
        false);
    if (args == null) {
      f.popTypes(callee.params().size());
    }
    loadMultipleResults(callee);
    f.push(callee.results());
    if (mc.mayGrowMemory(index)) {
      f.reloadMemory();
    }
  }

  void callIndirect(int typeIndex, int table) {
    FuncType callee = mc.module.type(typeIndex);
    if (mc.tableIs64(table)) {
      MemoryEmitter.clampTop(mv);
    }
    f.popTypes(1);
    Constants.pushInt(mv, table);
    // The module's type index, not the engine's type id: cached code must not depend on the engine.
    Constants.pushInt(mv, typeIndex);
    mv.visitVarInsn(ALOAD, f.instanceLocal());
    f.support("indirect", "(III" + INSTANCE + ")" + FUNCTION);
    callFunction(callee);
  }

  /**
   * {@code call_ref}: calls the function the reference on top of the stack names (trapping on
   * null), as {@code call_indirect} calls the one it found in its table.
   */
  void callRef(int typeIndex) {
    f.popTypes(1);
    f.support("callee", "(Ljava/lang/Object;)" + FUNCTION);
    callFunction(mc.module.type(typeIndex));
  }

  /**
   * Calls the function on top of the JVM stack, of type {@code callee}, its arguments below it:
   * directly if it is a compiled function of this instance, else through the slots.
   */
  private void callFunction(FuncType callee) {
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
      loadArguments(callee, args);
      mv.visitVarInsn(ILOAD, defined);
      tick();
      f.pushCalleeDepth();
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
    f.tick();
  }

  /**
   * Stores the call's arguments from the stack into temporaries, returned in parameter order; a
   * v128 argument stays in its register, returned instead of a temporary.
   */
  int[] storeArguments(FuncType callee) {
    List<ValType> params = callee.params();
    int[] temps = new int[params.size()];
    for (int i = params.size() - 1; i >= 0; i--) {
      if (params.get(i) == ValType.V128) {
        temps[i] = f.vectors().stack(f.height() - params.size() + i);
      } else {
        temps[i] = f.temp(params.get(i));
        mv.visitVarInsn(JvmTypes.store(params.get(i)), temps[i]);
      }
    }
    f.popTypes(params.size());
    return temps;
  }

  /** Pushes the arguments {@link #storeArguments} saved, a v128 as two longs. */
  private void loadArguments(FuncType callee, int[] args) {
    List<ValType> params = callee.params();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) == ValType.V128) {
        f.vectors().pushHalves(args[i]);
      } else {
        mv.visitVarInsn(JvmTypes.load(params.get(i)), args[i]);
      }
    }
  }

  /**
   * A compiled callee with several results, or a v128 one, left them in the slots at the machine's
   * top.
   */
  private void loadMultipleResults(FuncType callee) {
    if (!callee.results().isEmpty() && !JvmTypes.returnsOne(callee)) {
      int base = f.temp(NumType.I32);
      mv.visitVarInsn(ALOAD, f.machineLocal());
      mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, "top", "I");
      mv.visitVarInsn(ISTORE, base);
      for (int i = 0; i < callee.results().size(); i++) {
        loadResult(callee.results().get(i), base, i);
      }
    }
  }

  /** Pushes result {@code i} from the slots at {@code base}, or copies a v128 to its register. */
  void loadResult(ValType t, int base, int i) {
    if (t == ValType.V128) {
      f.vectors().fromSlot(f.vectors().stack(f.height() + i), f.machineLocal(), base, i);
    } else {
      Slots.load(mv, t, f.machineLocal(), base, i);
    }
  }

  /** Calls the function in local {@code fn} through the slots, its arguments in {@code args}. */
  private void slotCall(FuncType callee, int fn, int[] args) {
    List<ValType> params = callee.params();
    int slots = Math.max(1, Math.max(params.size(), callee.results().size()));
    int base = toSlots(params, args, slots);
    mv.visitVarInsn(ALOAD, f.machineLocal());
    mv.visitVarInsn(ALOAD, f.instanceLocal());
    mv.visitVarInsn(ALOAD, fn);
    mv.visitVarInsn(ILOAD, base);
    Constants.pushInt(mv, slots);
    f.pushDepth();
    f.support("call", "(" + MACHINE + INSTANCE + FUNCTION + "III)V");
    for (int i = 0; i < callee.results().size(); i++) {
      loadResult(callee.results().get(i), base, i);
    }
  }

  /**
   * Reserves {@code slots} slots and stores the values {@link #storeArguments} saved in {@code
   * args}, of {@code types}, into the first ones; returns the int local holding where they start.
   */
  int toSlots(List<ValType> types, int[] args, int slots) {
    int base = f.temp(NumType.I32);
    mv.visitVarInsn(ALOAD, f.machineLocal());
    Constants.pushInt(mv, slots);
    f.support("reserve", "(" + MACHINE + "I)I");
    mv.visitVarInsn(ISTORE, base);
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i) == ValType.V128) {
        f.vectors().toSlot(args[i], f.machineLocal(), base, i);
      } else {
        Slots.store(mv, types.get(i), args[i], f.machineLocal(), base, i);
      }
    }
    return base;
  }
}

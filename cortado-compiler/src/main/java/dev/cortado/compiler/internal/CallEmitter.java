package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IFNULL;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.NumType;
import dev.cortado.wasm.ValType;
import java.util.Arrays;
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

  /** The descriptor of {@code Support.copySlots}. */
  static final String COPY = "([J[Ljava/lang/Object;II" + MACHINE + "I[J[JILjava/lang/String;Z)V";

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
      Arguments args = storeArguments(callee);
      slotCall(callee, fn, args);
      f.push(callee.results());
      f.reloadMemory();
      return;
    }
    int defined = index - mc.importedFunctions;
    // v128 arguments are not on the JVM stack, nor those of the stack's deep part: the others go
    // to temporaries, all come back in order.
    List<ValType> params = callee.params();
    boolean apart =
        params.contains(ValType.V128) || !params.isEmpty() && !f.deep().onJvm(f.height() - 1);
    Arguments args = apart ? storeArguments(callee) : null;
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
    if (mc.pendsTailCalls(defined)) {
      finishTailCalls(callee);
    } else {
      loadMultipleResults(callee);
    }
    f.push(callee.results());
    if (mc.mayGrowMemory(index)) {
      f.reloadMemory();
    }
  }

  void callIndirect(int typeIndex, int table) {
    findInTable(typeIndex, table);
    callFunction(mc.module.type(typeIndex));
  }

  /**
   * Replaces the index on top of the stack with the function of type {@code typeIndex} (or a
   * subtype) at that index of table {@code table}, trapping if there is none.
   */
  private void findInTable(int typeIndex, int table) {
    if (mc.tableIs64(table)) {
      MemoryEmitter.clampTop(mv);
    }
    f.popTypes(1);
    Constants.pushInt(mv, table);
    // The module's type index, not the engine's type id: cached code must not depend on the engine.
    Constants.pushInt(mv, typeIndex);
    mv.visitVarInsn(ALOAD, f.instanceLocal());
    f.support("indirect", "(III" + INSTANCE + ")" + FUNCTION);
  }

  /**
   * {@code call_ref}: calls the function the reference on top of the stack names (trapping on
   * null), as {@code call_indirect} calls the one it found in its table.
   */
  void callRef(int typeIndex) {
    findReferenced();
    callFunction(mc.module.type(typeIndex));
  }

  /** Replaces the function reference on top of the stack with its function (trapping on null). */
  private void findReferenced() {
    f.popTypes(1);
    f.support("callee", "(Ljava/lang/Object;)" + FUNCTION);
  }

  /**
   * {@code return_call} of function {@code index}: left pending, as every tail call but a jump back
   * to the function's own start is (see {@link #pend}).
   */
  void tailCall(int index) {
    Constants.pushInt(mv, index);
    mv.visitVarInsn(ALOAD, f.instanceLocal());
    f.support("function", "(I" + INSTANCE + ")" + FUNCTION);
    pend(mc.module.functionType(index));
  }

  /**
   * {@code return_call_indirect}: the function found as {@code call_indirect} finds it, pending.
   */
  void tailCallIndirect(int typeIndex, int table) {
    findInTable(typeIndex, table);
    pend(mc.module.type(typeIndex));
  }

  /** {@code return_call_ref}: the function referenced, pending. */
  void tailCallRef(int typeIndex) {
    findReferenced();
    pend(mc.module.type(typeIndex));
  }

  /**
   * Leaves a tail call of the function on top of the JVM stack, of type {@code callee}, pending:
   * its arguments go to the slots above where this function's results would go, and this function
   * returns at once, its results unset. Whoever called it makes the call in a loop ({@code
   * Support.finishTailCalls} where compiled code called it, else the runtime where it entered
   * compiled code), so that a chain of tail calls takes no Java stack. Fuel is spent there.
   */
  private void pend(FuncType callee) {
    int fn = f.temp(NumType.I32);
    mv.visitVarInsn(ASTORE, fn);
    Arguments args = storeArguments(callee);
    int base = f.temp(NumType.I32);
    mv.visitVarInsn(ALOAD, f.machineLocal());
    Constants.pushInt(mv, f.type().results().size());
    // Room for the callee's results too, which go where its arguments were.
    Constants.pushInt(mv, Math.max(1, Math.max(callee.params().size(), callee.results().size())));
    f.support("tailArguments", "(" + MACHINE + "II)I");
    mv.visitVarInsn(ISTORE, base);
    storeInSlots(callee.params(), args, base);
    mv.visitVarInsn(ALOAD, fn);
    mv.visitVarInsn(ALOAD, f.machineLocal());
    mv.visitVarInsn(ILOAD, base);
    f.support("pendTailCall", "(" + FUNCTION + MACHINE + "I)V");
    f.returns().pending();
  }

  /**
   * After a call of a compiled function that may have left a tail call pending: makes it (and those
   * it leaves), then takes the results from the slots where the last one left them; otherwise takes
   * the results as the function returned them.
   */
  private void finishTailCalls(FuncType callee) {
    Label normal = new Label();
    Label done = new Label();
    mv.visitVarInsn(ALOAD, f.machineLocal());
    mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, "tailCallee", FUNCTION);
    mv.visitJumpInsn(IFNULL, normal);
    if (JvmTypes.returnsOne(callee)) {
      f.popValue(callee.results().get(0));
    }
    int base = f.temp(NumType.I32);
    mv.visitVarInsn(ALOAD, f.machineLocal());
    mv.visitVarInsn(ALOAD, f.instanceLocal());
    f.pushCalleeDepth();
    f.support("finishTailCalls", "(" + MACHINE + INSTANCE + "I)I");
    mv.visitVarInsn(ISTORE, base);
    loadResults(callee.results(), base);
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(normal);
    loadMultipleResults(callee);
    mv.visitLabel(done);
  }

  /**
   * Calls the function on top of the JVM stack, of type {@code callee}, its arguments below it:
   * directly if it is a compiled function of this instance, else through the slots.
   */
  private void callFunction(FuncType callee) {
    int fn = f.temp(NumType.I32);
    mv.visitVarInsn(ASTORE, fn);
    Arguments args = storeArguments(callee);
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
      if (mc.anyPendsTailCalls()) {
        finishTailCalls(callee);
      } else {
        loadMultipleResults(callee);
      }
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
   * A call's arguments, taken off the stack: in {@code locals}, in parameter order, the temporary
   * of each scalar and the register of each v128; those from {@code deepFirst} on are entries of
   * the stack's deep part from {@code deepPosition} on, left in the frame (see {@link DeepStack}).
   */
  record Arguments(int[] locals, int deepFirst, int deepPosition) {
    /** Returns whether argument {@code i} is in the frame (or, a vector, in its register). */
    boolean inFrame(int i) {
      return i >= deepFirst;
    }
  }

  /**
   * Stores the call's arguments from the stack into temporaries (but those of the stack's deep
   * part, which stay in the frame); a v128 argument stays in its register.
   */
  Arguments storeArguments(FuncType callee) {
    List<ValType> params = callee.params();
    int first = f.height() - params.size();
    int deepFirst = f.deep().onJvmBefore(first, params.size());
    int[] temps = new int[params.size()];
    for (int i = params.size() - 1; i >= 0; i--) {
      if (params.get(i) == ValType.V128) {
        temps[i] = f.vectors().stack(first + i);
      } else if (i < deepFirst) {
        temps[i] = f.temp(params.get(i));
        mv.visitVarInsn(JvmTypes.store(params.get(i)), temps[i]);
      }
    }
    f.popTypes(params.size());
    return new Arguments(temps, deepFirst, first + deepFirst);
  }

  /** Pushes the arguments {@link #storeArguments} saved, a v128 as two longs. */
  private void loadArguments(FuncType callee, Arguments args) {
    List<ValType> params = callee.params();
    for (int i = 0; i < params.size(); i++) {
      ValType t = params.get(i);
      if (t == ValType.V128) {
        f.vectors().pushHalves(args.locals()[i]);
      } else if (args.inFrame(i)) {
        f.frame().load(t, f.deep().slot(args.deepPosition() + i - args.deepFirst()));
      } else {
        mv.visitVarInsn(JvmTypes.load(t), args.locals()[i]);
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
      loadResults(callee.results(), base);
    }
  }

  /**
   * Pushes results {@code results} from the slots at {@code base}; those of the stack's deep part
   * go to the frame in one copy (see {@link DeepStackEmitter#placedInFrame}).
   */
  private void loadResults(List<ValType> results, int base) {
    int first = f.height();
    // A single result comes on the JVM stack, as a compiled callee returns it.
    int onJvm = results.size() == 1 ? 1 : f.deep().belowDeep(first, results.size());
    if (onJvm < results.size()) {
      copy(false, results.subList(onJvm, results.size()), first + onJvm, base, onJvm);
      f.deep().placedInFrame();
    }
    for (int i = 0; i < onJvm; i++) {
      loadResult(results.get(i), base, i);
    }
  }

  /**
   * Emits {@code Support.copySlots}: a copy of values of {@code types} between the operand stack's
   * deep part from {@code position} on and the machine's slots from {@code offset} past the one in
   * int local {@code base}, to the slots if {@code toSlots}, else to the frame.
   */
  void copy(boolean toSlots, List<ValType> types, int position, int base, int offset) {
    int[] registers = new int[types.size()];
    for (int j = 0; j < types.size(); j++) {
      registers[j] = types.get(j) == ValType.V128 ? f.vectors().stack(position + j) : -1;
    }
    copy(toSlots, f.deep().slot(position), registers, base, offset);
  }

  /**
   * Emits {@code Support.copySlots}: a copy of {@code registers.length} values between the frame
   * from slot {@code slot} on and the machine's slots from {@code offset} past the one in int local
   * {@code base}, to the slots if {@code toSlots}; value {@code j} is a vector in register {@code
   * registers[j]} if that is not -1.
   */
  void copy(boolean toSlots, int slot, int[] registers, int base, int offset) {
    f.frame().pushArrays();
    Constants.pushInt(mv, slot);
    Constants.pushInt(mv, registers.length);
    pushSlot(base, offset);
    int first = Arrays.stream(registers).filter(r -> r >= 0).min().orElse(-1);
    if (first < 0) {
      mv.visitInsn(ACONST_NULL);
      mv.visitInsn(ACONST_NULL);
      mv.visitInsn(ICONST_0);
      mv.visitInsn(ACONST_NULL);
    } else {
      f.vectors().pushArrays();
      Constants.pushInt(mv, first);
      // A character per value: 0, or one more than its register's distance from the first.
      StringBuilder vectors = new StringBuilder();
      for (int r : registers) {
        vectors.append((char) (r < 0 ? 0 : r - first + 1));
      }
      mv.visitLdcInsn(vectors.toString());
    }
    mv.visitInsn(toSlots ? ICONST_1 : ICONST_0);
    f.support("copySlots", COPY);
  }

  /** Pushes the machine and slot {@code i} from {@code base}, whose number int local holds. */
  private void pushSlot(int base, int i) {
    mv.visitVarInsn(ALOAD, f.machineLocal());
    mv.visitVarInsn(ILOAD, base);
    Constants.pushInt(mv, i);
    mv.visitInsn(IADD);
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
  private void slotCall(FuncType callee, int fn, Arguments args) {
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
    loadResults(callee.results(), base);
  }

  /**
   * Reserves {@code slots} slots and stores the values {@link #storeArguments} saved in {@code
   * args}, of {@code types}, into the first ones; returns the int local holding where they start.
   */
  int toSlots(List<ValType> types, Arguments args, int slots) {
    int base = f.temp(NumType.I32);
    mv.visitVarInsn(ALOAD, f.machineLocal());
    Constants.pushInt(mv, slots);
    f.support("reserve", "(" + MACHINE + "I)I");
    mv.visitVarInsn(ISTORE, base);
    storeInSlots(types, args, base);
    return base;
  }

  /**
   * Stores the values {@link #storeArguments} saved in {@code args}, of {@code types}, into the
   * slots from the one in int local {@code base}.
   */
  private void storeInSlots(List<ValType> types, Arguments args, int base) {
    if (args.deepFirst() < types.size()) {
      // Those of the deep part in one copy.
      copy(
          true,
          types.subList(args.deepFirst(), types.size()),
          args.deepPosition(),
          base,
          args.deepFirst());
    }
    for (int i = 0; i < args.deepFirst(); i++) {
      if (types.get(i) == ValType.V128) {
        f.vectors().toSlot(args.locals()[i], f.machineLocal(), base, i);
      } else {
        Slots.store(mv, types.get(i), args.locals()[i], f.machineLocal(), base, i);
      }
    }
  }
}

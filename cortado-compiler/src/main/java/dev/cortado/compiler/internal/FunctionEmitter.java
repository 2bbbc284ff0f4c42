package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.FCONST_0;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.IFNULL;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.POP2;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;

import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.internal.compiled.CompilationException;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.Immediate;
import dev.cortado.wasm.NumType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import dev.cortado.wasm.valid.FunctionInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles one function body to one JVM method. WebAssembly locals become JVM locals and the
 * operand stack the JVM operand stack; a type stack tracks what is on it, so branches that leave
 * extra values below their results can drop them (the JVM needs equal stacks where paths meet). The
 * function's memory array and size live in locals, reloaded after calls and {@code memory.grow},
 * the only things that can replace them.
 */
final class FunctionEmitter {
  private enum Kind {
    FUNCTION,
    BLOCK,
    LOOP,
    IF
  }

  private static final class Control {
    final Kind kind;
    final Label target;
    final Label elseLabel;
    final int height;
    final List<ValType> params;
    final List<ValType> results;
    // Operand stack entries below this index live in spill locals, not on the JVM stack, while
    // code of this block runs; for blocks and ifs it is the enclosing one's, for a loop its height.
    final int spillBase;
    // For a loop: the enclosing spill base, restored (entries reloaded) at the loop's end.
    final int outerSpillBase;
    boolean sawElse;

    Control(
        Kind kind,
        Label target,
        Label elseLabel,
        int height,
        FuncType sig,
        int spillBase,
        int outerSpillBase) {
      this.kind = kind;
      this.target = target;
      this.elseLabel = elseLabel;
      this.height = height;
      this.params = sig.params();
      this.results = sig.results();
      this.spillBase = spillBase;
      this.outerSpillBase = outerSpillBase;
    }

    List<ValType> branchTypes() {
      return kind == Kind.LOOP ? params : results;
    }
  }

  private final ModuleContext mc;
  private final MethodVisitor mv;
  private final FuncType type;
  private final Function function;
  private final List<ValType> localTypes;
  private final int[] localSlot;
  private final int machineLocal;
  private final int instLocal;
  private final int memLocal;
  private final int memSizeLocal;
  private final int tempBase;
  private int tempTop;
  private final NumericEmitter numeric;
  private final CallEmitter calls;
  private final VectorRegisters vectors;
  private final SimdEmitter simd;
  private final List<ValType> stack = new ArrayList<>();
  private final List<Control> controls = new ArrayList<>();
  private boolean unreachable;
  private int skipDepth;
  private int spillBase;
  private final Map<Long, Integer> spillLocals = new HashMap<>();
  private int nextSpillLocal;

  FunctionEmitter(
      ModuleContext mc, MethodVisitor mv, FuncType type, Function function, FunctionInfo info) {
    List<ValType> locals = info.localTypes();
    this.mc = mc;
    this.mv = mv;
    this.type = type;
    this.function = function;
    this.localTypes = locals;
    this.localSlot = new int[locals.size()];
    int slot = 0;
    int params = type.params().size();
    for (int i = 0; i < params; i++) {
      localSlot[i] = slot;
      slot += JvmTypes.argumentSlots(locals.get(i));
    }
    machineLocal = slot++;
    instLocal = slot++;
    for (int i = params; i < locals.size(); i++) {
      localSlot[i] = slot;
      slot += JvmTypes.wide(locals.get(i)) ? 2 : 1;
    }
    memLocal = slot++;
    memSizeLocal = slot++;
    this.vectors =
        VectorScan.usesVectors(mc, function, locals, type)
            ? new VectorRegisters(mv, locals, info.maxStackHeight(), slot)
            : null;
    slot += 2;
    tempBase = slot;
    // Temporaries live for one instruction (a call's arguments: at most 255 slots plus a few);
    // spill locals above them for the whole function.
    nextSpillLocal = tempBase + 520;
    this.numeric = new NumericEmitter(mv);
    this.calls = new CallEmitter(this);
    this.simd = vectors == null ? null : new SimdEmitter(this, vectors);
  }

  void emit() {
    mv.visitCode();
    mv.visitVarInsn(ALOAD, machineLocal);
    support("enter", "(L" + JvmTypes.MACHINE + ";)V");
    if (vectors != null) {
      vectors.allocate(type.params(), localSlot);
    }
    for (int i = type.params().size(); i < localTypes.size(); i++) {
      ValType t = localTypes.get(i);
      if (t != ValType.V128) {
        pushZero(t);
        mv.visitVarInsn(JvmTypes.store(t), localSlot[i]);
      }
    }
    reloadMemory();
    controls.add(
        new Control(
            Kind.FUNCTION, new Label(), null, 0, FuncType.of(List.of(), type.results()), 0, 0));
    InstructionReader r = InstructionReader.of(function.body());
    while (r.hasNext()) {
      Opcode op = r.next();
      tempTop = tempBase;
      if (unreachable) {
        skip(op);
      } else {
        instruction(op, r);
      }
    }
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static boolean mayTrapOrCall(Opcode op) {
    return switch (op) {
      case NOP,
          BLOCK,
          LOOP,
          ELSE,
          END,
          DROP,
          LOCAL_GET,
          LOCAL_SET,
          LOCAL_TEE,
          I32_CONST,
          I64_CONST,
          F32_CONST,
          F64_CONST,
          SELECT,
          SELECT_TYPED,
          BR,
          BR_IF ->
          false;
      default -> true;
    };
  }

  private void skip(Opcode op) {
    switch (op) {
      case BLOCK, LOOP, IF -> skipDepth++;
      case ELSE -> {
        if (skipDepth == 0) {
          elseBranch();
        }
      }
      case END -> {
        if (skipDepth > 0) {
          skipDepth--;
        } else {
          end();
        }
      }
      default -> {}
    }
  }

  private void instruction(Opcode op, InstructionReader r) {
    if (mayTrapOrCall(op)) {
      // The body offset, for mapping a trap's Java frames back (CompiledFrames).
      Label here = new Label();
      mv.visitLabel(here);
      mv.visitLineNumber(Math.min(r.offset() + 1, 65535), here);
    }
    if (op.hasFixedSignature() && op.immediate() == Immediate.NONE) {
      if (numeric.emit(op)) {
        popTypes(op.params().size());
        stack.addAll(op.results());
        return;
      }
    }
    if (simd != null && simd.moves(op, r)) {
      return;
    }
    switch (op) {
      case UNREACHABLE -> {
        trap(TrapKind.UNREACHABLE);
        unreachable = true;
      }
      case NOP -> {}
      case BLOCK -> block(Kind.BLOCK, r);
      case LOOP -> block(Kind.LOOP, r);
      case IF -> block(Kind.IF, r);
      case ELSE -> elseBranch();
      case END -> end();
      case BR -> {
        branch(label(r.index()));
        unreachable = true;
      }
      case BR_IF -> brIf(label(r.index()));
      case BR_TABLE -> brTable(r);
      case RETURN -> {
        returnValues();
        unreachable = true;
      }
      case CALL -> calls.call(r.index());
      case CALL_INDIRECT -> calls.callIndirect(r.index(), r.index2());
      case DROP -> popValue(pop());
      case SELECT, SELECT_TYPED -> select();
      case LOCAL_GET -> {
        ValType t = localTypes.get(r.index());
        mv.visitVarInsn(JvmTypes.load(t), localSlot[r.index()]);
        stack.add(t);
      }
      case LOCAL_SET -> mv.visitVarInsn(JvmTypes.store(pop()), localSlot[r.index()]);
      case LOCAL_TEE -> {
        ValType t = stack.get(stack.size() - 1);
        mv.visitInsn(JvmTypes.wide(t) ? DUP2 : DUP);
        mv.visitVarInsn(JvmTypes.store(t), localSlot[r.index()]);
      }
      case GLOBAL_GET -> globalGet(r.index());
      case GLOBAL_SET -> globalSet(r.index());
      case I32_CONST -> {
        Constants.pushInt(mv, r.i32());
        stack.add(NumType.I32);
      }
      case I64_CONST -> {
        Constants.pushLong(mv, r.i64());
        stack.add(NumType.I64);
      }
      case F32_CONST -> {
        Constants.pushF32(mv, r.f32Bits());
        stack.add(NumType.F32);
      }
      case F64_CONST -> {
        Constants.pushF64(mv, r.f64Bits());
        stack.add(NumType.F64);
      }
      case REF_NULL -> {
        mv.visitInsn(ACONST_NULL);
        stack.add(RefType.FUNCREF);
      }
      case REF_IS_NULL -> {
        pop();
        numeric.bool(IFNULL);
        stack.add(NumType.I32);
      }
      case REF_FUNC -> {
        Constants.pushInt(mv, r.index());
        mv.visitVarInsn(ALOAD, instLocal);
        support("function", "(IL" + JvmTypes.INSTANCE + ";)L" + JvmTypes.FUNCTION + ";");
        stack.add(RefType.FUNCREF);
      }
      default -> {
        if (op.prefix() == Opcode.PREFIX_FD && simd != null) {
          simd.emit(op, r);
        } else if (!new MemoryEmitter(this).emit(op, r)) {
          throw new CompilationException(op.text() + " is not compiled yet");
        }
      }
    }
  }

  // ---- helpers used by the instruction families ----

  MethodVisitor mv() {
    return mv;
  }

  ModuleContext moduleContext() {
    return mc;
  }

  int machineLocal() {
    return machineLocal;
  }

  int instanceLocal() {
    return instLocal;
  }

  /** Records values the instruction pushed. */
  void push(List<ValType> types) {
    stack.addAll(types);
  }

  void pushInstance() {
    mv.visitVarInsn(ALOAD, instLocal);
  }

  void pushMemory() {
    mv.visitVarInsn(ALOAD, memLocal);
    mv.visitVarInsn(ILOAD, memSizeLocal);
  }

  void support(String name, String descriptor) {
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.SUPPORT, name, descriptor, false);
  }

  /** Records that the instruction popped {@code n} values and pushed {@code results}. */
  void effect(int n, List<ValType> results) {
    popTypes(n);
    stack.addAll(results);
  }

  ValType top(int i) {
    return stack.get(stack.size() - 1 - i);
  }

  /** Returns the operand stack's height. */
  int height() {
    return stack.size();
  }

  ValType localType(int index) {
    return localTypes.get(index);
  }

  /** Returns the vector register file, or null if the function uses no v128 value. */
  VectorRegisters vectors() {
    return vectors;
  }

  /**
   * Stores a value of type {@code t} from the JVM stack into {@code local}; a v128 is not on the
   * JVM stack (its register holds it), so it has nothing to store, load or pop.
   */
  private void store(ValType t, int local) {
    if (t != ValType.V128) {
      mv.visitVarInsn(JvmTypes.store(t), local);
    }
  }

  private void load(ValType t, int local) {
    if (t != ValType.V128) {
      mv.visitVarInsn(JvmTypes.load(t), local);
    }
  }

  private void popValue(ValType t) {
    if (t != ValType.V128) {
      mv.visitInsn(JvmTypes.wide(t) ? POP2 : POP);
    }
  }

  void reloadMemory() {
    if (!mc.hasMemory) {
      return;
    }
    mv.visitVarInsn(ALOAD, instLocal);
    support("memory", "(L" + JvmTypes.INSTANCE + ";)[B");
    mv.visitVarInsn(ASTORE, memLocal);
    mv.visitVarInsn(ALOAD, instLocal);
    support("memorySize", "(L" + JvmTypes.INSTANCE + ";)I");
    mv.visitVarInsn(ISTORE, memSizeLocal);
  }

  private void trap(TrapKind kind) {
    Constants.pushInt(mv, kind.ordinal());
    support("trap", "(I)Ldev/cortado/runtime/Trap;");
    mv.visitInsn(ATHROW);
  }

  private ValType pop() {
    return stack.remove(stack.size() - 1);
  }

  void popTypes(int n) {
    for (int i = 0; i < n; i++) {
      pop();
    }
  }

  int temp(ValType t) {
    int l = tempTop;
    tempTop += JvmTypes.wide(t) ? 2 : 1;
    return l;
  }

  private void pushZero(ValType t) {
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

  private Control label(int depth) {
    return controls.get(controls.size() - 1 - depth);
  }

  // ---- control ----

  private void block(Kind kind, InstructionReader r) {
    FuncType sig = r.blockType().signature(mc.module::type);
    Label elseLabel = null;
    if (kind == Kind.IF) {
      pop();
      elseLabel = new Label();
      mv.visitJumpInsn(IFEQ, elseLabel);
    }
    Label target = new Label();
    int height = stack.size() - sig.params().size();
    if (kind != Kind.LOOP) {
      controls.add(new Control(kind, target, elseLabel, height, sig, spillBase, spillBase));
      return;
    }
    // HotSpot compiles a long-running loop on stack replacement only where the JVM operand stack
    // is empty: what is on it (values of enclosing blocks, the loop's parameters) moves to spill
    // locals, the loop's parameters come back after the label, the rest at the loop's end.
    for (int i = stack.size() - 1; i >= spillBase; i--) {
      store(stack.get(i), spillLocal(i, stack.get(i)));
    }
    controls.add(new Control(kind, target, null, height, sig, height, spillBase));
    spillBase = height;
    mv.visitLabel(target);
    for (int i = height; i < stack.size(); i++) {
      load(stack.get(i), spillLocal(i, stack.get(i)));
    }
    mv.visitVarInsn(ALOAD, machineLocal);
    support("tick", "(L" + JvmTypes.MACHINE + ";)V");
  }

  /**
   * Returns the local that holds operand stack entry {@code index} of type {@code t} when spilled.
   */
  private int spillLocal(int index, ValType t) {
    if (t == ValType.V128) {
      return -1;
    }
    // ASM's sorts reach 10 (a double's is 8): four bits keep entries of two indices apart.
    return spillLocals.computeIfAbsent(
        (long) index << 4 | JvmTypes.of(t).getSort(),
        k -> {
          int l = nextSpillLocal;
          nextSpillLocal += JvmTypes.wide(t) ? 2 : 1;
          return l;
        });
  }

  private void elseBranch() {
    Control c = controls.get(controls.size() - 1);
    if (!unreachable) {
      mv.visitJumpInsn(GOTO, c.target);
    }
    mv.visitLabel(c.elseLabel);
    c.sawElse = true;
    resetStack(c, c.params);
  }

  private void end() {
    Control c = controls.remove(controls.size() - 1);
    if (c.kind == Kind.FUNCTION) {
      if (!unreachable) {
        returnValues();
      }
      unreachable = true;
      return;
    }
    if (c.kind == Kind.IF && !c.sawElse) {
      mv.visitLabel(c.elseLabel);
    }
    if (c.kind != Kind.LOOP) {
      mv.visitLabel(c.target);
      resetStack(c, c.results);
      return;
    }
    // A loop's end: entries spilled at its start go back on the JVM stack, below its results.
    if (!unreachable && c.outerSpillBase < c.height) {
      int[] temps = new int[c.results.size()];
      for (int i = c.results.size() - 1; i >= 0; i--) {
        temps[i] = temp(c.results.get(i));
        store(c.results.get(i), temps[i]);
      }
      for (int i = c.outerSpillBase; i < c.height; i++) {
        load(stack.get(i), spillLocal(i, stack.get(i)));
      }
      for (int i = 0; i < temps.length; i++) {
        load(c.results.get(i), temps[i]);
      }
    }
    spillBase = c.outerSpillBase;
    resetStack(c, c.results);
  }

  private void resetStack(Control c, List<ValType> top) {
    while (stack.size() > c.height) {
      pop();
    }
    stack.addAll(top);
    unreachable = false;
  }

  /**
   * Jumps to {@code c}'s label, leaving the JVM stack as the label expects: for a loop empty, its
   * parameters in their spill locals; else the entries from the label's spill base to its height
   * (reloaded from spill locals if a loop between here and there spilled them), then the values the
   * branch carries.
   */
  private void branch(Control c) {
    if (c.kind == Kind.FUNCTION) {
      returnValues();
      return;
    }
    List<ValType> carried = c.branchTypes();
    int k = carried.size();
    if (vectors != null) {
      vectors.moveCarried(stack, stack.size() - k, c.height, k);
    }
    if (c.kind == Kind.LOOP) {
      for (int i = k - 1; i >= 0; i--) {
        store(carried.get(i), spillLocal(c.height + i, carried.get(i)));
      }
      for (int i = stack.size() - k - 1; i >= spillBase; i--) {
        popValue(stack.get(i));
      }
      mv.visitJumpInsn(GOTO, c.target);
      return;
    }
    int excess = stack.size() - c.height - k;
    boolean reload = c.spillBase < spillBase;
    if (excess > 0 || reload) {
      int[] temps = new int[k];
      for (int i = k - 1; i >= 0; i--) {
        ValType t = top(k - 1 - i);
        temps[i] = temp(t);
        store(t, temps[i]);
      }
      // Entries below the label's height still on the JVM stack are kept unless some must be
      // reloaded below them; then all go and come back from the spill locals.
      int keep = reload ? spillBase : c.height;
      for (int i = stack.size() - k - 1; i >= Math.max(keep, spillBase); i--) {
        popValue(stack.get(i));
      }
      if (reload) {
        for (int i = c.spillBase; i < c.height; i++) {
          load(stack.get(i), spillLocal(i, stack.get(i)));
        }
      }
      for (int i = 0; i < k; i++) {
        load(carried.get(i), temps[i]);
      }
    }
    mv.visitJumpInsn(GOTO, c.target);
  }

  private boolean direct(Control c) {
    if (c.kind == Kind.FUNCTION) {
      return false;
    }
    if (c.kind == Kind.LOOP) {
      return c.params.isEmpty() && stack.size() == spillBase;
    }
    return c.spillBase == spillBase && stack.size() - c.height == c.results.size();
  }

  private void brIf(Control c) {
    pop();
    if (direct(c)) {
      mv.visitJumpInsn(IFNE, c.target);
      return;
    }
    Label skip = new Label();
    mv.visitJumpInsn(IFEQ, skip);
    branch(c);
    mv.visitLabel(skip);
  }

  private void brTable(InstructionReader r) {
    pop();
    int n = r.labelCount();
    Map<Integer, Label> stubs = new HashMap<>();
    Label[] cases = new Label[n];
    for (int i = 0; i < n; i++) {
      cases[i] = caseLabel(r.label(i), stubs);
    }
    Label dflt = caseLabel(r.defaultLabel(), stubs);
    if (n == 0) {
      mv.visitInsn(POP);
      mv.visitJumpInsn(GOTO, dflt);
    } else {
      mv.visitTableSwitchInsn(0, n - 1, dflt, cases);
    }
    for (Map.Entry<Integer, Label> stub : stubs.entrySet()) {
      mv.visitLabel(stub.getValue());
      branch(label(stub.getKey()));
    }
    unreachable = true;
  }

  private Label caseLabel(int depth, Map<Integer, Label> stubs) {
    Control c = label(depth);
    if (direct(c)) {
      return c.target;
    }
    return stubs.computeIfAbsent(depth, d -> new Label());
  }

  /** Returns the function's results from the top of the stack; several go through the slots. */
  private void returnValues() {
    List<ValType> results = type.results();
    if (!results.isEmpty() && !JvmTypes.returnsOne(type)) {
      int[] temps = new int[results.size()];
      for (int i = results.size() - 1; i >= 0; i--) {
        temps[i] = temp(results.get(i));
        store(results.get(i), temps[i]);
      }
      int base = temp(NumType.I32);
      mv.visitVarInsn(ALOAD, machineLocal);
      Constants.pushInt(mv, results.size());
      support("reserve", "(L" + JvmTypes.MACHINE + ";I)I");
      mv.visitVarInsn(ISTORE, base);
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i) == ValType.V128) {
          int at = stack.size() - results.size() + i;
          vectors.toSlot(vectors.stack(at), machineLocal, base, i);
        } else {
          Slots.store(mv, results.get(i), temps[i], machineLocal, base, i);
        }
      }
    }
    mv.visitVarInsn(ALOAD, machineLocal);
    support("leave", "(L" + JvmTypes.MACHINE + ";)V");
    mv.visitInsn(JvmTypes.returnsOne(type) ? JvmTypes.ret(results.get(0)) : RETURN);
  }

  // ---- variables ----

  private void globalGet(int index) {
    ValType t = mc.module.globalType(index).valueType();
    pushGlobal(index);
    if (t.isReference()) {
      mv.visitFieldInsn(GETFIELD, JvmTypes.GLOBAL, "ref", "Ljava/lang/Object;");
    } else {
      mv.visitFieldInsn(GETFIELD, JvmTypes.GLOBAL, "value", "J");
      Slots.fromLong(mv, t);
    }
    stack.add(t);
  }

  private void globalSet(int index) {
    ValType t = pop();
    int value = temp(t);
    mv.visitVarInsn(JvmTypes.store(t), value);
    pushGlobal(index);
    mv.visitVarInsn(JvmTypes.load(t), value);
    if (t.isReference()) {
      mv.visitFieldInsn(PUTFIELD, JvmTypes.GLOBAL, "ref", "Ljava/lang/Object;");
    } else {
      Slots.toLong(mv, t);
      mv.visitFieldInsn(PUTFIELD, JvmTypes.GLOBAL, "value", "J");
    }
  }

  void pushGlobal(int index) {
    mv.visitVarInsn(ALOAD, instLocal);
    mv.visitFieldInsn(GETFIELD, JvmTypes.INSTANCE, "globals", "[L" + JvmTypes.GLOBAL + ";");
    Constants.pushInt(mv, index);
    mv.visitInsn(AALOAD);
  }

  private void select() {
    pop();
    ValType t = pop();
    pop();
    int cond = temp(NumType.I32);
    mv.visitVarInsn(ISTORE, cond);
    int second = temp(t);
    mv.visitVarInsn(JvmTypes.store(t), second);
    int first = temp(t);
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
    stack.add(t);
  }
}

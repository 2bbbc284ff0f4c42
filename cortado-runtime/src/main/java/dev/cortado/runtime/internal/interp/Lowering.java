package dev.cortado.runtime.internal.interp;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.AddressOperands;
import dev.cortado.wasm.binary.InstructionReader;
import dev.cortado.wasm.valid.FunctionInfo;
import java.util.Arrays;
import java.util.List;

/**
 * Lowers a validated function body into the interpreter's IR ({@link Ir}).
 *
 * <p>The Wasm operand stack becomes frame slots at heights known from validation. A value pushed by
 * {@code local.get} or a constant is not copied: the virtual stack remembers which slot holds it
 * (the local's, or a constant slot filled at function entry), and instructions read it there. Such
 * pending values are copied to their own slot ("materialized") only when the local is about to
 * change or control flow needs every value in place. An instruction whose result goes straight into
 * {@code local.set} writes the local directly.
 */
final class Lowering {
  static final int NUM = 0;
  static final int VEC = 1;
  static final int REF = 2;

  static final int KIND_BLOCK = 0;
  static final int KIND_LOOP = 1;
  private static final int KIND_IF = 2;
  static final int KIND_FUNCTION = 3;

  final LoweringContext ctx;
  final CodeBuffer out = new CodeBuffer();
  private final IntList offsets = new IntList();
  final InstructionReader r;
  private final ExceptionLowering exceptions = new ExceptionLowering(this);

  private final ValType[] localTypes;
  private final int localCount;
  private final Constants constants;
  private final int base;

  // The virtual operand stack: the slot holding each value, and its type.
  int sp;
  int[] vslot = new int[16];
  ValType[] vtype = new ValType[16];

  // Code position of the destination operand of the last instruction, when it produced the
  // value on top of the stack in its own slot and nothing jumps between it and here.
  int lastDst = -1;

  // Code position of the last instruction when it is an i32 comparison (or eqz) whose result is
  // on top of the stack: a branch on that result can fuse with it.
  int lastCompare = -1;

  Frame[] frames = new Frame[8];
  int depth;
  boolean dead;
  int deadNesting;

  /** An open block during lowering. */
  static final class Frame {
    int kind;
    int tryIndex = -1;
    int groupLimit;
    int exceptionSlot = -1;
    int height;
    List<ValType> params;
    List<ValType> results;
    int loopStart;
    int elsePatch = -1;
    final IntList forwardJumps = new IntList();

    List<ValType> labelTypes() {
      return kind == KIND_LOOP ? params : results;
    }
  }

  private Lowering(Function f, FuncType type, FunctionInfo info, LoweringContext ctx) {
    this.ctx = ctx;
    this.localTypes = info.localTypes().toArray(new ValType[0]);
    this.localCount = localTypes.length;
    this.constants = Constants.collect(f.body());
    // A slot per legacy try for the exception its catch holds, below the operand stack.
    this.base = localCount + constants.count() + constants.legacyTries;
    exceptions.exceptionSlots = localCount + constants.count();
    this.r = InstructionReader.of(f.body());
  }

  /** Lowers {@code f}, a function of {@code type} that validation described with {@code info}. */
  static CompiledCode lower(Function f, FuncType type, FunctionInfo info, LoweringContext ctx) {
    Lowering l = new Lowering(f, type, info, ctx);
    l.run(type);
    int frameSize = l.base + info.maxStackHeight() + 1;
    return new CompiledCode(
        l.out.toArray(),
        type.params().size(),
        l.localCount,
        l.constants.low(),
        l.constants.high(),
        frameSize,
        l.offsets.toArray(),
        l.exceptions.handlers());
  }

  private void run(FuncType type) {
    Frame fn = pushFrame(KIND_FUNCTION, 0, List.of(), type.results());
    fn.loopStart = -1;
    while (r.hasNext()) {
      Opcode op = r.next();
      if (dead) {
        skipDead(op);
      } else {
        lower(op);
      }
    }
  }

  // ---- dead code ----

  private void skipDead(Opcode op) {
    if (ExceptionLowering.handles(op)) {
      exceptions.skipDead(op);
      return;
    }
    switch (op) {
      case BLOCK, LOOP, IF -> deadNesting++;
      case ELSE -> {
        if (deadNesting == 0) {
          elseBranch();
        }
      }
      case END -> {
        if (deadNesting > 0) {
          deadNesting--;
        } else {
          end();
        }
      }
      default -> {}
    }
  }

  // ---- the instructions ----

  private void lower(Opcode op) {
    int wide = AddressOperands.of(op, r, ctx::memoryIs64, ctx::tableIs64);
    if (wide != 0) {
      MemoryLowering.clampWide(this, wide);
    }
    if (ExceptionLowering.handles(op)) {
      exceptions.lower(op);
      return;
    }
    if (op.handlesObjects()) {
      GcLowering.lower(this, op);
      return;
    }
    if (op.isAtomic()) {
      AtomicOps.lower(this, op);
      return;
    }
    switch (op.immediate()) {
      case NONE -> plain(op);
      case I32 -> constant(r.i32(), ValType.I32);
      case I64 -> constant(r.i64(), ValType.I64);
      case F32 -> constant(r.f32Bits(), ValType.F32);
      case F64 -> constant(r.f64Bits(), ValType.F64);
      case V128 -> vectorConstant(r.v128Low(), r.v128High());
      case BLOCK_TYPE -> block(op);
      case LABEL -> {
        switch (op) {
          case BR -> br(r.index());
          case BR_IF -> brIf(r.index());
          default -> ReferenceLowering.branchOnNull(this, op);
        }
      }
      case TYPE -> ReferenceLowering.callRef(this, op);
      case BR_TABLE -> brTable();
      case FUNC -> {
        switch (op) {
          case CALL -> call(r.index(), Ir.CALL);
          case RETURN_CALL -> call(r.index(), Ir.RETURN_CALL);
          default -> {
            emit(Ir.REF_FUNC);
            produce(RefType.FUNCREF);
            out.add(r.index());
          }
        }
      }
      case CALL_INDIRECT ->
          callIndirect(
              r.index(),
              r.index2(),
              op == Opcode.CALL_INDIRECT ? Ir.CALL_INDIRECT : Ir.RETURN_CALL_INDIRECT);
      case LOCAL -> local(op, r.index());
      case GLOBAL -> global(op, r.index());
      case MEMARG, MEMARG_LANE -> MemoryLowering.access(this, op);
      case LANE, SHUFFLE -> simd(op);
      case MEMORY, MEMORY_INIT, DATA, MEMORY_COPY, TABLE, TABLE_INIT, ELEM, TABLE_COPY ->
          MemoryLowering.bulk(this, op);
      case HEAP_TYPE -> {
        emit(Ir.REF_NULL);
        produce(r.heapType() == HeapType.Abstract.FUNC ? RefType.FUNCREF : RefType.EXTERNREF);
      }
      case SELECT_TYPES -> select(r.selectType(0));
      case TAG, TRY_TABLE -> throw new AssertionError(op + " is lowered by ExceptionLowering");
    }
  }

  private void plain(Opcode op) {
    switch (op) {
      case NOP -> {}
      case UNREACHABLE -> {
        emit(Ir.UNREACHABLE);
        becomeDead();
      }
      case ELSE -> elseBranch();
      case END -> end();
      case RETURN -> {
        returnFromFunction();
        becomeDead();
      }
      case DROP -> pop();
      case SELECT -> select(vtype[sp - 2]);
      case REF_AS_NON_NULL -> ReferenceLowering.refAsNonNull(this);
      case REF_IS_NULL -> {
        int a = pop();
        emit(Ir.REF_IS_NULL);
        produce(ValType.I32);
        out.add(a);
      }
      default -> {
        if (op.prefix() == Opcode.PREFIX_FD) {
          simd(op);
        } else if (op.isWideArithmetic()) {
          WideOps.lower(this, op);
        } else {
          numeric(op);
        }
      }
    }
  }

  /** A numeric instruction: operands from the stack, one result. */
  private void numeric(Opcode op) {
    int ir = Ir.of(op);
    if (ir < 0) {
      throw new IllegalStateException("no IR for " + op);
    }
    List<ValType> params = op.params();
    int pc = out.size();
    if (params.size() == 1) {
      int a = pop();
      emit(ir);
      produce(op.results().get(0));
      out.add(a);
    } else {
      int b = pop();
      int a = pop();
      emit(ir);
      produce(op.results().get(0));
      out.add(a);
      out.add(b);
    }
    if (ir == Ir.I32_EQZ || Ir.fusedBranch(ir, false) >= 0) {
      lastCompare = pc;
    }
  }

  /**
   * Turns the comparison that produced {@code cond} (just popped) into a compare-and-branch, if it
   * is the last instruction emitted: {@code [cmp dst a b]} becomes {@code [br_cmp a b target]} and
   * {@code [eqz dst a]} becomes {@code [branch a target]} (taken when {@code a} is zero unless
   * {@code negate}, with BR_UNLESS / BR_IF). Returns the position of the target operand, or -1.
   *
   * @param negate branch when the comparison does not hold (for {@code if})
   * @param loop whether the target is a loop header: eqz then has no fused form with a fuel check
   */
  private int fuseBranch(int cond, boolean negate, boolean loop) {
    int pc = lastCompare;
    if (pc < 0 || out.get(pc + 1) != cond) {
      return -1;
    }
    int op = out.get(pc);
    if (op == Ir.I32_EQZ) {
      if (loop || out.size() != pc + 3) {
        return -1;
      }
      out.set(pc, negate ? Ir.BR_IF : Ir.BR_UNLESS);
      out.set(pc + 1, out.get(pc + 2));
      out.set(pc + 2, -1);
      lastCompare = -1;
      lastDst = -1;
      return pc + 2;
    }
    if (out.size() != pc + 4) {
      return -1;
    }
    out.set(pc, Ir.fusedBranch(op, negate));
    out.set(pc + 1, out.get(pc + 2));
    out.set(pc + 2, out.get(pc + 3));
    out.set(pc + 3, -1);
    lastCompare = -1;
    lastDst = -1;
    return pc + 3;
  }

  private void constant(long bits, ValType type) {
    int slot = constants.slotOf(bits);
    if (slot >= 0) {
      pushPending(localCount + slot, type);
      return;
    }
    emit(Ir.CONST);
    produce(type);
    out.add((int) bits);
    out.add((int) (bits >>> 32));
  }

  private void vectorConstant(long low, long high) {
    int slot = constants.vectorSlotOf(low, high);
    if (slot >= 0) {
      pushPending(localCount + slot, ValType.V128);
      return;
    }
    emit(Ir.CONST_V128);
    produce(ValType.V128);
    out.add((int) low);
    out.add((int) (low >>> 32));
    out.add((int) high);
    out.add((int) (high >>> 32));
  }

  private void select(ValType type) {
    int c = pop();
    int b = pop();
    int a = pop();
    emit(
        switch (kind(type)) {
          case VEC -> Ir.SELECT_V128;
          case REF -> Ir.SELECT_REF;
          default -> Ir.SELECT;
        });
    produce(type);
    args(c, a, b);
  }

  private void local(Opcode op, int x) {
    switch (op) {
      case LOCAL_GET -> pushPending(x, localTypes[x]);
      case LOCAL_SET -> {
        storeLocal(x);
        pop();
      }
      case LOCAL_TEE -> {
        storeLocal(x);
        vslot[sp - 1] = x;
      }
      default -> throw new AssertionError(op);
    }
  }

  /** Stores the top value into local {@code x}, keeping earlier reads of {@code x} correct. */
  private void storeLocal(int x) {
    int top = sp - 1;
    if (vslot[top] == x) {
      return;
    }
    boolean pendingReads = false;
    for (int k = 0; k < top; k++) {
      if (vslot[k] == x) {
        pendingReads = true;
        break;
      }
    }
    if (!pendingReads && lastDst >= 0 && vslot[top] == home(top) && out.get(lastDst) == home(top)) {
      // The instruction that produced the value writes the local directly.
      out.set(lastDst, x);
      vslot[top] = x;
      lastDst = -1;
      lastCompare = -1;
      return;
    }
    for (int k = 0; k < top; k++) {
      if (vslot[k] == x) {
        materialize(k);
      }
    }
    emit(copyOp(vtype[top]));
    out.add(x);
    out.add(vslot[top]);
  }

  private void global(Opcode op, int g) {
    ValType t = ctx.globalType(g);
    if (op == Opcode.GLOBAL_GET) {
      emit(
          switch (kind(t)) {
            case VEC -> Ir.GLOBAL_GET_V128;
            case REF -> Ir.GLOBAL_GET_REF;
            default -> Ir.GLOBAL_GET;
          });
      produce(t);
      out.add(g);
    } else {
      int v = pop();
      emit(
          switch (kind(t)) {
            case VEC -> Ir.GLOBAL_SET_V128;
            case REF -> Ir.GLOBAL_SET_REF;
            default -> Ir.GLOBAL_SET;
          });
      out.add(g);
      out.add(v);
    }
  }

  // ---- vectors ----

  /** Every vector instruction is {@code SIMD ordinal} then operands, run by the SIMD dispatcher. */
  void simd(Opcode op) {
    List<ValType> params = op.params();
    int n = params.size();
    int[] operands = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      operands[i] = pop();
    }
    emit(Ir.SIMD);
    out.add(op.ordinal());
    if (!op.results().isEmpty()) {
      int dst = home(sp);
      push(op.results().get(0));
      out.add(dst);
    }
    for (int o : operands) {
      out.add(o);
    }
    switch (op.immediate()) {
      case MEMARG -> out.add(AddressOperands.offset(r));
      case MEMARG_LANE -> {
        out.add(AddressOperands.offset(r));
        out.add(r.lane());
      }
      case LANE -> out.add(r.lane());
      case SHUFFLE -> {
        out.add((int) r.v128Low());
        out.add((int) (r.v128Low() >>> 32));
        out.add((int) r.v128High());
        out.add((int) (r.v128High() >>> 32));
      }
      default -> {}
    }
  }

  // ---- control ----

  private void block(Opcode op) {
    FuncType signature = r.blockType().signature(ctx::type);
    List<ValType> params = signature.params();
    List<ValType> results = signature.results();
    int cond = -1;
    if (op == Opcode.IF) {
      cond = pop();
    }
    materializeAll();
    int height = sp - params.size();
    switch (op) {
      case BLOCK -> pushFrame(KIND_BLOCK, height, params, results);
      case LOOP -> {
        Frame f = pushFrame(KIND_LOOP, height, params, results);
        f.loopStart = out.size();
        lastDst = -1;
        lastCompare = -1;
      }
      case IF -> {
        int target = fuseBranch(cond, true, false);
        if (target < 0) {
          emit(Ir.BR_UNLESS);
          out.add(cond);
          target = out.add(-1);
        }
        Frame f = pushFrame(KIND_IF, height, params, results);
        f.elsePatch = target;
      }
      default -> throw new AssertionError(op);
    }
  }

  private void elseBranch() {
    Frame f = frames[depth - 1];
    if (!dead) {
      materializeAll();
      emit(Ir.JUMP);
      f.forwardJumps.add(out.add(-1));
    }
    out.set(f.elsePatch, out.size());
    f.elsePatch = -1;
    resetStack(f.height, f.params);
    dead = false;
    lastDst = -1;
    lastCompare = -1;
  }

  void end() {
    Frame f = frames[depth - 1];
    if (!dead) {
      materializeAll();
    }
    if (f.kind == KIND_FUNCTION) {
      if (!dead) {
        returnFromFunction();
      }
      depth--;
      return;
    }
    if (f.tryIndex >= 0) {
      exceptions.closeTry(f);
    }
    if (f.elsePatch >= 0) {
      out.set(f.elsePatch, out.size());
    }
    for (int i = 0; i < f.forwardJumps.size(); i++) {
      out.set(f.forwardJumps.get(i), out.size());
    }
    depth--;
    resetStack(f.height, f.results);
    dead = false;
    lastDst = -1;
    lastCompare = -1;
  }

  private void br(int label) {
    Frame f = frames[depth - 1 - label];
    if (f.kind == KIND_FUNCTION) {
      returnFromFunction();
    } else {
      moveBranchValues(f);
      jump(f, f.kind == KIND_LOOP ? Ir.JUMP_LOOP : Ir.JUMP);
    }
    becomeDead();
  }

  private void brIf(int label) {
    Frame f = frames[depth - 1 - label];
    int cond = pop();
    int arity = f.labelTypes().size();
    for (int k = sp - arity; k < sp; k++) {
      materialize(k);
    }
    boolean inPlace = f.kind != KIND_FUNCTION && sp - arity == f.height;
    if (inPlace) {
      int target = fuseBranch(cond, false, f.kind == KIND_LOOP);
      if (target >= 0) {
        if (f.kind == KIND_LOOP) {
          out.set(target, f.loopStart);
        } else {
          f.forwardJumps.add(target);
        }
        return;
      }
      emit(f.kind == KIND_LOOP ? Ir.BR_IF_LOOP : Ir.BR_IF);
      out.add(cond);
      addTarget(f);
      return;
    }
    // Values must move before the branch: only on the taken path.
    emit(Ir.BR_UNLESS);
    out.add(cond);
    branchUnlessSkipped(f);
  }

  private void brTable() {
    int index = pop();
    int count = r.labelCount();
    int[] labels = new int[count + 1];
    for (int i = 0; i < count; i++) {
      labels[i] = r.label(i);
    }
    labels[count] = r.defaultLabel();
    int arity = frames[depth - 1 - labels[count]].labelTypes().size();
    for (int k = sp - arity; k < sp; k++) {
      materialize(k);
    }
    // BR_TABLE checks fuel itself, so it may jump straight to a loop header.
    emit(Ir.BR_TABLE);
    out.add(index);
    out.add(count);
    int table = out.size();
    for (int i = 0; i <= count; i++) {
      out.add(-1);
    }
    // Labels whose values must move (or that return) get one landing pad each.
    int[] pads = new int[depth];
    Arrays.fill(pads, -1);
    for (int i = 0; i <= count; i++) {
      Frame f = frames[depth - 1 - labels[i]];
      boolean inPlace = f.kind != KIND_FUNCTION && sp - arity == f.height;
      if (inPlace && f.kind == KIND_LOOP) {
        out.set(table + i, f.loopStart);
      } else if (inPlace) {
        f.forwardJumps.add(table + i);
      } else {
        if (pads[labels[i]] < 0) {
          pads[labels[i]] = out.size();
          if (f.kind == KIND_FUNCTION) {
            returnFromFunction();
          } else {
            moveBranchValues(f);
            jump(f, f.kind == KIND_LOOP ? Ir.JUMP_LOOP : Ir.JUMP);
          }
        }
        out.set(table + i, pads[labels[i]]);
      }
    }
    becomeDead();
  }

  void jump(Frame f, int op) {
    emit(op);
    addTarget(f);
  }

  void addTarget(Frame f) {
    if (f.kind == KIND_LOOP) {
      out.add(f.loopStart);
    } else {
      f.forwardJumps.add(out.add(-1));
    }
  }

  /**
   * A conditional branch to {@code f} carrying the top {@code arity} values: IR {@code whenTaken}
   * (followed by {@code operands} and the target) jumps when the branch is taken, {@code whenNot}
   * is its inverse. Where values must move first, the inverse skips the moves.
   */
  void branchIf(Frame f, int arity, int whenTaken, int whenNot, int... operands) {
    for (int k = sp - arity; k < sp; k++) {
      materialize(k);
    }
    // A loop header is reached through JUMP_LOOP, which checks fuel.
    boolean inPlace = f.kind != KIND_FUNCTION && f.kind != KIND_LOOP && sp - arity == f.height;
    emit(inPlace ? whenTaken : whenNot);
    for (int operand : operands) {
      out.add(operand);
    }
    if (inPlace) {
      addTarget(f);
      return;
    }
    branchUnlessSkipped(f);
  }

  /**
   * The taken path of a conditional branch to {@code f} whose values must move first: the moves and
   * the jump, which the instruction just emitted skips (its target operand comes next) when the
   * branch is not taken.
   */
  private void branchUnlessSkipped(Frame f) {
    int skip = out.add(-1);
    if (f.kind == KIND_FUNCTION) {
      returnFromFunction();
    } else {
      moveBranchValues(f);
      jump(f, f.kind == KIND_LOOP ? Ir.JUMP_LOOP : Ir.JUMP);
    }
    out.set(skip, out.size());
    lastDst = -1;
    lastCompare = -1;
  }

  /** Copies the values a branch to {@code f} carries to where {@code f} expects them. */
  void moveBranchValues(Frame f) {
    List<ValType> types = f.labelTypes();
    int arity = types.size();
    for (int i = 0; i < arity; i++) {
      int from = vslot[sp - arity + i];
      int to = home(f.height + i);
      if (from != to) {
        emit(copyOp(types.get(i)));
        out.add(to);
        out.add(from);
      }
    }
  }

  /** Moves the results to slots 0.. of the frame and returns. */
  void returnFromFunction() {
    List<ValType> results = frames[0].results;
    int n = results.size();
    for (int i = 0; i < n; i++) {
      int from = vslot[sp - n + i];
      // A result read from a low local could be overwritten by an earlier result's move.
      if (from < n && from != i) {
        materialize(sp - n + i);
      }
    }
    for (int i = 0; i < n; i++) {
      int from = vslot[sp - n + i];
      if (from != i) {
        emit(copyOp(results.get(i)));
        out.add(i);
        out.add(from);
      }
    }
    emit(Ir.RETURN);
  }

  /** A direct call, {@code ir} CALL or RETURN_CALL. */
  private void call(int function, int ir) {
    FuncType t = ctx.functionType(function);
    int argBase = arguments(t);
    emit(ir);
    out.add(function);
    out.add(argBase);
    afterCall(t, ir == Ir.RETURN_CALL);
  }

  /** A call through a table, {@code ir} CALL_INDIRECT or RETURN_CALL_INDIRECT. */
  private void callIndirect(int typeIndex, int table, int ir) {
    FuncType t = ctx.type(typeIndex);
    int index = pop();
    int argBase = arguments(t);
    emit(ir);
    out.add(ctx.typeId(typeIndex));
    out.add(table);
    out.add(index);
    out.add(argBase);
    afterCall(t, ir == Ir.RETURN_CALL_INDIRECT);
  }

  /** Pops a call's arguments, each copied to its own slot, and returns the first one's slot. */
  int arguments(FuncType t) {
    return operands(t.params().size());
  }

  /** Pops {@code n} operands, each copied to its own slot, and returns the first one's slot. */
  int operands(int n) {
    for (int k = sp - n; k < sp; k++) {
      materialize(k);
    }
    int argBase = home(sp - n);
    sp -= n;
    return argBase;
  }

  /**
   * Pushes a call's results; after a tail call, returns them instead (the callee left them in slots
   * 0.. if it did not run in the interpreter's loop), and the code after it is dead.
   */
  void afterCall(FuncType t, boolean tail) {
    if (tail) {
      emit(Ir.RETURN);
      becomeDead();
      return;
    }
    for (ValType result : t.results()) {
      push(result);
    }
  }

  void becomeDead() {
    dead = true;
    deadNesting = 0;
    lastDst = -1;
    lastCompare = -1;
  }

  // ---- frames and the virtual stack ----

  Frame pushFrame(int kind, int height, List<ValType> params, List<ValType> results) {
    if (depth == frames.length) {
      frames = Arrays.copyOf(frames, depth * 2);
    }
    Frame f = frames[depth];
    if (f == null) {
      f = new Frame();
      frames[depth] = f;
    }
    f.kind = kind;
    f.height = height;
    f.params = params;
    f.results = results;
    f.loopStart = -1;
    f.elsePatch = -1;
    f.tryIndex = -1;
    f.groupLimit = exceptions.groupCount();
    f.exceptionSlot = -1;
    f.forwardJumps.clear();
    depth++;
    return f;
  }

  /** Sets the stack to {@code height} values below {@code types}, all in their own slots. */
  void resetStack(int height, List<ValType> types) {
    sp = height;
    for (ValType t : types) {
      push(t);
    }
  }

  int home(int height) {
    return base + height;
  }

  private void ensureStack() {
    if (sp == vslot.length) {
      vslot = Arrays.copyOf(vslot, sp * 2);
      vtype = Arrays.copyOf(vtype, sp * 2);
    }
  }

  private void push(ValType t) {
    ensureStack();
    vslot[sp] = home(sp);
    vtype[sp] = t;
    sp++;
  }

  private void pushPending(int slot, ValType t) {
    ensureStack();
    vslot[sp] = slot;
    vtype[sp] = t;
    sp++;
  }

  /** Pops the top value and returns the slot holding it. */
  int pop() {
    return vslot[--sp];
  }

  /** Pushes the result of the instruction just started, and writes its destination operand. */
  void produce(ValType t) {
    int dst = home(sp);
    push(t);
    lastDst = out.add(dst);
  }

  void materialize(int k) {
    if (vslot[k] != home(k)) {
      emit(copyOp(vtype[k]));
      out.add(home(k));
      out.add(vslot[k]);
      vslot[k] = home(k);
    }
  }

  void materializeAll() {
    for (int k = 0; k < sp; k++) {
      materialize(k);
    }
  }

  /** Starts an instruction, remembering which Wasm instruction it comes from. */
  void emit(int op) {
    int pc = out.add(op);
    int offset = r.offset();
    int n = offsets.size();
    if (n == 0 || offsets.get(n - 1) != offset) {
      offsets.add(pc);
      offsets.add(offset);
    }
    lastDst = -1;
    lastCompare = -1;
  }

  void args(int a, int b) {
    out.add(a);
    out.add(b);
  }

  void args(int a, int b, int c) {
    out.add(a);
    out.add(b);
    out.add(c);
  }

  static int kind(ValType t) {
    if (t == ValType.V128) {
      return VEC;
    }
    return t.isReference() ? REF : NUM;
  }

  private static int copyOp(ValType t) {
    return switch (kind(t)) {
      case VEC -> Ir.COPY_V128;
      case REF -> Ir.COPY_REF;
      default -> Ir.COPY;
    };
  }
}

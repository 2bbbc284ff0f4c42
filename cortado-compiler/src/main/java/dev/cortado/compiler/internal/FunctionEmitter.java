package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ANEWARRAY;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFNONNULL;
import static org.objectweb.asm.Opcodes.IFNULL;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.ISUB;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.NOP;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.POP2;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.T_LONG;

import dev.cortado.compiler.internal.Control.Kind;
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
import java.util.BitSet;
import java.util.List;
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
  private final ModuleContext mc;
  private final MethodVisitor mv;
  private final FuncType type;
  private final Function function;
  private final List<ValType> localTypes;
  private final SplitPlan plan;
  private final Piece piece;
  private final int defined;
  private final BitSet registers;

  /** Whether this (root) method makes the frame at its first piece call, not at its entry. */
  private final boolean lazyFrame;

  // JVM local of each WebAssembly local this method keeps in one; -1 for those in the frame.
  private final int[] localSlot;
  private final int machineLocal;
  private final int instLocal;
  private final Frame frame;
  private final int lineBase;
  private final Label epilogue = new Label();
  private boolean epilogueUsed;
  private FunctionShape shape;
  private SizeCounter counter;
  private int lowSinceRecord;
  private final int tempBase;
  private int tempTop;
  private final NumericEmitter numeric;
  private final CallEmitter calls;
  private final VectorRegisters vectors;
  private final SimdEmitter simd;
  private final ExceptionEmitter exceptions;
  // Whether the function has handlers (try_table, try).
  private final boolean catches;
  private final List<ValType> stack = new ArrayList<>();
  private boolean unreachable;
  private int skipDepth;
  // Where a tail call of the function itself jumps (ReturnEmitter): where the prologue zeroes the
  // declared locals.
  private final Label start = new Label();
  private final MethodLocals layout;
  private final ControlEmitter control;
  private final DeepStackEmitter deep;
  private final ReturnEmitter returns;

  /**
   * An emitter of method {@code piece} (null: the function's root method) of defined function
   * {@code defined}, cut as {@code plan} says.
   */
  FunctionEmitter(
      ModuleContext mc,
      MethodVisitor mv,
      int defined,
      FuncType type,
      Function function,
      FunctionInfo info,
      SplitPlan plan,
      Piece piece) {
    List<ValType> locals = info.localTypes();
    this.mc = mc;
    this.mv = mv;
    this.defined = defined;
    this.type = type;
    this.function = function;
    this.localTypes = locals;
    this.plan = plan;
    this.piece = piece;
    int params = piece == null ? plan.rootParams(type.params().size()) : 0;
    this.registers = SplitPlan.registers(piece == null ? plan.rootOwn : piece.own, locals, params);
    this.layout = new MethodLocals(type, locals, registers, piece != null, params);
    this.localSlot = layout.localSlot;
    // The root method of a split function makes the frame only when it first calls a piece, if
    // its own code never needs it: every local it uses is a JVM local of its own, and no vector
    // register lives in the frame. A function whose pieces hold the rare paths (malloc's) then
    // allocates nothing on its common one.
    this.lazyFrame =
        piece == null
            && plan.hasFrame
            && !plan.vectorsInFrame
            && !plan.rootOverflows
            && plan.deep == null
            && !plan.paramsInFrame;
    this.deep = new DeepStackEmitter(this, plan, piece);
    this.returns = new ReturnEmitter(this, layout, start);
    this.machineLocal = layout.machine;
    this.instLocal = layout.instance;
    // Pieces of a function share its vector registers, from their stack positions on.
    this.vectors =
        VectorScan.usesVectors(mc, function, locals, type)
            ? new VectorRegisters(
                mv,
                locals,
                info.maxStackHeight(),
                layout.vectors,
                piece == null ? 0 : piece.stackBase)
            : null;
    tempBase = layout.vectors + 2;
    // Temporaries live for one instruction (a call's arguments: at most 255 slots plus a few);
    // spill locals above them for the whole function.
    this.control = new ControlEmitter(this, tempBase + 520);
    this.lineBase = piece == null ? 0 : piece.startOffset;
    this.frame = new Frame(mv, layout.frameNumbers, layout.frameRefs);
    this.numeric = new NumericEmitter(mv);
    this.calls = new CallEmitter(this);
    this.simd = vectors == null ? null : new SimdEmitter(this, vectors);
    this.exceptions = new ExceptionEmitter(this);
    this.catches = mc.catches(defined);
  }

  /**
   * Makes this a trial emission: {@code shape} records every instruction with the bytes {@code
   * counter} (this emitter's visitor) counted before it.
   */
  FunctionEmitter recording(FunctionShape shape, SizeCounter counter) {
    this.shape = shape;
    this.counter = counter;
    return this;
  }

  void emit() {
    mv.visitCode();
    if (piece == null) {
      rootPrologue();
    } else {
      piecePrologue();
    }
    InstructionReader r = InstructionReader.of(function.body());
    int end = piece == null ? Integer.MAX_VALUE : piece.endOffset;
    int pos = 0;
    if (piece != null) {
      pos = piece.startOffset;
      r.seek(pos);
    }
    // In a piece of a function that catches, an exception leaving the piece first stores the
    // locals it keeps in JVM locals to the frame, where its caller's handlers find them.
    Label bodyStart = piece != null && catches ? new Label() : null;
    if (bodyStart != null) {
      mv.visitLabel(bodyStart);
      mv.visitInsn(NOP);
    }
    while (pos < end && r.hasNext()) {
      tempTop = tempBase;
      Piece child = unreachable ? null : plan.pieceAt(pos, piece);
      if (child != null) {
        numeric.settle();
        new PieceCall(this, child).emit();
        pos = child.endOffset;
        r.seek(pos);
        continue;
      }
      Opcode op = r.next();
      if (shape != null) {
        shape.record(r, mc.module, counter.size(), stack, lowSinceRecord, unreachable);
        lowSinceRecord = stack.size();
      }
      if (unreachable) {
        skip(op, r);
      } else if (plan.deep != null) {
        deep.emit(op, r, () -> instruction(op, r));
      } else {
        instruction(op, r);
      }
      pos = r.endOffset();
    }
    numeric.settle();
    if (shape != null) {
      shape.finish(pos, counter.size(), stack, lowSinceRecord);
    }
    if (piece != null) {
      Label bodyEnd = new Label();
      mv.visitLabel(bodyEnd);
      pieceEpilogue();
      if (bodyStart != null) {
        Label handler = new Label();
        mv.visitLabel(handler);
        storeRegisters(piece.written);
        mv.visitInsn(ATHROW);
        exceptions.register(bodyStart, bodyEnd, handler);
      }
    }
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private void rootPrologue() {
    mv.visitVarInsn(ILOAD, layout.depth);
    mv.visitVarInsn(ALOAD, machineLocal);
    support("enter", "(IL" + JvmTypes.MACHINE + ";)V");
    if (!plan.paramsInFrame) {
      layout.loadArgumentsFromSlots(mv, type.params());
    }
    if (lazyFrame) {
      mv.visitInsn(ACONST_NULL);
      mv.visitVarInsn(ASTORE, layout.frameNumbers);
      mv.visitInsn(ACONST_NULL);
      mv.visitVarInsn(ASTORE, layout.frameRefs);
    } else if (plan.hasFrame) {
      allocateFrame();
    }
    if (vectors != null) {
      vectors.allocate(plan.paramsInFrame ? List.of() : type.params(), localSlot);
      if (plan.vectorsInFrame) {
        vectors.share(layout.frameRefs, plan.frameLength());
      }
    }
    if (plan.paramsInFrame) {
      paramsToFrame();
    }
    // A tail call of the function itself comes back here with new arguments.
    mv.visitLabel(start);
    int params = type.params().size();
    for (int i = registers.nextSetBit(params); i >= 0; i = registers.nextSetBit(i + 1)) {
      ValType t = localTypes.get(i);
      if (t != ValType.V128) {
        Constants.pushZero(mv, t);
        mv.visitVarInsn(JvmTypes.store(t), localSlot[i]);
      }
    }
    reloadMemory();
    control.add(
        new Control(
            Kind.FUNCTION, new Label(), null, 0, FuncType.of(List.of(), type.results()), 0, 0));
  }

  /**
   * Copies the arguments from the machine's slots to the frame in one go (see {@link
   * SplitPlan#paramsInFrame}), then to the JVM locals and vector registers that keep some.
   */
  private void paramsToFrame() {
    List<ValType> params = type.params();
    int[] registers = new int[params.size()];
    for (int i = 0; i < params.size(); i++) {
      registers[i] = params.get(i) == ValType.V128 ? vectors.local(i) : -1;
    }
    calls.copy(false, 0, registers, layout.argsBase, 0);
    for (int i = 0; i < params.size(); i++) {
      ValType t = params.get(i);
      if (t != ValType.V128 && localSlot[i] >= 0) {
        frame.load(t, i);
        mv.visitVarInsn(JvmTypes.store(t), localSlot[i]);
      }
    }
  }

  private void allocateFrame() {
    Constants.pushInt(mv, plan.frameLength());
    mv.visitIntInsn(NEWARRAY, T_LONG);
    mv.visitVarInsn(ASTORE, layout.frameNumbers);
    if (plan.refsInFrame) {
      Constants.pushInt(mv, plan.refsLength());
      mv.visitTypeInsn(ANEWARRAY, JvmTypes.OBJECT);
    } else {
      mv.visitInsn(ACONST_NULL);
    }
    mv.visitVarInsn(ASTORE, layout.frameRefs);
  }

  /**
   * Makes the frame if this method makes it on the way to its first piece (see {@link #lazyFrame})
   * and has not yet: before a piece call, which reads and writes locals through it.
   */
  void ensureFrame() {
    if (!lazyFrame) {
      return;
    }
    Label made = new Label();
    mv.visitVarInsn(ALOAD, layout.frameNumbers);
    mv.visitJumpInsn(IFNONNULL, made);
    allocateFrame();
    mv.visitLabel(made);
  }

  private void piecePrologue() {
    if (vectors != null) {
      vectors.take(layout.frameRefs, plan.frameLength());
    }
    for (int i = registers.nextSetBit(0); i >= 0; i = registers.nextSetBit(i + 1)) {
      ValType t = localTypes.get(i);
      frame.load(t, i);
      mv.visitVarInsn(JvmTypes.store(t), localSlot[i]);
    }
    reloadMemory();
    // The labels around the piece, outermost first, so that label(depth) finds them.
    for (int k = piece.outer.size(); k >= 1; k--) {
      Control c =
          new Control(
              Kind.OUTER, null, null, 0, FuncType.of(List.of(), piece.outer.get(k - 1)), 0, 0);
      c.code = k;
      control.add(c);
    }
    // Vector operands are already in their registers, deep ones in the frame.
    for (int i = 0; i < piece.params.size(); i++) {
      if (i < deep.from()) {
        fromExchange(piece.params.get(i), i);
      }
      stack.add(piece.params.get(i));
    }
  }

  /** The end of a piece's run: its results to the exchange area, code 0, then the epilogue. */
  private void pieceEpilogue() {
    if (!unreachable) {
      leavePiece(0, piece.results.size());
    }
    if (!epilogueUsed) {
      return;
    }
    mv.visitLabel(epilogue);
    storeRegisters(piece.copiedOut);
    mv.visitVarInsn(ILOAD, layout.code);
    mv.visitInsn(IRETURN);
  }

  /** Stores to the frame those of {@code locals} this piece keeps in JVM locals. */
  private void storeRegisters(BitSet locals) {
    for (int i = registers.nextSetBit(0); i >= 0; i = registers.nextSetBit(i + 1)) {
      if (locals.get(i)) {
        frame.store(localTypes.get(i), i, localSlot[i]);
      }
    }
  }

  /**
   * Leaves this piece's method answering {@code code}, the {@code carried} values on top of the
   * stack going to the exchange area (but those of the deep part not on the JVM stack, which stay
   * in the frame), the rest of the JVM stack dropped.
   */
  void leavePiece(int code, int carried) {
    leavePiece(carried, () -> Constants.pushInt(mv, code));
  }

  /** As {@link #leavePiece(int, int)}, with the code {@code pushCode} pushes. */
  void leavePiece(int carried, Runnable pushCode) {
    if (vectors != null) {
      // The caller finds carried vectors where its stack continues: this piece's first positions.
      vectors.moveCarried(stack, stack.size() - carried, 0, carried);
    }
    int[] temps = new int[carried];
    int first = stack.size() - carried;
    for (int i = carried - 1; i >= 0; i--) {
      if (deep.onJvm(first + i)) {
        ValType t = top(carried - 1 - i);
        temps[i] = temp(t);
        store(t, temps[i]);
      }
    }
    for (int i = 0; i < carried; i++) {
      ValType t = stack.get(first + i);
      if (t != ValType.V128 && deep.onJvm(first + i)) {
        frame.store(t, plan.localCount + i, temps[i]);
      }
    }
    toEpilogue(stack.size() - carried, pushCode);
  }

  /**
   * Drops the JVM stack below {@code height}, sets the code {@code pushCode} pushes as the answer
   * and jumps to the epilogue, which stores this piece's locals back and returns it.
   */
  private void toEpilogue(int height, Runnable pushCode) {
    dropJvmStack(height);
    pushCode.run();
    mv.visitVarInsn(ISTORE, layout.code);
    epilogueUsed = true;
    mv.visitJumpInsn(GOTO, epilogue);
  }

  /**
   * Leaves this piece's method answering {@code code}, with nothing in the exchange area: the
   * entries from {@code height} up were taken off the JVM stack already, those below are dropped.
   */
  void answer(int code, int height) {
    toEpilogue(height, () -> Constants.pushInt(mv, code));
  }

  /** Leaves this piece's method answering {@code code}, whose values are in the exchange area. */
  void propagate(int code, List<ValType> carried) {
    if (vectors != null) {
      // The called piece left carried vectors where its stack began, just above this one's top;
      // this method's caller expects them where this method's stack begins.
      for (int i = 0; i < carried.size(); i++) {
        if (carried.get(i) == ValType.V128) {
          vectors.copy(vectors.stack(stack.size() + i), vectors.stack(i));
        }
      }
    }
    toEpilogue(stack.size(), () -> Constants.pushInt(mv, code));
  }

  /**
   * Leaves this piece's method answering the code in int local {@code code} less {@code shift}: a
   * branch, with its values in the exchange area, to a label outside this method too.
   */
  void propagateShifted(int code, int shift) {
    toEpilogue(
        stack.size(),
        () -> {
          mv.visitVarInsn(ILOAD, code);
          Constants.pushInt(mv, shift);
          mv.visitInsn(ISUB);
        });
  }

  /** Returns how many labels this method has of its own: all, but those outside a piece. */
  int localLabels() {
    return control.depth() - (piece == null ? 0 : piece.outer.size());
  }

  /** Pops the operand stack entries below {@code height} that are on the JVM stack. */
  void dropJvmStack(int height) {
    dropJvmStack(control.spillBase(), height);
  }

  /** Pops the operand stack entries from {@code from} to below {@code to} on the JVM stack. */
  void dropJvmStack(int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (deep.onJvm(i)) {
        popValue(stack.get(i));
      }
    }
  }

  /** Returns the deep part of the operand stack as this method meets it. */
  DeepStackEmitter deep() {
    return deep;
  }

  /**
   * Pushes value {@code i} of the exchange area as type {@code t}; a vector is already in its
   * register.
   */
  void fromExchange(ValType t, int i) {
    if (t != ValType.V128) {
      frame.load(t, plan.localCount + i);
    }
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

  private void skip(Opcode op, InstructionReader r) {
    switch (op) {
      case BLOCK, LOOP, IF, TRY_TABLE, TRY -> skipDepth++;
      case ELSE, CATCH, CATCH_ALL -> {
        if (skipDepth == 0) {
          instruction(op, r);
        }
      }
      case DELEGATE -> {
        if (skipDepth > 0) {
          skipDepth--;
        } else {
          instruction(op, r);
        }
      }
      case END -> {
        if (skipDepth > 0) {
          skipDepth--;
        } else {
          control.end();
        }
      }
      default -> {}
    }
  }

  private void instruction(Opcode op, InstructionReader r) {
    if (numeric.hasCondition()) {
      // A comparison just before: br_if and if jump on its operands, i32.eqz negates it.
      switch (op) {
        case BR_IF, IF -> {}
        case I32_EQZ -> {
          numeric.negateCondition();
          return;
        }
        default -> numeric.settle();
      }
    }
    if (mayTrapOrCall(op)) {
      // The body offset, for mapping a trap's Java frames back (CompiledFrames).
      Label here = new Label();
      mv.visitLabel(here);
      mv.visitLineNumber(Math.min(r.offset() - lineBase + 1, 65535), here);
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
      case BLOCK -> control.block(Kind.BLOCK, r);
      case LOOP -> control.block(Kind.LOOP, r);
      case IF -> control.block(Kind.IF, r);
      case ELSE -> control.elseBranch();
      case END -> control.end();
      case BR -> {
        branch(label(r.index()));
        unreachable = true;
      }
      case BR_IF -> control.brIf(label(r.index()));
      case BR_TABLE -> new BranchTables(this).emit(r);
      case RETURN -> {
        returns.results();
        unreachable = true;
      }
      case RETURN_CALL -> {
        if (r.index() == mc.importedFunctions + defined && returns.selfTailCallJumps()) {
          returns.selfTailCall();
        } else {
          calls.tailCall(r.index());
        }
      }
      case RETURN_CALL_INDIRECT -> calls.tailCallIndirect(r.index(), r.index2());
      case RETURN_CALL_REF -> calls.tailCallRef(r.index());
      case CALL -> calls.call(r.index());
      case CALL_INDIRECT -> calls.callIndirect(r.index(), r.index2());
      case CALL_REF -> calls.callRef(r.index());
      case REF_AS_NON_NULL -> new ReferenceEmitter(this).asNonNull();
      case BR_ON_NULL -> new ReferenceEmitter(this).brOnNull(r.index());
      case BR_ON_NON_NULL -> new ReferenceEmitter(this).brOnNonNull(r.index());
      case TRY_TABLE -> control.block(Kind.TRY_TABLE, r);
      case TRY -> control.block(Kind.TRY, r);
      case CATCH -> exceptions.legacyCatch(label(0), r.index());
      case CATCH_ALL -> exceptions.legacyCatch(label(0), -1);
      case DELEGATE -> {
        exceptions.delegate(label(0), r.index());
        control.end();
      }
      case THROW -> exceptions.throwTag(r.index());
      case THROW_REF -> exceptions.throwRef();
      case RETHROW -> exceptions.rethrow(r.index());
      case DROP -> popValue(pop());
      case SELECT, SELECT_TYPED -> new VariableEmitter(this).select();
      case LOCAL_GET -> {
        loadLocal(r.index());
        stack.add(localTypes.get(r.index()));
      }
      case LOCAL_SET -> storeLocal(r.index());
      case LOCAL_TEE -> {
        reads(1);
        ValType t = stack.get(stack.size() - 1);
        mv.visitInsn(JvmTypes.wide(t) ? DUP2 : DUP);
        stack.add(t);
        storeLocal(r.index());
      }
      case GLOBAL_GET -> new VariableEmitter(this).globalGet(r.index());
      case GLOBAL_SET -> new VariableEmitter(this).globalSet(r.index());
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
        } else if (op.isWideArithmetic()) {
          WideEmitter.emit(this, op);
        } else if (op.handlesObjects()) {
          GcEmitter.emit(this, op, r);
        } else if (!new MemoryEmitter(this).emit(op, r)) {
          throw new CompilationException(op.text() + " is not compiled yet");
        }
      }
    }
  }

  // ---- helpers used by the instruction families ----

  /** Pushes local {@code index}, from its JVM local or the frame. */
  void loadLocal(int index) {
    ValType t = localTypes.get(index);
    if (localSlot[index] >= 0) {
      mv.visitVarInsn(JvmTypes.load(t), localSlot[index]);
    } else {
      frame.load(t, index);
    }
  }

  /** Pops the top of the stack into local {@code index}. */
  void storeLocal(int index) {
    ValType t = pop();
    if (localSlot[index] >= 0) {
      mv.visitVarInsn(JvmTypes.store(t), localSlot[index]);
      return;
    }
    int value = temp(t);
    mv.visitVarInsn(JvmTypes.store(t), value);
    frame.store(t, index, value);
  }

  /** Polls the budget: fuel, deadline and interruption (see {@code Budget.poll}). */
  void tick() {
    mv.visitVarInsn(ALOAD, machineLocal);
    support("poll", "(L" + JvmTypes.MACHINE + ";)V");
  }

  /**
   * Copies local {@code index} to the frame if this method keeps it in a JVM local. (A v128
   * parameter arrives in JVM locals but lives in the vector registers, which pieces share.)
   */
  void syncOut(int index) {
    if (localSlot[index] >= 0 && localTypes.get(index) != ValType.V128) {
      frame.store(localTypes.get(index), index, localSlot[index]);
    }
  }

  /** Reloads local {@code index} from the frame if this method keeps it in a JVM local. */
  void syncIn(int index) {
    if (localSlot[index] >= 0 && localTypes.get(index) != ValType.V128) {
      ValType t = localTypes.get(index);
      frame.load(t, index);
      mv.visitVarInsn(JvmTypes.store(t), localSlot[index]);
    }
  }

  Frame frame() {
    return frame;
  }

  SplitPlan plan() {
    return plan;
  }

  int definedIndex() {
    return defined;
  }

  FuncType type() {
    return type;
  }

  boolean isPiece() {
    return piece != null;
  }

  /** Returns the type of operand stack entry {@code i}, counted from the bottom. */
  ValType stackType(int i) {
    return stack.get(i);
  }

  /** Returns the type stack, for moving vectors a branch carries. */
  List<ValType> stack() {
    return stack;
  }

  void setUnreachable(boolean unreachable) {
    this.unreachable = unreachable;
  }

  /** Resets the stack to {@code c}'s height plus {@code top}: code reachable again at a label. */
  void resetStack(Control c, List<ValType> top) {
    control.resetStack(c, top);
  }

  ExceptionEmitter exceptions() {
    return exceptions;
  }

  /** Returns whether the code being emitted is unreachable. */
  boolean isUnreachable() {
    return unreachable;
  }

  /** Returns whether the function has handlers (try_table, try). */
  boolean catches() {
    return catches;
  }

  /**
   * Pushes the call depth of a function this one calls: its own plus one (a piece has its
   * function's depth).
   */
  void pushCalleeDepth() {
    mv.visitVarInsn(ILOAD, layout.depth);
    mv.visitInsn(ICONST_1);
    mv.visitInsn(IADD);
  }

  /** Pushes the function's own call depth (for a piece of it, or the runtime). */
  void pushDepth() {
    mv.visitVarInsn(ILOAD, layout.depth);
  }

  CallEmitter calls() {
    return calls;
  }

  /** Turns a pending condition (see {@link NumericEmitter}) into 1 or 0 on the JVM stack. */
  void settleCondition() {
    numeric.settle();
  }

  /** Returns the first temporary not in use, for a value stored and used at once. */
  int freeTemp() {
    return tempTop;
  }

  /** Returns a JVM local of {@code slots} slots of its own for the rest of the method. */
  int newLocal(int slots) {
    return control.newLocal(slots);
  }

  /** Notes that what follows the current instruction is unreachable, until a label. */
  void markUnreachable() {
    unreachable = true;
  }

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
    mv.visitVarInsn(ALOAD, layout.memory);
    mv.visitVarInsn(ILOAD, layout.memorySize);
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
  void store(ValType t, int local) {
    if (t != ValType.V128) {
      mv.visitVarInsn(JvmTypes.store(t), local);
    }
  }

  void load(ValType t, int local) {
    if (t != ValType.V128) {
      mv.visitVarInsn(JvmTypes.load(t), local);
    }
  }

  void popValue(ValType t) {
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
    mv.visitVarInsn(ASTORE, layout.memory);
    // The size as far as that array holds it: accesses are checked against it alone. With the
    // memory's least size, which tells HotSpot that the checks' bounds are not negative.
    mv.visitVarInsn(ALOAD, instLocal);
    mv.visitVarInsn(ALOAD, layout.memory);
    Constants.pushInt(mv, mc.memoryMinimum);
    support("memorySize", "(L" + JvmTypes.INSTANCE + ";[BI)I");
    mv.visitVarInsn(ISTORE, layout.memorySize);
  }

  void trap(TrapKind kind) {
    Constants.pushInt(mv, kind.ordinal());
    support("trap", "(I)Ldev/cortado/runtime/Trap;");
    mv.visitInsn(ATHROW);
  }

  /**
   * Returns the jump taken when the i32 condition on top of the stack is true, consuming it (a
   * comparison's operands, or the i32).
   */
  int takeCondition() {
    return numeric.takeCondition();
  }

  /**
   * Notes that the instruction reads the top {@code n} values without popping them (a branch): a
   * piece cut around it must take them as operands.
   */
  void reads(int n) {
    lowSinceRecord = Math.min(lowSinceRecord, stack.size() - n);
  }

  /** Pops the top entry of the type stack, returning its type. */
  ValType popType() {
    return pop();
  }

  private ValType pop() {
    ValType t = stack.remove(stack.size() - 1);
    lowSinceRecord = Math.min(lowSinceRecord, stack.size());
    return t;
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

  Control label(int depth) {
    return control.label(depth);
  }

  /** Takes a branch to {@code c}: see {@link ControlEmitter#branch}. */
  void branch(Control c) {
    control.branch(c);
  }

  /** Returns whether a branch to {@code c} can be a plain JVM jump. */
  boolean direct(Control c) {
    return control.direct(c);
  }

  /** Returns how this method leaves the function: results, tail calls. */
  ReturnEmitter returns() {
    return returns;
  }

  void pushGlobal(int index) {
    mv.visitVarInsn(ALOAD, instLocal);
    mv.visitFieldInsn(GETFIELD, JvmTypes.INSTANCE, "globals", "[L" + JvmTypes.GLOBAL + ";");
    Constants.pushInt(mv, index);
    mv.visitInsn(AALOAD);
  }
}

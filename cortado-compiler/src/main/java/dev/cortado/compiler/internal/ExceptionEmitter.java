package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.NOP;

import dev.cortado.compiler.internal.Control.Kind;
import dev.cortado.runtime.internal.compiled.CompilationException;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.Instruction.CatchKind;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Exception handling (Wasm 3.0 {@code throw}, {@code throw_ref}, {@code try_table}; legacy {@code
 * try}, {@code catch}, {@code catch_all}, {@code rethrow}, {@code delegate}) as JVM exception
 * handlers for the interpreter's {@code Thrown}, so exceptions cross tiers as one Java exception.
 *
 * <p>A try's body is a handler's range; the JVM empties the operand stack when it enters a handler,
 * so {@link ControlEmitter} spills what is below the try to spill locals when it opens (as at a
 * loop), where the handler finds it. The handler restores the call-depth count (the frames the
 * exception left did not count their return), reloads the memory, then tests the clauses in order:
 * a match pushes the exception's values and branches to the clause's label (a {@code try_table}) or
 * jumps to the catch's code (a {@code try}); no match throws it on. Handlers are registered when
 * their range ends, inner ones first, as the JVM's exception table wants. A {@code delegate}'s
 * handler is a stub that throws the exception again from a place inside the handlers around its
 * target label, and no others.
 */
final class ExceptionEmitter {
  private static final String THROWN = "dev/cortado/runtime/internal/interp/Thrown";
  private static final String EXCEPTIONS =
      "dev/cortado/runtime/internal/compiled/CompiledExceptions";
  private static final String MACHINE = "L" + JvmTypes.MACHINE + ";";
  private static final String INSTANCE = "L" + JvmTypes.INSTANCE + ";";

  private final FunctionEmitter f;
  private final MethodVisitor mv;
  private final ModuleContext mc;

  ExceptionEmitter(FunctionEmitter f) {
    this.f = f;
    this.mv = f.mv();
    this.mc = f.moduleContext();
  }

  /**
   * Returns whether {@code function} has a {@code try_table} or {@code try}: then its compiled
   * method keeps its call depth in a local, for its handlers.
   */
  static boolean catches(Function function) {
    var code = function.body().code();
    boolean candidate = false;
    for (int i = 0; i < code.length() && !candidate; i++) {
      int b = code.get(i);
      candidate = b == 0x06 || b == 0x1F; // try, try_table (or an immediate that looks like one)
    }
    if (!candidate) {
      return false;
    }
    InstructionReader r = InstructionReader.of(function.body());
    while (r.hasNext()) {
      Opcode op = r.next();
      if (op == Opcode.TRY_TABLE || op == Opcode.TRY) {
        return true;
      }
    }
    return false;
  }

  /** Opens the handler range of try {@code c} (its enclosing values already spilled). */
  void open(Control c, InstructionReader r) {
    c.rangeStart = new Label();
    mv.visitLabel(c.rangeStart);
    mv.visitInsn(NOP); // a range is never empty
    if (c.kind == Kind.TRY_TABLE) {
      for (int i = 0; i < r.catchCount(); i++) {
        c.clauses.add(new int[] {r.catchKind(i).ordinal(), r.catchTag(i), r.catchLabel(i)});
      }
    } else {
      c.exceptionLocal = f.newLocal(1);
    }
  }

  /**
   * Legacy {@code catch tag} or {@code catch_all} ({@code tag < 0}) of try {@code c}: ends the body
   * or the previous catch, and starts this catch's code, where the exception's values are.
   */
  void legacyCatch(Control c, int tag) {
    if (!f.isUnreachable()) {
      mv.visitJumpInsn(GOTO, c.target);
    }
    if (c.rangeEnd == null) {
      closeRange(c, c.handler);
    }
    Label code = new Label();
    c.clauses.add(new int[] {tag});
    c.catchCode.add(code);
    mv.visitLabel(code);
    f.resetStack(c, tag < 0 ? List.of() : mc.tagType(tag).params());
  }

  /**
   * {@code delegate label} ending try {@code c}: its handler is a stub that throws the exception
   * again inside the handlers around the label's block (counted from the block around the try).
   */
  void delegate(Control c, int label) {
    if (!f.isUnreachable()) {
      mv.visitJumpInsn(GOTO, c.target);
      f.markUnreachable();
    }
    Control target = f.label(label + 1);
    if (target.kind == Kind.OUTER) {
      // Its stub would have to be in the method around this piece.
      throw CompilationException.outsideScope("it delegates, in a piece, to a label outside it");
    }
    Label stub = new Label();
    closeRange(c, stub);
    (target.isTry() && target.rangeEnd == null ? target.rangeStubs : target.endStubs).add(stub);
  }

  /**
   * The end of try {@code c}, already popped from the labels: ends its range if a catch has not,
   * places delegates' stubs, and emits its handler; the caller then places its label.
   */
  void close(Control c) {
    if (!f.isUnreachable()) {
      mv.visitJumpInsn(GOTO, c.target);
      f.markUnreachable();
    }
    if (c.rangeEnd == null) {
      closeRange(c, c.clauses.isEmpty() ? null : c.handler);
    }
    placeStubs(c.endStubs);
    if (c.clauses.isEmpty()) {
      return;
    }
    mv.visitLabel(c.handler);
    f.reloadMemory();
    int thrown = f.newLocal(1);
    mv.visitVarInsn(ASTORE, thrown);
    f.popTypes(f.height() - c.height);
    for (int k = 0; k < c.clauses.size(); k++) {
      int[] clause = c.clauses.get(k);
      Label next = new Label();
      if (c.kind == Kind.TRY_TABLE) {
        tryTableClause(CatchKind.values()[clause[0]], clause[1], clause[2], thrown, next);
      } else {
        legacyClause(c, clause[0], c.catchCode.get(k), thrown, next);
      }
      mv.visitLabel(next);
    }
    mv.visitVarInsn(ALOAD, thrown);
    mv.visitInsn(ATHROW);
  }

  private void tryTableClause(CatchKind kind, int tag, int label, int thrown, Label next) {
    boolean all = kind == CatchKind.CATCH_ALL || kind == CatchKind.CATCH_ALL_REF;
    if (!all) {
      testTag(thrown, tag, next);
    }
    List<ValType> carried = new ArrayList<>();
    // The values pushed here are all on the JVM stack, those for the deep part too.
    f.deep().raisedFrom(f.height());
    if (!all) {
      carried.addAll(pushValues(thrown, tag));
    }
    if (kind == CatchKind.CATCH_REF || kind == CatchKind.CATCH_ALL_REF) {
      pushException(thrown);
      f.push(List.of(RefType.EXNREF));
      carried.add(RefType.EXNREF);
    }
    f.branch(f.label(label));
    f.popTypes(carried.size());
    f.deep().settled();
  }

  private void legacyClause(Control c, int tag, Label code, int thrown, Label next) {
    if (tag >= 0) {
      testTag(thrown, tag, next);
    }
    pushException(thrown);
    mv.visitVarInsn(ASTORE, c.exceptionLocal);
    if (tag >= 0) {
      int height = f.height();
      List<ValType> values = pushValues(thrown, tag);
      // The catch's code finds those of the deep part in the frame.
      f.deep().sink(height);
      f.popTypes(values.size());
    }
    mv.visitJumpInsn(GOTO, code);
  }

  /** Jumps to {@code next} unless the exception in local {@code thrown} has tag {@code tag}. */
  private void testTag(int thrown, int tag, Label next) {
    mv.visitVarInsn(ALOAD, thrown);
    Constants.pushInt(mv, tag);
    f.pushInstance();
    mv.visitMethodInsn(
        INVOKESTATIC, EXCEPTIONS, "catches", "(L" + THROWN + ";I" + INSTANCE + ")Z", false);
    mv.visitJumpInsn(IFEQ, next);
  }

  /** Pushes the values of the exception in local {@code thrown}, of tag {@code tag}. */
  private List<ValType> pushValues(int thrown, int tag) {
    List<ValType> types = mc.tagType(tag).params();
    if (types.isEmpty()) {
      return types;
    }
    int base = f.newLocal(1);
    mv.visitVarInsn(ALOAD, f.machineLocal());
    mv.visitVarInsn(ALOAD, thrown);
    mv.visitMethodInsn(
        INVOKESTATIC, EXCEPTIONS, "values", "(" + MACHINE + "L" + THROWN + ";)I", false);
    mv.visitVarInsn(ISTORE, base);
    for (int i = 0; i < types.size(); i++) {
      f.calls().loadResult(types.get(i), base, i);
    }
    f.push(types);
    return types;
  }

  private void pushException(int thrown) {
    mv.visitVarInsn(ALOAD, thrown);
    mv.visitMethodInsn(
        INVOKESTATIC, EXCEPTIONS, "exception", "(L" + THROWN + ";)Ljava/lang/Object;", false);
  }

  /**
   * Ends try {@code c}'s range (code here is unreachable), first placing the stubs of delegates
   * that target it inside, and registers {@code handler} (null: none) for it.
   */
  private void closeRange(Control c, Label handler) {
    placeStubs(c.rangeStubs);
    c.rangeEnd = new Label();
    mv.visitLabel(c.rangeEnd);
    if (handler != null) {
      mv.visitTryCatchBlock(c.rangeStart, c.rangeEnd, handler, THROWN);
    }
  }

  /** Registers {@code handler} for {@code Thrown}s in {@code [start, end)}. */
  void register(Label start, Label end, Label handler) {
    mv.visitTryCatchBlock(start, end, handler, THROWN);
  }

  /**
   * Places delegate stubs: each throws the exception it receives again, from here. Code running
   * past them jumps over.
   */
  void placeStubs(List<Label> stubs) {
    if (stubs.isEmpty()) {
      return;
    }
    Label after = new Label();
    if (!f.isUnreachable()) {
      mv.visitJumpInsn(GOTO, after);
    }
    for (Label stub : stubs) {
      mv.visitLabel(stub);
      mv.visitInsn(ATHROW);
    }
    mv.visitLabel(after);
  }

  /** {@code throw tag}: the values on the stack become a new exception, thrown. */
  void throwTag(int tag) {
    var type = mc.tagType(tag);
    CallEmitter.Arguments values = f.calls().storeArguments(type);
    int base = f.calls().toSlots(type.params(), values, Math.max(1, type.params().size()));
    mv.visitVarInsn(ALOAD, f.machineLocal());
    mv.visitVarInsn(ILOAD, base);
    Constants.pushInt(mv, tag);
    f.pushInstance();
    mv.visitMethodInsn(
        INVOKESTATIC,
        EXCEPTIONS,
        "throwTag",
        "(" + MACHINE + "II" + INSTANCE + ")L" + THROWN + ";",
        false);
    mv.visitInsn(ATHROW);
    f.markUnreachable();
  }

  /** {@code throw_ref}: throws the exception on the stack again (null traps). */
  void throwRef() {
    f.popTypes(1);
    rethrowTop();
  }

  /** Legacy {@code rethrow label}: throws again the exception the catch at {@code label} caught. */
  void rethrow(int label) {
    Control c = f.label(label);
    if (c.kind == Kind.OUTER) {
      // The caught exception is in a JVM local of the method around this piece.
      throw CompilationException.outsideScope("it rethrows, in a piece, what its caller caught");
    }
    mv.visitVarInsn(ALOAD, c.exceptionLocal);
    rethrowTop();
  }

  private void rethrowTop() {
    mv.visitMethodInsn(
        INVOKESTATIC, EXCEPTIONS, "throwRef", "(Ljava/lang/Object;)L" + THROWN + ";", false);
    mv.visitInsn(ATHROW);
    f.markUnreachable();
  }
}

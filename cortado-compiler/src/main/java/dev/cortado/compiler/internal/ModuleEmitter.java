package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IDIV;
import static org.objectweb.asm.Opcodes.IFNULL;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.NEW;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.POP2;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V21;

import dev.cortado.compiler.CompileProgress;
import dev.cortado.runtime.internal.compiled.CompilationException;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.valid.FunctionInfo;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits a module's classes: function classes holding up to {@link
 * ModuleContext#FUNCTIONS_PER_CLASS} compiled functions each as static methods, with a static
 * {@code bridge} that calls one of them through the slot convention, and an entry class
 * implementing {@code CompiledModule} that picks the function class.
 */
final class ModuleEmitter {
  private static final String COMPILED_MODULE =
      "dev/cortado/runtime/internal/compiled/CompiledModule";
  private static final String BRIDGE = "(IL" + JvmTypes.MACHINE + ";L" + JvmTypes.INSTANCE + ";I)V";

  /** Function classes one switch of {@code invoke} picks from: 256 cases take ~4 KB of code. */
  private static final int CLASSES_PER_SWITCH = 256;

  /** Up to this many results, a bridge moves them one by one; more in one call. */
  private static final int COPIED_ONE_BY_ONE = 8;

  private final ModuleContext mc;
  private final CompileProgress progress;
  private final Map<Integer, SplitPlan> plans = new HashMap<>();

  ModuleEmitter(ModuleContext mc, CompileProgress progress) {
    this.mc = mc;
    this.progress = progress;
  }

  /** A function emitted whole came out over the method limit: emit its class again, cut. */
  private static final class Oversized extends RuntimeException {
    Oversized() {
      super(null, null, false, false);
    }
  }

  /** Returns the classes by internal name. */
  Map<String, byte[]> emit() {
    var functions = mc.module.module().functions();
    long total = 0;
    for (var f : functions) {
      total += f.body().code().length();
    }
    while (true) {
      // A function found too large leaves the compiled set; callers emitted before that call it
      // directly, so emit every class again until the set stays the same.
      int compiled = mc.compiled.cardinality();
      Map<String, byte[]> classes = new LinkedHashMap<>();
      long done = 0;
      for (int k = 0; k < mc.functionClassCount(); k++) {
        classes.putAll(functionClass(k, mc.className(k)));
        for (int d = mc.classStart(k); d < mc.classStart(k + 1); d++) {
          done += functions.get(d).body().code().length();
        }
        progress.compiled(done, total);
      }
      if (mc.compiled.cardinality() == compiled) {
        classes.putAll(new DispatchEmitter(mc).emit(ModuleEmitter::writer));
        classes.put(mc.entryClass(), entryClass());
        return classes;
      }
    }
  }

  private static ClassWriter writer() {
    return new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        // Generated code keeps every reference as Object where paths meet.
        return JvmTypes.OBJECT;
      }
    };
  }

  /**
   * Emits function class {@code k}. A function that cannot be compiled (which splitting should make
   * impossible) is left to the interpreter, with a warning, and the class emitted again without it.
   */
  private Map<String, byte[]> functionClass(int k, String name) {
    while (true) {
      try {
        return tryFunctionClass(k, name);
      } catch (Oversized e) {
        // Planned again, measured this time; emit the class once more.
      } catch (CompilationException e) {
        if (failing < 0) {
          throw e;
        }
        if (e.outsideScope()) {
          leaveToInterpreterQuietly(failing, e.getMessage());
        } else {
          leaveToInterpreter(failing, e.getMessage());
        }
      } catch (ClassTooLargeException e) {
        // Its constants overflow the pool: the largest function of the class goes.
        leaveToInterpreter(largest(k), "its class would exceed the JVM's limits");
      } catch (MethodTooLargeException e) {
        String method = e.getMethodName();
        int cut = method.indexOf('_');
        String digits = method.substring(1, cut < 0 ? method.length() : cut);
        if (!method.startsWith("f")
            || digits.isEmpty()
            || !digits.chars().allMatch(Character::isDigit)) {
          throw new CompilationException("generated method " + method + " is too large", e);
        }
        leaveToInterpreter(Integer.parseInt(digits), "its code exceeds a JVM method's 64 KiB");
      }
    }
  }

  /** Returns the compiled function of class {@code k} with the most code. */
  private int largest(int k) {
    List<Function> functions = mc.module.module().functions();
    int best = -1;
    for (int d = mc.classStart(k); d < mc.classStart(k + 1); d++) {
      if (mc.compiled.get(d)
          && (best < 0
              || functions.get(d).body().code().length()
                  > functions.get(best).body().code().length())) {
        best = d;
      }
    }
    if (best < 0) {
      throw new CompilationException("generated class " + mc.className(k) + " is too large");
    }
    return best;
  }

  /** Leaves a function that failed to compile to the interpreter, with a warning. */
  private void leaveToInterpreter(int defined, String reason) {
    leaveToInterpreter(
        defined,
        reason,
        // Only a lowered limit (a testing aid) makes it common.
        FunctionSplitter.LIMIT == MethodLimit.DEFAULT
            ? System.Logger.Level.WARNING
            : System.Logger.Level.DEBUG);
  }

  /** Leaves a function the compiler does not handle by design to the interpreter. */
  private void leaveToInterpreterQuietly(int defined, String reason) {
    leaveToInterpreter(defined, reason, System.Logger.Level.DEBUG);
  }

  private void leaveToInterpreter(int defined, String reason, System.Logger.Level level) {
    System.getLogger(ModuleEmitter.class.getName())
        .log(
            level,
            "function {0} runs in the interpreter: {1}",
            mc.importedFunctions + defined,
            reason);
    mc.compiled.clear(defined);
  }

  // The defined function being emitted, to leave to the interpreter if it cannot be compiled.
  private int failing = -1;

  private Map<String, byte[]> tryFunctionClass(int k, String name) {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    ClassWriter cw = writer();
    cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, JvmTypes.OBJECT, null);
    List<Function> functions = mc.module.module().functions();
    int from = mc.classStart(k);
    int to = mc.classStart(k + 1);
    for (int d = from; d < to; d++) {
      if (!mc.compiled.get(d)) {
        continue;
      }
      failing = d;
      SplitPlan plan = plans.get(d);
      if (plan == null) {
        plan = FunctionSplitter.plan(mc, d, false);
        plans.put(d, plan);
      }
      FuncType type = mc.module.functionType(mc.importedFunctions + d);
      Function function = functions.get(d);
      FunctionInfo info = mc.module.functionInfo(d);
      SizeCounter root =
          new SizeCounter(
              cw.visitMethod(
                  ACC_PUBLIC | ACC_STATIC,
                  ModuleContext.methodOf(d),
                  JvmTypes.descriptor(type),
                  null,
                  null));
      new FunctionEmitter(mc, root, d, type, function, info, plan, null).emit();
      if (root.size() > FunctionSplitter.LIMIT && plan.pieces.isEmpty()) {
        plans.put(d, FunctionSplitter.plan(mc, d, true));
        throw new Oversized();
      }
      // Pieces go in classes of their own, a few dozen each: one function's pieces would fill a
      // class's constant pool (65,535 entries) on their own.
      ClassWriter pw = null;
      String owner = null;
      for (Piece p : plan.pieces) {
        if (p.id % SplitPlan.PIECES_PER_CLASS == 0) {
          if (pw != null) {
            pw.visitEnd();
            classes.put(owner, pw.toByteArray());
          }
          owner = SplitPlan.pieceClass(name, d, p.id);
          pw = writer();
          pw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, owner, null, JvmTypes.OBJECT, null);
        }
        MethodVisitor mv =
            pw.visitMethod(
                ACC_PUBLIC | ACC_STATIC, p.method(d), Frame.PIECE_DESCRIPTOR, null, null);
        new FunctionEmitter(mc, mv, d, type, function, info, plan, p).emit();
      }
      if (pw != null) {
        pw.visitEnd();
        classes.put(owner, pw.toByteArray());
      }
    }
    failing = -1;
    bridge(cw, from, to);
    cw.visitEnd();
    Map<String, byte[]> all = new LinkedHashMap<>();
    all.put(name, cw.toByteArray());
    all.putAll(classes);
    return all;
  }

  /** {@code bridge(index, m, inst, base)}: runs function {@code index} on slot arguments. */
  private void bridge(ClassWriter cw, int from, int to) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "bridge", BRIDGE, null, null);
    mv.visitCode();
    Label[] cases = new Label[to - from];
    for (int i = 0; i < cases.length; i++) {
      cases[i] = new Label();
    }
    Label done = new Label();
    mv.visitVarInsn(ILOAD, 0);
    mv.visitTableSwitchInsn(from, to - 1, done, cases);
    int machine = 1;
    int base = 3;
    int temp = 4;
    for (int d = from; d < to; d++) {
      mv.visitLabel(cases[d - from]);
      if (!mc.compiled.get(d)) {
        mv.visitInsn(RETURN);
        continue;
      }
      FuncType type = mc.module.functionType(mc.importedFunctions + d);
      List<ValType> params = type.params();
      if (JvmTypes.takesArguments(type)) {
        for (int i = 0; i < params.size(); i++) {
          Slots.load(mv, params.get(i), machine, base, i);
        }
      } else {
        mv.visitVarInsn(ILOAD, base); // the function reads its arguments from the slots itself
      }
      // Called from the runtime: one deeper than the compiled function that last called out.
      mv.visitVarInsn(ALOAD, machine);
      mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, "compiledDepth", "I");
      mv.visitInsn(ICONST_1);
      mv.visitInsn(IADD);
      mv.visitVarInsn(ALOAD, machine);
      mv.visitVarInsn(ALOAD, 2);
      mv.visitMethodInsn(
          INVOKESTATIC, mc.classOf(d), ModuleContext.methodOf(d), JvmTypes.descriptor(type), false);
      List<ValType> results = type.results();
      if (mc.pendsTailCalls(d)) {
        // A tail call left pending: its arguments may be where the results would go
        // (Interpreter.finishTailCalls), and the results are its callee's.
        Label made = new Label();
        mv.visitVarInsn(ALOAD, machine);
        mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, "tailCallee", "L" + JvmTypes.FUNCTION + ";");
        mv.visitJumpInsn(IFNULL, made);
        if (JvmTypes.returnsOne(type)) {
          mv.visitInsn(JvmTypes.wide(results.get(0)) ? POP2 : POP);
        }
        mv.visitInsn(RETURN);
        mv.visitLabel(made);
      }
      if (JvmTypes.returnsOne(type)) {
        mv.visitVarInsn(JvmTypes.store(results.get(0)), temp);
        Slots.store(mv, results.get(0), temp, machine, base, 0);
      } else if (!results.isEmpty()) {
        // The callee left them at the machine's top; move them down to base.
        int top = temp;
        mv.visitVarInsn(ALOAD, machine);
        mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, "top", "I");
        mv.visitVarInsn(ISTORE, top);
        if (results.size() <= COPIED_ONE_BY_ONE) {
          for (int i = 0; i < results.size(); i++) {
            Slots.copy(mv, results.get(i), machine, top, base, i);
          }
        } else {
          mv.visitVarInsn(ALOAD, machine);
          mv.visitVarInsn(ILOAD, top);
          mv.visitVarInsn(ILOAD, base);
          Constants.pushInt(mv, results.size());
          mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.MACHINE, "moveSlots", "(III)V", false);
        }
      }
      mv.visitInsn(RETURN);
    }
    mv.visitLabel(done);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private byte[] entryClass() {
    ClassWriter cw = writer();
    String name = mc.entryClass();
    cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, COMPILED_MODULE, null);
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "(Ljava/util/BitSet;)V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitVarInsn(ALOAD, 1);
    init.visitMethodInsn(INVOKESPECIAL, COMPILED_MODULE, "<init>", "(Ljava/util/BitSet;)V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    // The class makes its instance as it is initialized, for CompiledModule.instantiate: no
    // reflective constructor call (and none of the method handle classes HotSpot spins for one).
    MethodVisitor clinit = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
    clinit.visitCode();
    Label otherwise = new Label();
    clinit.visitMethodInsn(
        INVOKESTATIC, COMPILED_MODULE, "defining", "()Ljava/util/BitSet;", false);
    clinit.visitVarInsn(ASTORE, 0);
    clinit.visitVarInsn(ALOAD, 0);
    clinit.visitJumpInsn(IFNULL, otherwise);
    clinit.visitTypeInsn(NEW, name);
    clinit.visitInsn(DUP);
    clinit.visitVarInsn(ALOAD, 0);
    clinit.visitMethodInsn(INVOKESPECIAL, name, "<init>", "(Ljava/util/BitSet;)V", false);
    clinit.visitMethodInsn(
        INVOKESTATIC, COMPILED_MODULE, "made", "(L" + COMPILED_MODULE + ";)V", false);
    clinit.visitLabel(otherwise);
    clinit.visitInsn(RETURN);
    clinit.visitMaxs(0, 0);
    clinit.visitEnd();

    // invoke(index, m, inst, base) picks the function class, through a method per group of
    // classes when there are many, so that every method stays small enough for HotSpot to compile.
    int n = mc.functionClassCount();
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "invoke", BRIDGE, null, null);
    mv.visitCode();
    if (n == 0) {
      mv.visitInsn(RETURN);
    } else if (n <= CLASSES_PER_SWITCH) {
      classSwitch(mv, 0, n, 1);
    } else {
      int groups = (n + CLASSES_PER_SWITCH - 1) / CLASSES_PER_SWITCH;
      Label done = new Label();
      Label[] cases = new Label[groups];
      for (int g = 0; g < groups; g++) {
        cases[g] = new Label();
      }
      pushClassIndex(mv, 1);
      Constants.pushInt(mv, CLASSES_PER_SWITCH);
      mv.visitInsn(IDIV);
      mv.visitTableSwitchInsn(0, groups - 1, done, cases);
      for (int g = 0; g < groups; g++) {
        mv.visitLabel(cases[g]);
        pushBridgeArguments(mv, 1);
        mv.visitMethodInsn(INVOKESTATIC, name, "invoke" + g, BRIDGE, false);
        mv.visitInsn(RETURN);
      }
      mv.visitLabel(done);
      mv.visitInsn(RETURN);
      for (int g = 0; g < groups; g++) {
        MethodVisitor gv =
            cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "invoke" + g, BRIDGE, null, null);
        gv.visitCode();
        int from = g * CLASSES_PER_SWITCH;
        classSwitch(gv, from, Math.min(n, from + CLASSES_PER_SWITCH), 0);
        gv.visitMaxs(0, 0);
        gv.visitEnd();
      }
    }
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  /**
   * Emits a switch from the function index (argument {@code first}, then the machine, instance and
   * base) to the bridges of function classes {@code [from, to)}.
   */
  private void classSwitch(MethodVisitor mv, int from, int to, int first) {
    Label done = new Label();
    Label[] cases = new Label[to - from];
    for (int k = 0; k < cases.length; k++) {
      cases[k] = new Label();
    }
    pushClassIndex(mv, first);
    mv.visitTableSwitchInsn(from, to - 1, done, cases);
    for (int k = from; k < to; k++) {
      mv.visitLabel(cases[k - from]);
      pushBridgeArguments(mv, first);
      mv.visitMethodInsn(INVOKESTATIC, mc.className(k), "bridge", BRIDGE, false);
      mv.visitInsn(RETURN);
    }
    mv.visitLabel(done);
    mv.visitInsn(RETURN);
  }

  /**
   * Pushes the class of the function whose index is argument {@code first} (the arguments end at
   * {@code first + 3}; the next local is free): classes hold runs of functions of varying length,
   * so the class comes from a table (out of range: class 0, whose bridge ignores it).
   */
  private void pushClassIndex(MethodVisitor mv, int first) {
    mv.visitVarInsn(ILOAD, first);
    BranchTables.pushCase(mv, mc.classIndex, 0, first + 4);
  }

  private static void pushBridgeArguments(MethodVisitor mv, int first) {
    mv.visitVarInsn(ILOAD, first);
    mv.visitVarInsn(ALOAD, first + 1);
    mv.visitVarInsn(ALOAD, first + 2);
    mv.visitVarInsn(ILOAD, first + 3);
  }
}

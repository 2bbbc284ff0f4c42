package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.IDIV;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V21;

import dev.cortado.runtime.internal.compiled.CompilationException;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.ValType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits a module's classes: function classes holding {@link ModuleContext#FUNCTIONS_PER_CLASS}
 * compiled functions each as static methods, with a static {@code bridge} that calls one of them
 * through the slot convention, and an entry class implementing {@code CompiledModule} that picks
 * the function class.
 */
final class ModuleEmitter {
  private static final String COMPILED_MODULE =
      "dev/cortado/runtime/internal/compiled/CompiledModule";
  private static final String BRIDGE = "(IL" + JvmTypes.MACHINE + ";L" + JvmTypes.INSTANCE + ";I)V";

  private final ModuleContext mc;

  ModuleEmitter(ModuleContext mc) {
    this.mc = mc;
  }

  /** Returns the classes by internal name. */
  Map<String, byte[]> emit() {
    while (true) {
      // A function found too large leaves the compiled set; callers emitted before that call it
      // directly, so emit every class again until the set stays the same.
      int compiled = mc.compiled.cardinality();
      Map<String, byte[]> classes = new LinkedHashMap<>();
      for (int k = 0; k < mc.functionClassCount(); k++) {
        String name = mc.classOf(k * ModuleContext.FUNCTIONS_PER_CLASS);
        classes.put(name, functionClass(k, name));
      }
      if (mc.compiled.cardinality() == compiled) {
        classes.put(mc.dispatchClass(), new DispatchEmitter(mc).emit(writer()));
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
   * Emits function class {@code k}. A function whose code would exceed the JVM's 64 KiB method
   * limit is left to the interpreter and the class emitted again without it.
   */
  private byte[] functionClass(int k, String name) {
    while (true) {
      try {
        return tryFunctionClass(k, name);
      } catch (MethodTooLargeException e) {
        String method = e.getMethodName();
        if (!method.startsWith("f") || !mc.compiled.get(Integer.parseInt(method.substring(1)))) {
          throw new CompilationException("generated method " + method + " is too large", e);
        }
        int defined = Integer.parseInt(method.substring(1));
        System.getLogger(ModuleEmitter.class.getName())
            .log(
                System.Logger.Level.DEBUG,
                "function {0} exceeds a JVM method's 64 KiB; it runs in the interpreter",
                mc.importedFunctions + defined);
        mc.compiled.clear(defined);
      }
    }
  }

  private byte[] tryFunctionClass(int k, String name) {
    ClassWriter cw = writer();
    cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, JvmTypes.OBJECT, null);
    List<Function> functions = mc.module.module().functions();
    int from = k * ModuleContext.FUNCTIONS_PER_CLASS;
    int to = Math.min(functions.size(), from + ModuleContext.FUNCTIONS_PER_CLASS);
    for (int d = from; d < to; d++) {
      if (!mc.compiled.get(d)) {
        continue;
      }
      FuncType type = mc.module.functionType(mc.importedFunctions + d);
      MethodVisitor mv =
          cw.visitMethod(
              ACC_PUBLIC | ACC_STATIC,
              ModuleContext.methodOf(d),
              JvmTypes.descriptor(type),
              null,
              null);
      try {
        new FunctionEmitter(mc, mv, type, functions.get(d), mc.module.functionInfo(d)).emit();
      } catch (CompilationException e) {
        throw new CompilationException(
            "function " + (mc.importedFunctions + d) + ": " + e.getMessage(), e);
      }
    }
    bridge(cw, from, to);
    cw.visitEnd();
    return cw.toByteArray();
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
      for (int i = 0; i < params.size(); i++) {
        Slots.load(mv, params.get(i), machine, base, i);
      }
      mv.visitVarInsn(ALOAD, machine);
      mv.visitVarInsn(ALOAD, 2);
      mv.visitMethodInsn(
          INVOKESTATIC, mc.classOf(d), ModuleContext.methodOf(d), JvmTypes.descriptor(type), false);
      List<ValType> results = type.results();
      if (JvmTypes.returnsOne(type)) {
        mv.visitVarInsn(JvmTypes.store(results.get(0)), temp);
        Slots.store(mv, results.get(0), temp, machine, base, 0);
      } else if (!results.isEmpty()) {
        // The callee left them at the machine's top; move them down to base.
        int top = temp;
        mv.visitVarInsn(ALOAD, machine);
        mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, "top", "I");
        mv.visitVarInsn(ISTORE, top);
        for (int i = 0; i < results.size(); i++) {
          Slots.copy(mv, results.get(i), machine, top, base, i);
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

    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "invoke", BRIDGE, null, null);
    mv.visitCode();
    int n = mc.functionClassCount();
    Label done = new Label();
    if (n > 0) {
      Label[] cases = new Label[n];
      for (int k = 0; k < n; k++) {
        cases[k] = new Label();
      }
      mv.visitVarInsn(ILOAD, 1);
      Constants.pushInt(mv, ModuleContext.FUNCTIONS_PER_CLASS);
      mv.visitInsn(IDIV);
      mv.visitTableSwitchInsn(0, n - 1, done, cases);
      for (int k = 0; k < n; k++) {
        mv.visitLabel(cases[k]);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitVarInsn(ALOAD, 3);
        mv.visitVarInsn(ILOAD, 4);
        mv.visitMethodInsn(
            INVOKESTATIC,
            mc.classOf(k * ModuleContext.FUNCTIONS_PER_CLASS),
            "bridge",
            BRIDGE,
            false);
        mv.visitInsn(RETURN);
      }
    }
    mv.visitLabel(done);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }
}

package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.NEW;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V21;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The dispatch class: for each function type that {@code call_indirect} uses, a method taking the
 * call's arguments and the callee's defined index that switches to the compiled function. Types
 * with many functions get a method per part of them and methods that search for the part, so every
 * method stays small enough for HotSpot to compile.
 */
final class DispatchEmitter {
  static final int GROUP = 256;

  private final ModuleContext mc;

  DispatchEmitter(ModuleContext mc) {
    this.mc = mc;
  }

  /** Returns the descriptor of a dispatch method for {@code type}. */
  static String descriptor(FuncType type) {
    String call = JvmTypes.descriptor(type);
    int close = call.indexOf(')');
    int machine = call.indexOf("L" + JvmTypes.MACHINE);
    return call.substring(0, machine)
        + "I"
        + call.substring(machine, close)
        + call.substring(close);
  }

  byte[] emit(ClassWriter cw) {
    cw.visit(
        V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, mc.dispatchClass(), null, JvmTypes.OBJECT, null);
    for (Map.Entry<FuncType, String> e : mc.dispatchMethods().entrySet()) {
      FuncType type = e.getKey();
      List<Integer> targets = mc.compiledFunctionsOf(type);
      dispatch(cw, e.getValue(), type, targets);
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  /**
   * Emits dispatch method {@code name} over {@code targets}: one switch if they fit a method that
   * HotSpot compiles, else a binary search over methods for parts of them, recursively.
   */
  private void dispatch(ClassWriter cw, String name, FuncType type, List<Integer> targets) {
    // A case loads the arguments and calls: about 2 bytes per argument slot and 16 more.
    int perCase = 16 + 2 * loadIndexSlot(type);
    int most = Math.max(2, Math.min(GROUP, FunctionSplitter.LIMIT / perCase));
    if (targets.size() <= most) {
      switchMethod(cw, name, type, targets);
      return;
    }
    int parts = Math.min(most, (targets.size() + most - 1) / most);
    int per = (targets.size() + parts - 1) / parts;
    List<Integer> lastOfPart = new ArrayList<>();
    for (int g = 0; g * per < targets.size(); g++) {
      List<Integer> part = targets.subList(g * per, Math.min(targets.size(), (g + 1) * per));
      dispatch(cw, name + "_" + g, type, part);
      lastOfPart.add(part.get(part.size() - 1));
    }
    groupMethod(cw, name, type, lastOfPart);
  }

  /** Loads the call's arguments, the dispatch method's first parameters. */
  private static void loadArguments(MethodVisitor mv, FuncType type) {
    int slot = 0;
    for (ValType p : type.params()) {
      if (p == ValType.V128) {
        mv.visitVarInsn(LLOAD, slot);
        mv.visitVarInsn(LLOAD, slot + 2);
      } else {
        mv.visitVarInsn(JvmTypes.load(p), slot);
      }
      slot += JvmTypes.argumentSlots(p);
    }
  }

  private void switchMethod(ClassWriter cw, String name, FuncType type, List<Integer> targets) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, name, descriptor(type), null, null);
    mv.visitCode();
    int index = loadIndexSlot(type);
    int[] keys = targets.stream().mapToInt(Integer::intValue).toArray();
    Label[] cases = new Label[keys.length];
    for (int i = 0; i < keys.length; i++) {
      cases[i] = new Label();
    }
    Label none = new Label();
    mv.visitVarInsn(ILOAD, index);
    mv.visitLookupSwitchInsn(none, keys, cases);
    for (int i = 0; i < keys.length; i++) {
      mv.visitLabel(cases[i]);
      loadArguments(mv, type);
      mv.visitVarInsn(ALOAD, index + 1);
      mv.visitVarInsn(ALOAD, index + 2);
      mv.visitMethodInsn(
          INVOKESTATIC,
          mc.classOf(keys[i]),
          ModuleContext.methodOf(keys[i]),
          JvmTypes.descriptor(type),
          false);
      returnResult(mv, type);
    }
    mv.visitLabel(none);
    unreachable(mv);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private void groupMethod(ClassWriter cw, String name, FuncType type, List<Integer> lastOfPart) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, name, descriptor(type), null, null);
    mv.visitCode();
    search(mv, name, type, lastOfPart, 0, lastOfPart.size());
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Emits a binary search for the part of {@code [from, to)} holding the index, and its call. */
  private void search(
      MethodVisitor mv, String name, FuncType type, List<Integer> lastOfPart, int from, int to) {
    int index = loadIndexSlot(type);
    if (to - from == 1) {
      loadArguments(mv, type);
      mv.visitVarInsn(ILOAD, index);
      mv.visitVarInsn(ALOAD, index + 1);
      mv.visitVarInsn(ALOAD, index + 2);
      mv.visitMethodInsn(
          INVOKESTATIC, mc.dispatchClass(), name + "_" + from, descriptor(type), false);
      returnResult(mv, type);
      return;
    }
    int mid = (from + to) / 2;
    Label upper = new Label();
    mv.visitVarInsn(ILOAD, index);
    Constants.pushInt(mv, lastOfPart.get(mid - 1));
    mv.visitJumpInsn(IF_ICMPGT, upper);
    search(mv, name, type, lastOfPart, from, mid);
    mv.visitLabel(upper);
    search(mv, name, type, lastOfPart, mid, to);
  }

  private static int loadIndexSlot(FuncType type) {
    int slot = 0;
    for (ValType p : type.params()) {
      slot += JvmTypes.argumentSlots(p);
    }
    return slot;
  }

  private static void returnResult(MethodVisitor mv, FuncType type) {
    mv.visitInsn(JvmTypes.returnsOne(type) ? JvmTypes.ret(type.results().get(0)) : RETURN);
  }

  /** The caller checked the callee's type and that it is compiled: no other index can come. */
  private static void unreachable(MethodVisitor mv) {
    mv.visitTypeInsn(NEW, "java/lang/IllegalStateException");
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V", false);
    mv.visitInsn(ATHROW);
  }
}

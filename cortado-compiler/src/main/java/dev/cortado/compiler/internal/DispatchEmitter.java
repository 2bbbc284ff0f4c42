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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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

  /** Calls from one class of switches: a few constant pool entries each, far below 65,535. */
  private static final int CALLS_PER_CLASS = 4_096;

  private final ModuleContext mc;

  DispatchEmitter(ModuleContext mc) {
    this.mc = mc;
  }

  /** Returns the descriptor of a dispatch method for {@code type}. */
  static String descriptor(FuncType type) {
    // The callee's index, before the depth (the 'I' just before the machine).
    String call = JvmTypes.descriptor(type);
    int depth = call.indexOf("IL" + JvmTypes.MACHINE);
    return call.substring(0, depth) + "I" + call.substring(depth);
  }

  /**
   * Emits the dispatch classes: the main one, whose method per type {@code CallEmitter} calls, and
   * the classes holding the switches, a bounded number of calls each so that no constant pool
   * overflows (a module with 40,000 functions in its tables references each from here).
   */
  Map<String, byte[]> emit(Supplier<ClassWriter> writers) {
    this.writers = writers;
    ClassWriter main = writers.get();
    main.visit(
        V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, mc.dispatchClass(), null, JvmTypes.OBJECT, null);
    for (Map.Entry<FuncType, String> e : mc.dispatchMethods().entrySet()) {
      FuncType type = e.getKey();
      String name = e.getValue();
      String owner = dispatch(name + "_", type, mc.compiledFunctionsOf(type));
      forward(main, name, type, owner);
    }
    main.visitEnd();
    finishPart();
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(mc.dispatchClass(), main.toByteArray());
    out.putAll(parts);
    return out;
  }

  private Supplier<ClassWriter> writers;
  private final Map<String, byte[]> parts = new LinkedHashMap<>();
  private ClassWriter part;
  private String partName;
  private int partCalls;

  /** Returns the class to put a method making {@code calls} calls in, starting one if full. */
  private ClassWriter part(int calls) {
    if (part == null || partCalls + calls > CALLS_PER_CLASS) {
      finishPart();
      partName = mc.dispatchClass() + parts.size();
      part = writers.get();
      part.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, partName, null, JvmTypes.OBJECT, null);
      partCalls = 0;
    }
    partCalls += calls;
    return part;
  }

  private void finishPart() {
    if (part != null) {
      part.visitEnd();
      parts.put(partName, part.toByteArray());
      part = null;
    }
  }

  /** Emits {@code name} in the main class, passing its arguments on to {@code owner.name_}. */
  private void forward(ClassWriter main, String name, FuncType type, String owner) {
    MethodVisitor mv =
        main.visitMethod(ACC_PUBLIC | ACC_STATIC, name, descriptor(type), null, null);
    mv.visitCode();
    int index = loadIndexSlot(type);
    loadArguments(mv, type);
    mv.visitVarInsn(ILOAD, index);
    loadContext(mv, index);
    mv.visitMethodInsn(INVOKESTATIC, owner, name + "_", descriptor(type), false);
    returnResult(mv, type);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /**
   * Emits dispatch method {@code name} over {@code targets}: one switch if they fit a method that
   * HotSpot compiles, else a binary search over methods for parts of them, recursively; returns the
   * class it is in.
   */
  private String dispatch(String name, FuncType type, List<Integer> targets) {
    // A case loads the arguments and calls: about 2 bytes per argument slot and 16 more.
    int perCase = 16 + 2 * loadIndexSlot(type);
    int most = Math.max(2, Math.min(GROUP, FunctionSplitter.LIMIT / perCase));
    if (targets.size() <= most) {
      switchMethod(part(targets.size()), name, type, targets);
      return partName;
    }
    int count = Math.min(most, (targets.size() + most - 1) / most);
    int per = (targets.size() + count - 1) / count;
    List<Integer> lastOfPart = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    for (int g = 0; g * per < targets.size(); g++) {
      List<Integer> sub = targets.subList(g * per, Math.min(targets.size(), (g + 1) * per));
      owners.add(dispatch(name + g + "_", type, sub));
      lastOfPart.add(sub.get(sub.size() - 1));
    }
    groupMethod(part(owners.size()), name, type, lastOfPart, owners);
    return partName;
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
      loadContext(mv, index);
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

  private void groupMethod(
      ClassWriter cw, String name, FuncType type, List<Integer> lastOfPart, List<String> owners) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, name, descriptor(type), null, null);
    mv.visitCode();
    search(mv, name, type, lastOfPart, owners, 0, lastOfPart.size());
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Emits a binary search for the part of {@code [from, to)} holding the index, and its call. */
  private void search(
      MethodVisitor mv,
      String name,
      FuncType type,
      List<Integer> lastOfPart,
      List<String> owners,
      int from,
      int to) {
    int index = loadIndexSlot(type);
    if (to - from == 1) {
      loadArguments(mv, type);
      mv.visitVarInsn(ILOAD, index);
      loadContext(mv, index);
      mv.visitMethodInsn(
          INVOKESTATIC, owners.get(from), name + from + "_", descriptor(type), false);
      returnResult(mv, type);
      return;
    }
    int mid = (from + to) / 2;
    Label upper = new Label();
    mv.visitVarInsn(ILOAD, index);
    Constants.pushInt(mv, lastOfPart.get(mid - 1));
    mv.visitJumpInsn(IF_ICMPGT, upper);
    search(mv, name, type, lastOfPart, owners, from, mid);
    mv.visitLabel(upper);
    search(mv, name, type, lastOfPart, owners, mid, to);
  }

  /** Loads the parameters after the index: the depth, the machine and the instance. */
  private static void loadContext(MethodVisitor mv, int index) {
    mv.visitVarInsn(ILOAD, index + 1);
    mv.visitVarInsn(ALOAD, index + 2);
    mv.visitVarInsn(ALOAD, index + 3);
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

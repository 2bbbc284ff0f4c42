package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.AASTORE;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LASTORE;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.T_LONG;

import dev.cortado.wasm.ValType;
import java.util.List;
import org.objectweb.asm.MethodVisitor;

/**
 * A function's vector register file: v128 values never sit on the JVM operand stack (a vector
 * operation would have to return two longs); they live in two {@code long[]} arrays, low and high
 * halves, allocated once per call of a function that uses vectors. Each v128 local has its own
 * register and operand stack entry {@code p} always lives in register {@code locals + p}, so the
 * emitter knows every vector's register while compiling and vector entries take no JVM stack slot.
 * Branches move the vectors they carry to the target's positions ({@link #moveCarried}).
 */
final class VectorRegisters {
  /** The machine's slot arrays and a global's fields holding the low and the high half. */
  private static final String[] SLOT_ARRAYS = {"lo", "hi"};

  private static final String[] GLOBAL_FIELDS = {"value", "high"};

  /** Above this many vectors, a branch moves those it carries in one copy per half. */
  private static final int BULK_FROM = 2;

  private final MethodVisitor mv;
  private final int loLocal;
  private final int hiLocal;
  private final int[] localRegister;
  private final int vectorLocals;
  private final int size;
  // The operand stack position this method's entries start at: a piece's, in its function.
  private final int stackBase;

  /**
   * Lays out the registers of a function with {@code locals} (parameters first) and an operand
   * stack up to {@code maxStackHeight}, its arrays in JVM locals {@code loLocal} and {@code loLocal
   * + 1}, for a method whose operand stack starts at position {@code stackBase} of the function's
   * (not 0 in a piece of a function cut into several methods, which share the registers).
   */
  VectorRegisters(
      MethodVisitor mv, List<ValType> locals, int maxStackHeight, int loLocal, int stackBase) {
    this.mv = mv;
    this.stackBase = stackBase;
    this.loLocal = loLocal;
    this.hiLocal = loLocal + 1;
    this.localRegister = new int[locals.size()];
    int next = 0;
    for (int i = 0; i < locals.size(); i++) {
      localRegister[i] = locals.get(i) == ValType.V128 ? next++ : -1;
    }
    this.vectorLocals = next;
    this.size = next + maxStackHeight;
  }

  /**
   * Allocates the arrays and copies the v128 parameters (each two longs, low half first, from JVM
   * local {@code paramSlot[i]}) to their registers; declared v128 locals start as zero, like the
   * fresh arrays.
   */
  void allocate(List<ValType> params, int[] paramSlot) {
    for (int half = 0; half < 2; half++) {
      Constants.pushInt(mv, Math.max(1, size));
      mv.visitIntInsn(NEWARRAY, T_LONG);
      mv.visitVarInsn(ASTORE, array(half));
    }
    for (int i = 0; i < params.size(); i++) {
      for (int half = 0; params.get(i) == ValType.V128 && half < 2; half++) {
        element(half, localRegister[i]);
        mv.visitVarInsn(LLOAD, paramSlot[i] + 2 * half);
        mv.visitInsn(LASTORE);
      }
    }
  }

  private int array(int half) {
    return half == 0 ? loLocal : hiLocal;
  }

  /** Pushes the array of {@code half} (0 low, 1 high) and the index {@code register}. */
  private void element(int half, int register) {
    mv.visitVarInsn(ALOAD, array(half));
    Constants.pushInt(mv, register);
  }

  /** Returns the register of v128 local {@code index}. */
  int local(int index) {
    return localRegister[index];
  }

  /** Returns the register of operand stack entry {@code position}. */
  int stack(int position) {
    return vectorLocals + stackBase + position;
  }

  /** Stores the arrays in the frame's reference array (in JVM local {@code refs}) at {@code at}. */
  void share(int refs, int at) {
    for (int half = 0; half < 2; half++) {
      mv.visitVarInsn(ALOAD, refs);
      Constants.pushInt(mv, at + half);
      mv.visitVarInsn(ALOAD, array(half));
      mv.visitInsn(AASTORE);
    }
  }

  /** Takes the arrays the function's root method {@link #share shared}: a piece's prologue. */
  void take(int refs, int at) {
    for (int half = 0; half < 2; half++) {
      mv.visitVarInsn(ALOAD, refs);
      Constants.pushInt(mv, at + half);
      mv.visitInsn(AALOAD);
      mv.visitTypeInsn(CHECKCAST, "[J");
      mv.visitVarInsn(ASTORE, array(half));
    }
  }

  /** Pushes the two arrays, the first arguments of every {@code Simd*} numerics method. */
  void pushArrays() {
    mv.visitVarInsn(ALOAD, loLocal);
    mv.visitVarInsn(ALOAD, hiLocal);
  }

  /** Copies register {@code from} to register {@code to}. */
  void copy(int from, int to) {
    for (int half = 0; from != to && half < 2; half++) {
      element(half, to);
      element(half, from);
      mv.visitInsn(LALOAD);
      mv.visitInsn(LASTORE);
    }
  }

  /** Writes the constant {@code (lo, hi)} to register {@code register}. */
  void constant(int register, long lo, long hi) {
    for (int half = 0; half < 2; half++) {
      element(half, register);
      Constants.pushLong(mv, half == 0 ? lo : hi);
      mv.visitInsn(LASTORE);
    }
  }

  /** Pushes register {@code register} as two longs, low half first: a v128 argument. */
  void pushHalves(int register) {
    for (int half = 0; half < 2; half++) {
      element(half, register);
      mv.visitInsn(LALOAD);
    }
  }

  /**
   * Moves the v128 values among the {@code count} operand stack entries from {@code from} to the
   * entries from {@code to}, where a branch expects them ({@code to <= from}, so ascending order
   * never overwrites an entry still to be moved).
   */
  void moveCarried(List<ValType> stack, int from, int to, int count) {
    int first = -1;
    int last = -1;
    int vectors = 0;
    for (int i = 0; i < count; i++) {
      if (stack.get(from + i) == ValType.V128) {
        first = first < 0 ? i : first;
        last = i;
        vectors++;
      }
    }
    if (vectors <= BULK_FROM || from == to) {
      for (int i = first; i >= 0 && i <= last; i++) {
        if (stack.get(from + i) == ValType.V128) {
          copy(stack(from + i), stack(to + i));
        }
      }
      return;
    }
    // Many vectors: one copy of the registers from the first to the last, whatever lies between
    // (the registers of entries that are not vectors hold nothing).
    for (int half = 0; half < 2; half++) {
      element(half, stack(from + first));
      element(half, stack(to + first));
      Constants.pushInt(mv, last - first + 1);
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy", JvmTypes.ARRAYCOPY, false);
    }
  }

  /** Copies register {@code register} to machine slot {@code base + i} (base in an int local). */
  void toSlot(int register, int machineLocal, int baseLocal, int i) {
    for (int half = 0; half < 2; half++) {
      slot(half, machineLocal, baseLocal, i);
      element(half, register);
      mv.visitInsn(LALOAD);
      mv.visitInsn(LASTORE);
    }
  }

  /** Copies machine slot {@code base + i} (base in an int local) to register {@code register}. */
  void fromSlot(int register, int machineLocal, int baseLocal, int i) {
    for (int half = 0; half < 2; half++) {
      element(half, register);
      slot(half, machineLocal, baseLocal, i);
      mv.visitInsn(LALOAD);
      mv.visitInsn(LASTORE);
    }
  }

  /** Pushes the machine's array of {@code half} ({@code lo} or {@code hi}) and the slot index. */
  private void slot(int half, int machineLocal, int baseLocal, int i) {
    mv.visitVarInsn(ALOAD, machineLocal);
    mv.visitFieldInsn(GETFIELD, JvmTypes.MACHINE, SLOT_ARRAYS[half], "[J");
    Slots.index(mv, baseLocal, i);
  }

  /** Copies v128 global {@code index} to {@code register}. */
  void globalGet(FunctionEmitter f, int index, int register) {
    for (int half = 0; half < 2; half++) {
      element(half, register);
      f.pushGlobal(index);
      mv.visitFieldInsn(GETFIELD, JvmTypes.GLOBAL, GLOBAL_FIELDS[half], "J");
      mv.visitInsn(LASTORE);
    }
  }

  /** Copies {@code register} to v128 global {@code index}. */
  void globalSet(FunctionEmitter f, int index, int register) {
    for (int half = 0; half < 2; half++) {
      f.pushGlobal(index);
      element(half, register);
      mv.visitInsn(LALOAD);
      mv.visitFieldInsn(PUTFIELD, JvmTypes.GLOBAL, GLOBAL_FIELDS[half], "J");
    }
  }
}

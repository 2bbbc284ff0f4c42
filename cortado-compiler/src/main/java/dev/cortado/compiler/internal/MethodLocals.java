package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.LSTORE;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.MethodVisitor;

/**
 * Where a generated method keeps things in its JVM locals: the WebAssembly locals it holds in
 * registers, the call depth, the machine, the instance, the frame arrays shared by a function's
 * methods, the memory, the vector registers, then temporaries. A function's root method takes its
 * parameters first (or, when they overflow the JVM's 255 parameter slots, where they start in the
 * machine's slots); a piece takes its frame arrays first.
 */
final class MethodLocals {
  /** JVM local of each WebAssembly local kept in one; -1 for those in the frame. */
  final int[] localSlot;

  /** The local holding where the arguments start in the machine's slots, or -1. */
  final int argsBase;

  /** The function's call depth (see {@code Support.enter}), which a piece is given too. */
  final int depth;

  final int machine;
  final int instance;
  final int frameNumbers;
  final int frameRefs;
  final int memory;
  final int memorySize;
  final int code;

  /** The first local after the fixed ones: two for the vector register file, then temporaries. */
  final int vectors;

  /**
   * Lays out the root method ({@code piece} false) or a piece of a function of {@code type} with
   * {@code locals}, keeping in JVM locals its first {@code params} parameters (none for a piece;
   * see {@link SplitPlan#rootParams}) and the locals in {@code registers}.
   */
  MethodLocals(FuncType type, List<ValType> locals, BitSet registers, boolean piece, int params) {
    localSlot = new int[locals.size()];
    Arrays.fill(localSlot, -1);
    boolean inSlots = !piece && !JvmTypes.takesArguments(type);
    int slot = 0;
    argsBase = inSlots ? slot++ : -1;
    if (!piece && !inSlots) {
      slot = parameters(locals, params, slot);
    }
    if (piece) {
      frameNumbers = slot++;
      frameRefs = slot++;
      depth = slot++;
      machine = slot++;
      instance = slot++;
    } else {
      depth = slot++;
      machine = slot++;
      instance = slot++;
      frameNumbers = slot++;
      frameRefs = slot++;
    }
    if (inSlots) {
      // The prologue moves them from the machine's slots to locals of their own.
      slot = parameters(locals, params, slot);
    }
    for (int i = registers.nextSetBit(params); i >= 0; i = registers.nextSetBit(i + 1)) {
      localSlot[i] = slot;
      slot += JvmTypes.wide(locals.get(i)) ? 2 : 1;
    }
    memory = slot++;
    memorySize = slot++;
    code = slot++;
    vectors = slot;
  }

  private int parameters(List<ValType> locals, int params, int slot) {
    for (int i = 0; i < params; i++) {
      localSlot[i] = slot;
      slot += JvmTypes.argumentSlots(locals.get(i));
    }
    return slot;
  }

  /** Moves the parameters from the machine's slots to their locals, if they come that way. */
  void loadArgumentsFromSlots(MethodVisitor mv, List<ValType> params) {
    if (argsBase < 0) {
      return;
    }
    for (int i = 0; i < params.size(); i++) {
      ValType t = params.get(i);
      Slots.load(mv, t, machine, argsBase, i);
      if (t == ValType.V128) {
        mv.visitVarInsn(LSTORE, localSlot[i] + 2); // the high half, pushed last
        mv.visitVarInsn(LSTORE, localSlot[i]);
      } else {
        mv.visitVarInsn(JvmTypes.store(t), localSlot[i]);
      }
    }
  }
}

package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.I2L;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import dev.cortado.wasm.NumType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.AddressOperands;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.List;
import org.objectweb.asm.MethodVisitor;

/**
 * Memory, table and segment instructions. Loads and stores call one small {@code MemoryAccess}
 * method each (address first, as on the stack), which HotSpot inlines; the rest call {@code
 * Support}, shared in meaning with the interpreter's store objects. Memory 0 lives in the method's
 * locals; another memory (multi-memory) is fetched at each access. The i64 addresses, indexes and
 * counts of a 64-bit memory or table are clamped to u32s first ({@link AddressOperands}), so the
 * 32-bit code serves both.
 */
final class MemoryEmitter {
  private static final String INST = "L" + JvmTypes.INSTANCE + ";";
  private static final String OBJ = "Ljava/lang/Object;";

  private final FunctionEmitter f;
  private final MethodVisitor mv;

  MemoryEmitter(FunctionEmitter f) {
    this.f = f;
    this.mv = f.mv();
  }

  /** Emits {@code op} if it belongs to this family; returns false if it does not. */
  boolean emit(Opcode op, InstructionReader r) {
    int wide =
        AddressOperands.of(op, r, f.moduleContext()::memoryIs64, f.moduleContext()::tableIs64);
    if (wide != 0) {
      clampWide(wide);
    }
    switch (op) {
      case I32_LOAD -> load(r, "i32Load", "I", NumType.I32);
      case I64_LOAD -> load(r, "i64Load", "J", NumType.I64);
      case F32_LOAD -> load(r, "f32Load", "F", NumType.F32);
      case F64_LOAD -> load(r, "f64Load", "D", NumType.F64);
      case I32_LOAD8_S -> load(r, "i32Load8S", "I", NumType.I32);
      case I32_LOAD8_U -> load(r, "i32Load8U", "I", NumType.I32);
      case I32_LOAD16_S -> load(r, "i32Load16S", "I", NumType.I32);
      case I32_LOAD16_U -> load(r, "i32Load16U", "I", NumType.I32);
      case I64_LOAD8_S -> load(r, "i64Load8S", "J", NumType.I64);
      case I64_LOAD8_U -> load(r, "i64Load8U", "J", NumType.I64);
      case I64_LOAD16_S -> load(r, "i64Load16S", "J", NumType.I64);
      case I64_LOAD16_U -> load(r, "i64Load16U", "J", NumType.I64);
      case I64_LOAD32_S -> load(r, "i64Load32S", "J", NumType.I64);
      case I64_LOAD32_U -> load(r, "i64Load32U", "J", NumType.I64);
      case I32_STORE -> store(r, "i32Store", "I");
      case I64_STORE -> store(r, "i64Store", "J");
      case F32_STORE -> store(r, "f32Store", "F");
      case F64_STORE -> store(r, "f64Store", "D");
      case I32_STORE8 -> store(r, "i32Store8", "I");
      case I32_STORE16 -> store(r, "i32Store16", "I");
      case I64_STORE8 -> store(r, "i64Store8", "J");
      case I64_STORE16 -> store(r, "i64Store16", "J");
      case I64_STORE32 -> store(r, "i64Store32", "J");
      case MEMORY_SIZE -> {
        Constants.pushInt(mv, r.index());
        f.pushInstance();
        f.support("memoryPages", "(I" + INST + ")I");
        result(f.moduleContext().memoryIs64(r.index()), 0);
      }
      case MEMORY_GROW -> {
        Constants.pushInt(mv, r.index());
        f.pushInstance();
        f.support("memoryGrow", "(II" + INST + ")I");
        result(f.moduleContext().memoryIs64(r.index()), 1);
        f.reloadMemory();
      }
      case MEMORY_FILL -> {
        Constants.pushInt(mv, r.index());
        call("memoryFill", "(IIII" + INST + ")V", 3);
      }
      case MEMORY_COPY -> {
        Constants.pushInt(mv, r.index());
        Constants.pushInt(mv, r.index2());
        call("memoryCopy", "(IIIII" + INST + ")V", 3);
      }
      case MEMORY_INIT -> {
        Constants.pushInt(mv, r.index());
        Constants.pushInt(mv, r.index2());
        call("memoryInit", "(IIIII" + INST + ")V", 3);
      }
      case DATA_DROP -> {
        Constants.pushInt(mv, r.index());
        call("dataDrop", "(I" + INST + ")V", 0);
      }
      case ELEM_DROP -> {
        Constants.pushInt(mv, r.index());
        call("elemDrop", "(I" + INST + ")V", 0);
      }
      case TABLE_GET -> {
        Constants.pushInt(mv, r.index());
        f.pushInstance();
        f.support("tableGet", "(II" + INST + ")" + OBJ);
        f.effect(1, List.of(elementType(r.index())));
      }
      case TABLE_SET -> {
        Constants.pushInt(mv, r.index());
        call("tableSet", "(I" + OBJ + "I" + INST + ")V", 2);
      }
      case TABLE_SIZE -> {
        Constants.pushInt(mv, r.index());
        f.pushInstance();
        f.support("tableSize", "(I" + INST + ")I");
        result(f.moduleContext().tableIs64(r.index()), 0);
      }
      case TABLE_GROW -> {
        Constants.pushInt(mv, r.index());
        f.pushInstance();
        f.support("tableGrow", "(" + OBJ + "II" + INST + ")I");
        result(f.moduleContext().tableIs64(r.index()), 2);
      }
      case TABLE_FILL -> {
        Constants.pushInt(mv, r.index());
        call("tableFill", "(I" + OBJ + "II" + INST + ")V", 3);
      }
      case TABLE_COPY -> {
        Constants.pushInt(mv, r.index());
        Constants.pushInt(mv, r.index2());
        call("tableCopy", "(IIIII" + INST + ")V", 3);
      }
      case TABLE_INIT -> {
        Constants.pushInt(mv, r.index2());
        Constants.pushInt(mv, r.index());
        call("tableInit", "(IIIII" + INST + ")V", 3);
      }
      default -> {
        if (!op.isAtomic()) {
          return false;
        }
        AtomicEmitter.emit(f, op, r);
      }
    }
    return true;
  }

  private ValType elementType(int table) {
    RefType t = f.moduleContext().module.tableType(table).elementType();
    return t;
  }

  private void load(InstructionReader r, String name, String type, ValType result) {
    Constants.pushInt(mv, AddressOperands.offset(r));
    pushMemory(f, r.memoryIndex());
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MEMORY_ACCESS, name, "(II[BI)" + type, false);
    f.effect(1, List.of(result));
  }

  private void store(InstructionReader r, String name, String type) {
    Constants.pushInt(mv, AddressOperands.offset(r));
    pushMemory(f, r.memoryIndex());
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MEMORY_ACCESS, name, "(I" + type + "I[BI)V", false);
    f.effect(2, List.of());
  }

  /**
   * Pushes memory {@code k}'s array and size: memory 0's from the method's locals, another's
   * (multi-memory) from the instance.
   */
  static void pushMemory(FunctionEmitter f, int k) {
    if (k == 0) {
      f.pushMemory();
      return;
    }
    Constants.pushInt(f.mv(), k);
    f.pushInstance();
    f.support("memoryOf", "(I" + INST + ")[B");
    // The size as far as that array holds it: accesses are checked against it alone.
    f.mv().visitInsn(DUP);
    Constants.pushInt(f.mv(), k);
    f.pushInstance();
    f.support("memorySizeOf", "([BI" + INST + ")I");
  }

  /** Narrows the top of the JVM stack, an i64 address, to a u32. */
  static void clampTop(MethodVisitor mv) {
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MEMORY_ACCESS, "clampU32", "(J)I", false);
  }

  /**
   * Clamps the operands {@link AddressOperands#of} marks as wide: those above the deepest one wait
   * in temporaries meanwhile.
   */
  private void clampWide(int wide) {
    int arity = AddressOperands.arity(wide);
    int deepest = Integer.numberOfTrailingZeros(wide);
    int[] temps = new int[arity];
    ValType[] types = new ValType[arity];
    for (int k = arity - 1; k >= deepest; k--) {
      ValType t = f.top(arity - 1 - k);
      if (AddressOperands.isWide(wide, k)) {
        clampTop(mv);
        t = NumType.I32;
      }
      if (k > deepest) {
        types[k] = t;
        temps[k] = f.temp(t);
        mv.visitVarInsn(JvmTypes.store(t), temps[k]);
      }
    }
    for (int k = deepest + 1; k < arity; k++) {
      mv.visitVarInsn(JvmTypes.load(types[k]), temps[k]);
    }
  }

  /**
   * Records a size or grow result after {@code operands} operands: the int {@code Support}
   * returned, widened for a 64-bit memory or table (a size, or -1, has the same value in both).
   */
  private void result(boolean is64, int operands) {
    if (is64) {
      mv.visitInsn(I2L);
    }
    f.effect(operands, List.of(is64 ? NumType.I64 : NumType.I32));
  }

  private void call(String name, String descriptor, int operands) {
    f.pushInstance();
    f.support(name, descriptor);
    f.effect(operands, List.of());
  }
}

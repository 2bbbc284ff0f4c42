package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import dev.cortado.wasm.NumType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.List;
import org.objectweb.asm.MethodVisitor;

/**
 * Memory, table and segment instructions. Loads and stores call one small {@code MemoryAccess}
 * method each (address first, as on the stack), which HotSpot inlines; the rest call {@code
 * Support}, shared in meaning with the interpreter's store objects.
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
        f.pushInstance();
        f.support("memoryPages", "(" + INST + ")I");
        f.effect(0, List.of(NumType.I32));
      }
      case MEMORY_GROW -> {
        f.pushInstance();
        f.support("memoryGrow", "(I" + INST + ")I");
        f.effect(1, List.of(NumType.I32));
        f.reloadMemory();
      }
      case MEMORY_FILL -> call("memoryFill", "(III" + INST + ")V", 3);
      case MEMORY_COPY -> call("memoryCopy", "(III" + INST + ")V", 3);
      case MEMORY_INIT -> {
        Constants.pushInt(mv, r.index());
        call("memoryInit", "(IIII" + INST + ")V", 3);
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
        f.effect(0, List.of(NumType.I32));
      }
      case TABLE_GROW -> {
        Constants.pushInt(mv, r.index());
        f.pushInstance();
        f.support("tableGrow", "(" + OBJ + "II" + INST + ")I");
        f.effect(2, List.of(NumType.I32));
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
        return false;
      }
    }
    return true;
  }

  private ValType elementType(int table) {
    RefType t = f.moduleContext().module.tableType(table).elementType();
    return t;
  }

  private void load(InstructionReader r, String name, String type, ValType result) {
    Constants.pushInt(mv, (int) r.memOffset());
    f.pushMemory();
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MEMORY_ACCESS, name, "(II[BI)" + type, false);
    f.effect(1, List.of(result));
  }

  private void store(InstructionReader r, String name, String type) {
    Constants.pushInt(mv, (int) r.memOffset());
    f.pushMemory();
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MEMORY_ACCESS, name, "(I" + type + "I[BI)V", false);
    f.effect(2, List.of());
  }

  private void call(String name, String descriptor, int operands) {
    f.pushInstance();
    f.support(name, descriptor);
    f.effect(operands, List.of());
  }
}

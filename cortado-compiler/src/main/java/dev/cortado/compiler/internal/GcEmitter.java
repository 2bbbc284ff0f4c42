package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import dev.cortado.runtime.internal.store.Gc;
import dev.cortado.wasm.ArrayType;
import dev.cortado.wasm.FieldType;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.NumType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.PackedType;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.StructType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.Collections;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Wasm 3.0's garbage collection instructions: each a call to a {@code GcAccess} method, which runs
 * the interpreter's code ({@link Gc}) on the operands as they are on the JVM stack. An f32 or f64
 * field or element crosses as its bits, a v128 one through the function's vector registers ({@code
 * V} methods given the register arrays and index); {@code struct.new} and {@code array.new_fixed}
 * make the object first and then set its fields from the top of the stack down, so that any number
 * of operands needs one temporary.
 */
final class GcEmitter {
  private static final String GC = "dev/cortado/runtime/internal/compiled/GcAccess";
  private static final String OBJ = "Ljava/lang/Object;";
  private static final String INST = "L" + JvmTypes.INSTANCE + ";";
  private static final RefType ANY = RefType.nullable(HeapType.Abstract.ANY);
  private static final RefType I31 = RefType.nullable(HeapType.Abstract.I31);
  private static final String VECTOR = "[J[JI";

  private final FunctionEmitter f;
  private final MethodVisitor mv;

  private GcEmitter(FunctionEmitter f) {
    this.f = f;
    this.mv = f.mv();
  }

  /**
   * Returns whether {@code op}, an {@link Opcode#handlesObjects} instruction, reads or writes a
   * v128 field or element, so that its function needs vector registers.
   */
  static boolean touchesVectors(ModuleContext mc, Opcode op, InstructionReader r) {
    return switch (op) {
      case STRUCT_NEW -> struct(mc, r.index()).fields().stream().anyMatch(GcEmitter::isVector);
      case STRUCT_GET, STRUCT_SET -> isVector(struct(mc, r.index()).fields().get(r.index2()));
      case ARRAY_NEW, ARRAY_NEW_FIXED, ARRAY_GET, ARRAY_SET, ARRAY_FILL ->
          isVector(array(mc, r.index()).element());
      default -> false;
    };
  }

  private static boolean isVector(FieldType t) {
    return t.storage() == ValType.V128;
  }

  /** Emits {@code op}, an {@link Opcode#handlesObjects} instruction. */
  static void emit(FunctionEmitter f, Opcode op, InstructionReader r) {
    new GcEmitter(f).instruction(op, r);
  }

  private void instruction(Opcode op, InstructionReader r) {
    if (touchesVectors(f.moduleContext(), op, r) && vectorAccess(op, r)) {
      return;
    }
    switch (op) {
      case REF_EQ -> call("refEq", "(" + OBJ + OBJ + ")I", 2, NumType.I32);
      case STRUCT_NEW -> structNew(r.index());
      case STRUCT_NEW_DEFAULT -> {
        Constants.pushInt(mv, r.index());
        f.pushInstance();
        call("structNew", "(I" + INST + ")" + OBJ, 0, ref(r.index()));
      }
      case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
        FieldType field = struct(r.index()).fields().get(r.index2());
        Constants.pushInt(mv, r.index2());
        get(field, op == Opcode.STRUCT_GET_S, "get", "(" + OBJ + "I)", 1);
      }
      case STRUCT_SET -> {
        ValType t = struct(r.index()).fields().get(r.index2()).unpacked();
        toBits(t);
        Constants.pushInt(mv, r.index2());
        FieldType field = struct(r.index()).fields().get(r.index2());
        call("set" + storageForm(field), "(" + OBJ + bitsType(t) + "I)V", 2, null);
      }
      case ARRAY_NEW -> {
        ValType t = array(r.index()).element().unpacked();
        Constants.pushInt(mv, r.index());
        f.pushInstance();
        String d = "(" + JvmTypes.of(t).getDescriptor() + "II" + INST + ")" + OBJ;
        call("arrayNew" + valueForm(t), d, 2, ref(r.index()));
      }
      case ARRAY_NEW_DEFAULT -> {
        Constants.pushInt(mv, r.index());
        f.pushInstance();
        call("arrayNewDefault", "(II" + INST + ")" + OBJ, 1, ref(r.index()));
      }
      case ARRAY_NEW_FIXED -> arrayNewFixed(r.index(), r.index2());
      case ARRAY_NEW_DATA, ARRAY_NEW_ELEM -> {
        Constants.pushInt(mv, r.index());
        Constants.pushInt(mv, r.index2());
        f.pushInstance();
        String name = op == Opcode.ARRAY_NEW_DATA ? "arrayNewData" : "arrayNewElem";
        call(name, "(IIII" + INST + ")" + OBJ, 2, ref(r.index()));
      }
      case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U ->
          get(
              array(r.index()).element(),
              op == Opcode.ARRAY_GET_S,
              "arrayGet",
              "(" + OBJ + "I)",
              2);
      case ARRAY_SET -> {
        ValType t = array(r.index()).element().unpacked();
        toBits(t);
        FieldType element = array(r.index()).element();
        String name = "arraySet" + storageForm(element);
        call(name, "(" + OBJ + "I" + bitsType(t) + ")V", 3, null);
      }
      case ARRAY_LEN -> call("arrayLen", "(" + OBJ + ")I", 1, NumType.I32);
      case ARRAY_FILL -> {
        ValType t = array(r.index()).element().unpacked();
        String d = "(" + OBJ + "I" + JvmTypes.of(t).getDescriptor() + "I)V";
        call("arrayFill" + valueForm(t), d, 4, null);
      }
      case ARRAY_COPY -> call("arrayCopy", "(" + OBJ + "I" + OBJ + "II)V", 5, null);
      case ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> {
        Constants.pushInt(mv, r.index2());
        f.pushInstance();
        String name = op == Opcode.ARRAY_INIT_DATA ? "arrayInitData" : "arrayInitElem";
        call(name, "(" + OBJ + "IIII" + INST + ")V", 4, null);
      }
      case REF_TEST, REF_TEST_NULL -> {
        pushCast(r.castType());
        call("refTest", "(" + OBJ + "II" + INST + ")I", 1, NumType.I32);
      }
      case REF_CAST, REF_CAST_NULL -> {
        pushCast(r.castType());
        call("refCast", "(" + OBJ + "II" + INST + ")" + OBJ, 1, r.castType());
      }
      case BR_ON_CAST, BR_ON_CAST_FAIL -> branchOnCast(op == Opcode.BR_ON_CAST, r);
      // Both hierarchies hold the same Java objects.
      case ANY_CONVERT_EXTERN -> f.effect(1, List.of(ANY));
      case EXTERN_CONVERT_ANY -> f.effect(1, List.of(RefType.EXTERNREF));
      case REF_I31 -> call("refI31", "(I)" + OBJ, 1, I31);
      case I31_GET_S -> call("i31GetS", "(" + OBJ + ")I", 1, NumType.I32);
      case I31_GET_U -> call("i31GetU", "(" + OBJ + ")I", 1, NumType.I32);
      default -> throw new AssertionError(op + " is not a GC instruction");
    }
  }

  /**
   * Emits a struct or array instruction whose v128 field or element is read or written in the
   * vector register of its operand stack entry (a value read goes to the register of the object's
   * entry, which it replaces); returns false for one that only makes such an object ({@code
   * struct.new}, {@code array.new_fixed}: {@link #setFromStack} takes each vector).
   */
  private boolean vectorAccess(Opcode op, InstructionReader r) {
    switch (op) {
      case STRUCT_GET -> {
        Constants.pushInt(mv, r.index2());
        pushRegister(f.height() - 1);
        call("getV", "(" + OBJ + "I" + VECTOR + ")V", 1, ValType.V128);
      }
      case STRUCT_SET -> {
        Constants.pushInt(mv, r.index2());
        pushRegister(f.height() - 1);
        call("setV", "(" + OBJ + "I" + VECTOR + ")V", 2, null);
      }
      case ARRAY_NEW -> {
        Constants.pushInt(mv, r.index());
        f.pushInstance();
        pushRegister(f.height() - 2);
        call("arrayNewV", "(II" + INST + VECTOR + ")" + OBJ, 2, ref(r.index()));
      }
      case ARRAY_GET -> {
        pushRegister(f.height() - 2);
        call("arrayGetV", "(" + OBJ + "I" + VECTOR + ")V", 2, ValType.V128);
      }
      case ARRAY_SET -> {
        pushRegister(f.height() - 1);
        call("arraySetV", "(" + OBJ + "I" + VECTOR + ")V", 3, null);
      }
      case ARRAY_FILL -> {
        pushRegister(f.height() - 2);
        call("arrayFillV", "(" + OBJ + "II" + VECTOR + ")V", 4, null);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /** {@code struct.new x}: the struct, then each field from the top of the stack down. */
  private void structNew(int x) {
    Constants.pushInt(mv, x);
    f.pushInstance();
    mv.visitMethodInsn(INVOKESTATIC, GC, "structNew", "(I" + INST + ")" + OBJ, false);
    setFromStack("init", struct(x).fields(), ref(x));
  }

  /** {@code array.new_fixed x n}: the array, then each element from the top of the stack down. */
  private void arrayNewFixed(int x, int n) {
    Constants.pushInt(mv, n);
    Constants.pushInt(mv, x);
    f.pushInstance();
    mv.visitMethodInsn(INVOKESTATIC, GC, "arrayNewDefault", "(II" + INST + ")" + OBJ, false);
    setFromStack("element", Collections.nCopies(n, array(x).element()), ref(x));
  }

  /**
   * Sets the fields or elements of the object just made (on top of the JVM stack, above their
   * values) from their values, the last first, through the {@code setter} method of each one's
   * form; leaves the object of type {@code made} on the stack.
   */
  private void setFromStack(String setter, List<FieldType> fields, RefType made) {
    int object = f.temp(ANY);
    mv.visitVarInsn(ASTORE, object);
    int base = f.height() - fields.size();
    // Values of the operand stack's deep part are in the frame: one call sets them all.
    int onJvm = f.deep().belowDeep(base, fields.size());
    if (onJvm < fields.size()) {
      mv.visitVarInsn(ALOAD, object);
      Constants.pushInt(mv, onJvm);
      Constants.pushInt(mv, fields.size() - onJvm);
      f.frame().pushArrays();
      Constants.pushInt(mv, f.deep().slot(base + onJvm));
      if (f.vectors() != null) {
        pushRegister(base + onJvm);
      } else {
        mv.visitInsn(ACONST_NULL);
        mv.visitInsn(ACONST_NULL);
        mv.visitInsn(ICONST_0);
      }
      String d = "(" + OBJ + "II[J[Ljava/lang/Object;I" + VECTOR + ")V";
      mv.visitMethodInsn(INVOKESTATIC, GC, "setFromFrame", d, false);
    }
    for (int i = onJvm - 1; i >= 0; i--) {
      ValType t = fields.get(i).unpacked();
      if (t == ValType.V128) {
        // Not on the JVM stack: in the register of its stack entry.
        mv.visitVarInsn(ALOAD, object);
        Constants.pushInt(mv, i);
        pushRegister(base + i);
        mv.visitMethodInsn(INVOKESTATIC, GC, setter + "V", "(" + OBJ + "I" + VECTOR + ")V", false);
        continue;
      }
      toBits(t);
      mv.visitVarInsn(ALOAD, object);
      Constants.pushInt(mv, i);
      String d = "(" + bitsType(t) + OBJ + "I)V";
      mv.visitMethodInsn(INVOKESTATIC, GC, setter + storageForm(fields.get(i)), d, false);
    }
    mv.visitVarInsn(ALOAD, object);
    f.effect(fields.size(), List.of(made));
  }

  /**
   * A struct field's or array element's read ({@code prefix} {@code get} or {@code arrayGet}), the
   * operands (and a struct's field index) pushed: a packed one sign-extended if {@code signed},
   * else zero-extended.
   */
  private void get(FieldType field, boolean signed, String prefix, String params, int operands) {
    ValType t = field.unpacked();
    String name = prefix + (field.isPacked() ? packed(field) + (signed ? "S" : "U") : form(t));
    mv.visitMethodInsn(INVOKESTATIC, GC, name, params + bitsType(t), false);
    fromBits(t);
    f.effect(operands, List.of(t));
  }

  /**
   * {@code br_on_cast} (if {@code onSuccess}) or {@code br_on_cast_fail}: the reference stays on
   * the stack, branching or not.
   */
  private void branchOnCast(boolean onSuccess, InstructionReader r) {
    int label = r.index();
    Label stay = new Label();
    mv.visitInsn(DUP);
    pushCast(r.castType());
    mv.visitMethodInsn(INVOKESTATIC, GC, "refTest", "(" + OBJ + "II" + INST + ")I", false);
    mv.visitJumpInsn(onSuccess ? IFEQ : IFNE, stay);
    f.branch(f.label(label));
    mv.visitLabel(stay);
  }

  /** Pushes the vector register arrays and the register of operand stack entry {@code position}. */
  private void pushRegister(int position) {
    VectorRegisters v = f.vectors();
    v.pushArrays();
    Constants.pushInt(mv, v.stack(position));
  }

  /** Pushes a cast's heap type operand, whether it admits null, and the instance. */
  private void pushCast(RefType t) {
    Constants.pushInt(mv, Gc.heapOperand(t.heapType()));
    Constants.pushInt(mv, t.nullable() ? 1 : 0);
    f.pushInstance();
  }

  private void call(String name, String descriptor, int operands, ValType result) {
    mv.visitMethodInsn(INVOKESTATIC, GC, name, descriptor, false);
    f.effect(operands, result == null ? List.of() : List.of(result));
  }

  /** Turns the f32 or f64 on top of the stack into its bits; other values stay as they are. */
  private void toBits(ValType t) {
    if (t == NumType.F32) {
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
    } else if (t == NumType.F64) {
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
    }
  }

  /** Turns the bits on top of the stack into the f32 or f64 of type {@code t}, if it is one. */
  private void fromBits(ValType t) {
    if (t == NumType.F32) {
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
    } else if (t == NumType.F64) {
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
    }
  }

  /**
   * The form of a field's or element's store methods: its packed width ({@code 8}, {@code 16}) or
   * {@link #form} of its type.
   */
  private static String storageForm(FieldType field) {
    return field.isPacked() ? packed(field) : form(field.unpacked());
  }

  /** The width of a packed field or element: 8 or 16. */
  private static String packed(FieldType field) {
    return field.storage() == PackedType.I8 ? "8" : "16";
  }

  /** The JVM form a value of {@code t} is stored from and read as: I (32 bits), J or A. */
  private static String form(ValType t) {
    if (t.isReference()) {
      return "A";
    }
    return t == NumType.I64 || t == NumType.F64 ? "J" : "I";
  }

  /** The descriptor of {@link #form}'s type. */
  private static String bitsType(ValType t) {
    return t.isReference() ? OBJ : form(t);
  }

  /** The JVM form of a value as it is on the stack: I, J, F, D or A. */
  private static String valueForm(ValType t) {
    if (t.isReference()) {
      return "A";
    }
    return switch ((NumType) t) {
      case I32 -> "I";
      case I64 -> "J";
      case F32 -> "F";
      case F64 -> "D";
    };
  }

  private static RefType ref(int typeIndex) {
    return new RefType(false, new HeapType.Concrete(typeIndex));
  }

  private StructType struct(int x) {
    return struct(f.moduleContext(), x);
  }

  private ArrayType array(int x) {
    return array(f.moduleContext(), x);
  }

  private static StructType struct(ModuleContext mc, int x) {
    return (StructType) mc.module.module().types().get(x).composite();
  }

  private static ArrayType array(ModuleContext mc, int x) {
    return (ArrayType) mc.module.module().types().get(x).composite();
  }
}

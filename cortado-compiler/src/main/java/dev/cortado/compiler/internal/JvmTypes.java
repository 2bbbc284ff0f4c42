package dev.cortado.compiler.internal;

import dev.cortado.runtime.internal.compiled.CompilationException;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.NumType;
import dev.cortado.wasm.ValType;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * WebAssembly value types as JVM types: i32 {@code int}, i64 {@code long}, f32 {@code float}, f64
 * {@code double}, references {@code Object}. Vectors are not compiled yet.
 */
final class JvmTypes {
  static final String OBJECT = "java/lang/Object";
  static final String MACHINE = "dev/cortado/runtime/internal/interp/Machine";
  static final String INSTANCE = "dev/cortado/runtime/internal/store/ModuleInstance";
  static final String SUPPORT = "dev/cortado/runtime/internal/compiled/Support";
  static final String MEMORY_ACCESS = "dev/cortado/runtime/internal/compiled/MemoryAccess";
  static final String NUMERICS = "dev/cortado/runtime/internal/numeric/Numerics";
  static final String CONVERSIONS = "dev/cortado/runtime/internal/numeric/Conversions";
  static final String FUNCTION = "dev/cortado/runtime/internal/store/FunctionInstance";
  static final String GLOBAL = "dev/cortado/runtime/internal/store/GlobalInstance";

  private JvmTypes() {}

  /** Returns the JVM type of {@code t}. */
  static Type of(ValType t) {
    if (t.isReference()) {
      return Type.getObjectType(OBJECT);
    }
    return switch (t) {
      case NumType n ->
          switch (n) {
            case I32 -> Type.INT_TYPE;
            case I64 -> Type.LONG_TYPE;
            case F32 -> Type.FLOAT_TYPE;
            case F64 -> Type.DOUBLE_TYPE;
          };
      default -> throw new CompilationException("vector (v128) values are not compiled yet");
    };
  }

  /** Returns whether {@code t} takes two JVM slots (long, double). */
  static boolean wide(ValType t) {
    return t == NumType.I64 || t == NumType.F64;
  }

  /**
   * Returns the descriptor of a compiled function of type {@code type}: its parameters, then the
   * machine and the instance; its one result, or void for none or several.
   */
  static String descriptor(FuncType type) {
    StringBuilder d = new StringBuilder("(");
    for (ValType p : type.params()) {
      d.append(of(p).getDescriptor());
    }
    d.append('L').append(MACHINE).append(";L").append(INSTANCE).append(";)");
    List<ValType> r = type.results();
    d.append(r.size() == 1 ? of(r.get(0)).getDescriptor() : "V");
    return d.toString();
  }

  /** Returns the opcode that loads a local of type {@code t}. */
  static int load(ValType t) {
    return of(t).getOpcode(Opcodes.ILOAD);
  }

  /** Returns the opcode that stores a local of type {@code t}. */
  static int store(ValType t) {
    return of(t).getOpcode(Opcodes.ISTORE);
  }

  /** Returns the opcode that returns a value of type {@code t}. */
  static int ret(ValType t) {
    return of(t).getOpcode(Opcodes.IRETURN);
  }
}

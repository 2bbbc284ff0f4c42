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
 * {@code double}, references {@code Object}. A v128 has no JVM type: it lives in the function's
 * {@link VectorRegisters} and crosses calls as two longs (low half first) or through the slots.
 */
final class JvmTypes {
  static final String OBJECT = "java/lang/Object";
  static final String MACHINE = "dev/cortado/runtime/internal/interp/Machine";
  static final String INSTANCE = "dev/cortado/runtime/internal/store/ModuleInstance";
  static final String SUPPORT = "dev/cortado/runtime/internal/compiled/Support";
  static final String MEMORY_ACCESS = "dev/cortado/runtime/internal/compiled/MemoryAccess";
  static final String ARRAYCOPY = "(Ljava/lang/Object;ILjava/lang/Object;II)V";
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
      default -> throw new CompilationException("a v128 value has no single JVM type");
    };
  }

  /** Returns whether {@code t} takes two JVM slots (long, double). */
  static boolean wide(ValType t) {
    return t == NumType.I64 || t == NumType.F64;
  }

  /** Returns the JVM parameter slots a parameter of type {@code t} takes (a v128: two longs). */
  static int argumentSlots(ValType t) {
    return t == ValType.V128 ? 4 : wide(t) ? 2 : 1;
  }

  /** Returns whether a function of {@code type} returns its result as the JVM method's result. */
  static boolean returnsOne(FuncType type) {
    return type.results().size() == 1 && type.results().get(0) != ValType.V128;
  }

  /**
   * Returns the descriptor of a compiled function of type {@code type}: its parameters (a v128 as
   * two longs), then its call depth (the caller's plus one: see {@code Support.enter}), the machine
   * and the instance; its one result, or void for none, several or a v128 (left in the machine's
   * slots).
   */
  static String descriptor(FuncType type) {
    StringBuilder d = new StringBuilder("(");
    if (!takesArguments(type)) {
      d.append('I'); // where its arguments start in the machine's slots
    } else {
      for (ValType p : type.params()) {
        d.append(p == ValType.V128 ? "JJ" : of(p).getDescriptor());
      }
    }
    d.append("IL").append(MACHINE).append(";L").append(INSTANCE).append(";)");
    List<ValType> r = type.results();
    d.append(returnsOne(type) ? of(r.get(0)).getDescriptor() : "V");
    return d.toString();
  }

  /**
   * Returns whether a method for {@code type} takes its parameters as JVM arguments: whether they
   * fit the JVM's 255 parameter slots (longs and doubles take two, vectors four) with the depth,
   * the machine, the instance and a dispatch method's index. A method for any other type takes the
   * slot where its arguments start in the machine's slots, and is called through them, never
   * directly.
   */
  static boolean takesArguments(FuncType type) {
    int slots = 4; // the depth, the machine, the instance, and a dispatch method's index
    for (var p : type.params()) {
      slots += argumentSlots(p);
    }
    return slots <= 255;
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

package dev.cortado.runtime;

import dev.cortado.runtime.internal.store.ArrayObject;
import dev.cortado.runtime.internal.store.I31;
import dev.cortado.runtime.internal.store.StructObject;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.V128;
import dev.cortado.wasm.ValType;
import java.util.Objects;
import java.util.Optional;

/**
 * A WebAssembly value, for the general call path ({@link Func#call(WasmValue...)}) and for globals.
 * Floats are kept as bits so every NaN payload survives; references may be null, which is an empty
 * {@link Optional}, never a Java {@code null}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/runtime.html#values">Values</a>
 */
public sealed interface WasmValue {
  /** Returns the value's type. */
  ValType type();

  /** Returns an i32. */
  static WasmValue i32(int value) {
    return new I32(value);
  }

  /** Returns an i64. */
  static WasmValue i64(long value) {
    return new I64(value);
  }

  /** Returns an f32. */
  static WasmValue f32(float value) {
    return new F32(Float.floatToRawIntBits(value));
  }

  /** Returns an f64. */
  static WasmValue f64(double value) {
    return new F64(Double.doubleToRawLongBits(value));
  }

  /** Returns a v128. */
  static WasmValue v128(V128 value) {
    return new Vec(value);
  }

  /** Returns a non-null {@code externref} holding {@code value}. */
  static WasmValue externRef(Object value) {
    return new ExternRef(Optional.of(value));
  }

  /** Returns an {@code i31ref} (Wasm 3.0 GC) of the low 31 bits of {@code value}. */
  static WasmValue i31(int value) {
    return new AnyRef(Optional.of(I31.wrap(value)));
  }

  /**
   * Returns a null reference of {@code type}. A type index does not say which hierarchy it is in;
   * such a null is a null {@code funcref}, which any nullable reference parameter, global or table
   * element accepts, as it does every null.
   */
  static WasmValue nullRef(RefType type) {
    if (type.heapType() == HeapType.Abstract.EXN || type.heapType() == HeapType.Abstract.NOEXN) {
      return new ExnRef(Optional.empty());
    }
    if (type.heapType() instanceof HeapType.Abstract a && a.top() == HeapType.Abstract.ANY) {
      return new AnyRef(Optional.empty());
    }
    return !type.isFunctionReference()
        ? new ExternRef(Optional.empty())
        : new FuncRef(Optional.empty());
  }

  /** Returns the zero value of {@code type}: 0, +0.0, all-zero vector, or null. */
  static WasmValue zero(ValType type) {
    if (type == ValType.I32) {
      return new I32(0);
    } else if (type == ValType.I64) {
      return new I64(0);
    } else if (type == ValType.F32) {
      return new F32(0);
    } else if (type == ValType.F64) {
      return new F64(0);
    } else if (type == ValType.V128) {
      return new Vec(V128.ZERO);
    }
    return nullRef((RefType) type);
  }

  /**
   * A 32-bit integer.
   *
   * @param value the value
   */
  record I32(int value) implements WasmValue {
    @Override
    public ValType type() {
      return ValType.I32;
    }
  }

  /**
   * A 64-bit integer.
   *
   * @param value the value
   */
  record I64(long value) implements WasmValue {
    @Override
    public ValType type() {
      return ValType.I64;
    }
  }

  /**
   * A 32-bit float, by its bits.
   *
   * @param bits the IEEE 754 bits
   */
  record F32(int bits) implements WasmValue {
    /** Returns the float. */
    public float value() {
      return Float.intBitsToFloat(bits);
    }

    @Override
    public ValType type() {
      return ValType.F32;
    }
  }

  /**
   * A 64-bit float, by its bits.
   *
   * @param bits the IEEE 754 bits
   */
  record F64(long bits) implements WasmValue {
    /** Returns the double. */
    public double value() {
      return Double.longBitsToDouble(bits);
    }

    @Override
    public ValType type() {
      return ValType.F64;
    }
  }

  /**
   * A 128-bit vector.
   *
   * @param value the vector
   */
  record Vec(V128 value) implements WasmValue {
    /** Checks the value is present. */
    public Vec {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public ValType type() {
      return ValType.V128;
    }
  }

  /**
   * A function reference.
   *
   * @param func the function, or empty for null
   */
  record FuncRef(Optional<Func> func) implements WasmValue {
    /** Checks the optional is present. */
    public FuncRef {
      Objects.requireNonNull(func, "func");
    }

    @Override
    public ValType type() {
      return ValType.FUNCREF;
    }
  }

  /**
   * An external reference: any Java object the host passes in.
   *
   * @param value the object, or empty for null
   */
  record ExternRef(Optional<Object> value) implements WasmValue {
    /** Checks the optional is present. */
    public ExternRef {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public ValType type() {
      return ValType.EXTERNREF;
    }
  }

  /**
   * A reference of the {@code any} hierarchy (Wasm 3.0 GC): a WebAssembly struct, array or {@code
   * i31}, which the host holds without seeing inside, or a host object that WebAssembly turned from
   * an {@code externref} into an {@code anyref} ({@code any.convert_extern}).
   *
   * @param value the object, or empty for null
   */
  record AnyRef(Optional<Object> value) implements WasmValue {
    /** Checks the optional is present. */
    public AnyRef {
      Objects.requireNonNull(value, "value");
    }

    /**
     * Returns what the reference is: {@code i31}, {@code struct} or {@code array} for WebAssembly
     * objects, {@code any} for a host object, {@code none} for null.
     */
    public HeapType.Abstract kind() {
      return switch (value.orElse(null)) {
        case null -> HeapType.Abstract.NONE;
        case I31 i -> HeapType.Abstract.I31;
        case StructObject s -> HeapType.Abstract.STRUCT;
        case ArrayObject a -> HeapType.Abstract.ARRAY;
        default -> HeapType.Abstract.ANY;
      };
    }

    /** Returns the value of an {@code i31ref}, sign-extended from 31 bits, if it is one. */
    public java.util.OptionalInt i31() {
      return value.orElse(null) instanceof I31 i
          ? java.util.OptionalInt.of(i.value())
          : java.util.OptionalInt.empty();
    }

    @Override
    public ValType type() {
      return RefType.nullable(HeapType.Abstract.ANY);
    }
  }

  /**
   * An exception reference (Wasm 3.0 {@code exnref}).
   *
   * @param exception the exception, or empty for null
   */
  record ExnRef(Optional<ExceptionRef> exception) implements WasmValue {
    /** Checks the optional is present. */
    public ExnRef {
      Objects.requireNonNull(exception, "exception");
    }

    @Override
    public ValType type() {
      return RefType.EXNREF;
    }
  }
}

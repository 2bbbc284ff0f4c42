package dev.cortado.wasm.text;

import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.V128;
import java.util.Objects;

/**
 * A value in a script: an argument of {@code invoke}, or an exact expected result. Floats are held
 * as their bits, so NaN payloads and the sign of zero are kept and equality is bitwise.
 *
 * @see <a href="https://github.com/WebAssembly/spec/tree/main/interpreter#scripts">Scripts</a>
 */
public sealed interface WastValue {
  /**
   * {@code (i32.const n)}.
   *
   * @param value the value
   */
  record I32(int value) implements WastValue {}

  /**
   * {@code (i64.const n)}.
   *
   * @param value the value
   */
  record I64(long value) implements WastValue {}

  /**
   * {@code (f32.const z)}.
   *
   * @param bits the IEEE 754 bits
   */
  record F32(int bits) implements WastValue {}

  /**
   * {@code (f64.const z)}.
   *
   * @param bits the IEEE 754 bits
   */
  record F64(long bits) implements WastValue {}

  /**
   * {@code (v128.const shape lanes)}.
   *
   * @param value the 128 bits
   */
  record Vector(V128 value) implements WastValue {
    /** Checks the value is present. */
    public Vector {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * {@code (ref.null func)} or {@code (ref.null extern)}.
   *
   * @param type the heap type of the null
   */
  record RefNull(HeapType type) implements WastValue {
    /** Checks the type is present. */
    public RefNull {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * {@code (ref.extern n)}: a host reference the script tells apart by a number.
   *
   * @param payload the number (a {@code u32}, as int bits)
   */
  record RefExtern(int payload) implements WastValue {}

  /**
   * A WebAssembly object of the {@code any} hierarchy, as a result (Wasm 3.0 GC): scripts match it
   * with {@code (ref.i31)}, {@code (ref.struct)}, {@code (ref.array)}, {@code (ref.eq)} or {@code
   * (ref.any)}.
   *
   * @param kind {@link HeapType.Abstract#I31}, {@link HeapType.Abstract#STRUCT} or {@link
   *     HeapType.Abstract#ARRAY}
   */
  record RefObject(HeapType.Abstract kind) implements WastValue {
    /** Checks the kind is present. */
    public RefObject {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** A non-null exception reference, as a result: scripts match it with {@code (ref.exn)}. */
  record RefExn() implements WastValue {}

  /**
   * {@code (ref.func n)}: a reference to a function.
   *
   * @param index the function's index in the module that defines it
   */
  record RefFunc(int index) implements WastValue {}
}

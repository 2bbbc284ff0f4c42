package dev.cortado.runtime;

import dev.cortado.runtime.internal.store.ExceptionInstance;
import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebAssembly exception as a value (Wasm 3.0): the referent of an {@code exnref}, with the tag it
 * was thrown with and the values it carries. Two handles are equal when they denote the same
 * exception.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/runtime.html#exception-instances">
 *     Exception instances</a>
 */
public final class ExceptionRef {
  private final Store store;
  final ExceptionInstance instance;

  ExceptionRef(Store store, ExceptionInstance instance) {
    this.store = store;
    this.instance = instance;
  }

  /** Returns the tag the exception was thrown with. */
  public Tag tag() {
    return new Tag(store, instance.tag);
  }

  /** Returns the values thrown with the exception, one per parameter of the tag's type. */
  public List<WasmValue> payload() {
    List<ValType> types = instance.tag.type().params();
    List<WasmValue> values = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      values.add(Values.fromSlot(store, types.get(i), instance.lo, instance.hi, instance.refs, i));
    }
    return List.copyOf(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExceptionRef e && e.instance == instance;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(instance);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("exception of tag ").append(instance.tag.type());
    List<WasmValue> values = payload();
    if (!values.isEmpty()) {
      b.append(" with values");
      for (WasmValue v : values) {
        b.append(' ').append(text(v));
      }
    }
    return b.toString();
  }

  private static String text(WasmValue v) {
    String value =
        switch (v) {
          case WasmValue.I32 x -> Integer.toString(x.value());
          case WasmValue.I64 x -> Long.toString(x.value());
          case WasmValue.F32 x -> Float.toString(Float.intBitsToFloat(x.bits()));
          case WasmValue.F64 x -> Double.toString(Double.longBitsToDouble(x.bits()));
          case WasmValue.Vec x -> x.value().toString();
          case WasmValue.FuncRef x -> x.func().isEmpty() ? "null" : "function";
          case WasmValue.ExternRef x -> x.value().isEmpty() ? "null" : "object";
          case WasmValue.ExnRef x -> x.exception().isEmpty() ? "null" : "exception";
          case WasmValue.AnyRef x -> x.value().isEmpty() ? "null" : x.kind().text();
        };
    return "(" + v.type().text() + " " + value + ")";
  }
}

package dev.cortado.compiler.fuzz;

import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.V128;
import java.util.List;

/** Writes WebAssembly values for {@link Event}s: floats as bits, references by identity. */
final class ValueText {
  private static final int F32_QUIET = 0x0040_0000;
  private static final long F64_QUIET = 0x0008_0000_0000_0000L;

  private ValueText() {}

  static Event of(String kind, String where, List<WasmValue> values) {
    StringBuilder strict = new StringBuilder();
    StringBuilder lenient = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        strict.append(' ');
        lenient.append(' ');
      }
      strict.append(text(values.get(i), false));
      lenient.append(text(values.get(i), true));
    }
    return new Event(kind, where, strict.toString(), lenient.toString());
  }

  static String text(WasmValue value, boolean lenient) {
    return switch (value) {
      case WasmValue.I32 v -> "i32:" + v.value();
      case WasmValue.I64 v -> "i64:" + v.value();
      case WasmValue.F32 v -> f32(v.bits(), lenient);
      case WasmValue.F64 v -> f64(v.bits(), lenient);
      case WasmValue.Vec v -> v128(v.value());
      case WasmValue.FuncRef v -> "funcref:" + v.func().map(Object::toString).orElse("null");
      case WasmValue.ExternRef v -> "externref:" + v.value().map(Object::toString).orElse("null");
      case WasmValue.ExnRef v -> "exnref:" + v.exception().map(Object::toString).orElse("null");
      case WasmValue.AnyRef v -> "anyref:" + (v.value().isEmpty() ? "null" : v.kind().text());
    };
  }

  static String f32(int bits, boolean lenient) {
    boolean nan = Float.isNaN(Float.intBitsToFloat(bits));
    if (lenient && nan && (bits & F32_QUIET) != 0) {
      return "f32:qnan";
    }
    return String.format("f32:0x%08x", bits);
  }

  static String f64(long bits, boolean lenient) {
    boolean nan = Double.isNaN(Double.longBitsToDouble(bits));
    if (lenient && nan && (bits & F64_QUIET) != 0) {
      return "f64:qnan";
    }
    return String.format("f64:0x%016x", bits);
  }

  static String v128(V128 v) {
    return String.format("v128:0x%016x%016x", v.high(), v.low());
  }
}

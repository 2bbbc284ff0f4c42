package dev.cortado.cli;

import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.text.NumberText;

/**
 * Parses {@code --invoke} arguments by parameter type and prints results, both in the WebAssembly
 * text format's spelling ({@link NumberText}): what {@code (f64.const x)} accepts is accepted, and
 * a float result prints so that it reads back as the same bits ({@code nan:0x...}, {@code -nan},
 * {@code inf}, {@code -0.0}).
 */
final class InvokeValues {
  private InvokeValues() {}

  /** Parses {@code text} as a value of {@code type}. */
  static WasmValue parse(String text, ValType type) {
    try {
      if (type == ValType.I32) {
        return WasmValue.i32(NumberText.i32(text));
      } else if (type == ValType.I64) {
        return WasmValue.i64(NumberText.i64(text));
      } else if (type == ValType.F32) {
        return new WasmValue.F32(NumberText.f32(text));
      } else if (type == ValType.F64) {
        return new WasmValue.F64(NumberText.f64(text));
      }
    } catch (MalformedException e) {
      throw new UserException(
          "\""
              + text
              + "\" is not an "
              + type.text()
              + ": "
              + e.problem()
              + (type == ValType.F32 || type == ValType.F64
                  ? " (floats are written as in the text format: 1.5, -0x1p-3, inf, -inf, nan,"
                      + " nan:0x...)"
                  : ""));
    }
    throw new UserException(
        "arguments of type " + type.text() + " cannot be given on the command line");
  }

  /**
   * Returns a result as text: integers in signed decimal, floats in the text format's spelling
   * (every bit pattern distinct).
   */
  static String format(WasmValue v) {
    return switch (v) {
      case WasmValue.I32 x -> Integer.toString(x.value());
      case WasmValue.I64 x -> Long.toString(x.value());
      case WasmValue.F32 x -> NumberText.f32(x.bits());
      case WasmValue.F64 x -> NumberText.f64(x.bits());
      case WasmValue.Vec x -> x.value().toString();
      case WasmValue.FuncRef x -> x.func().isEmpty() ? "null" : "funcref";
      case WasmValue.ExternRef x -> x.value().isEmpty() ? "null" : "externref";
      case WasmValue.ExnRef x -> x.exception().isEmpty() ? "null" : "exnref";
      case WasmValue.AnyRef x ->
          x.i31().isPresent()
              ? "i31 " + x.i31().getAsInt()
              : x.value().isEmpty() ? "null" : x.kind().text() + "ref";
    };
  }
}

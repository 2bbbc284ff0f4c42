package dev.cortado.cli;

import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.ValType;
import java.math.BigInteger;

/** Parses {@code --invoke} arguments by parameter type and prints results. */
final class InvokeValues {
  private InvokeValues() {}

  /** Parses {@code text} as a value of {@code type}. */
  static WasmValue parse(String text, ValType type) {
    try {
      if (type == ValType.I32) {
        return WasmValue.i32((int) integer(text, 32));
      } else if (type == ValType.I64) {
        return WasmValue.i64(integer(text, 64));
      } else if (type == ValType.F32) {
        return WasmValue.f32(Float.parseFloat(text));
      } else if (type == ValType.F64) {
        return WasmValue.f64(Double.parseDouble(text));
      }
    } catch (NumberFormatException e) {
      throw new UserException("\"" + text + "\" is not a " + type.text());
    }
    throw new UserException(
        "arguments of type " + type.text() + " cannot be given on the command line");
  }

  /** Parses a decimal or 0x-hex integer of {@code bits} bits, signed or unsigned. */
  private static long integer(String text, int bits) {
    String t = text.replace("_", "");
    boolean negative = t.startsWith("-");
    String digits = negative || t.startsWith("+") ? t.substring(1) : t;
    BigInteger v =
        digits.startsWith("0x") || digits.startsWith("0X")
            ? new BigInteger(digits.substring(2), 16)
            : new BigInteger(digits);
    if (negative) {
      v = v.negate();
    }
    BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
    BigInteger max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw new NumberFormatException("out of range");
    }
    return v.longValue();
  }

  /** Returns a result as text: integers in decimal, floats as Java prints them. */
  static String format(WasmValue v) {
    return switch (v) {
      case WasmValue.I32 x -> Integer.toString(x.value());
      case WasmValue.I64 x -> Long.toString(x.value());
      case WasmValue.F32 x -> Float.toString(x.value());
      case WasmValue.F64 x -> Double.toString(x.value());
      case WasmValue.Vec x -> x.value().toString();
      case WasmValue.FuncRef x -> x.func().isEmpty() ? "null" : "funcref";
      case WasmValue.ExternRef x -> x.value().isEmpty() ? "null" : "externref";
    };
  }
}

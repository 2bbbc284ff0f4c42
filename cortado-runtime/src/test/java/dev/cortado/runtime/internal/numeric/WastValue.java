package dev.cortado.runtime.internal.numeric;

import dev.cortado.wasm.ValType;
import java.math.BigInteger;
import java.util.List;

/**
 * A Wasm value in the spec-suite checks: its type and raw bits ({@code lo} holds i32 and f32 bits
 * sign-extended, i64 and f64 bits; a v128 uses both longs), and the parsing of the text format's
 * constants. Literals are parsed with the JDK's own correctly rounded parsers, independently of the
 * code under test.
 */
record WastValue(ValType type, long lo, long hi) {

  /** Returns an i32 value. */
  static WastValue i32(int v) {
    return new WastValue(ValType.I32, v, 0);
  }

  /** Returns an i64 value. */
  static WastValue i64(long v) {
    return new WastValue(ValType.I64, v, 0);
  }

  /** Returns an f32 value with raw bits {@code bits}. */
  static WastValue f32(int bits) {
    return new WastValue(ValType.F32, bits, 0);
  }

  /** Returns an f64 value with raw bits {@code bits}. */
  static WastValue f64(long bits) {
    return new WastValue(ValType.F64, bits, 0);
  }

  /** Returns a v128 value. */
  static WastValue v128(long lo, long hi) {
    return new WastValue(ValType.V128, lo, hi);
  }

  /** Returns the zero value of {@code type}. */
  static WastValue zero(ValType type) {
    return new WastValue(type, 0, 0);
  }

  @Override
  public String toString() {
    if (type == ValType.I32) {
      return "i32:" + (int) lo;
    }
    if (type == ValType.I64) {
      return "i64:" + lo;
    }
    if (type == ValType.F32) {
      return String.format("f32:%s(0x%08x)", Float.intBitsToFloat((int) lo), (int) lo);
    }
    if (type == ValType.F64) {
      return String.format("f64:%s(0x%016x)", Double.longBitsToDouble(lo), lo);
    }
    return String.format("v128:0x%016x_%016x", hi, lo);
  }

  // ---------------------------------------------------------------------------------------------
  // Literals

  /** Returns the type named {@code name} ({@code i32}, ..., {@code v128}). */
  static ValType type(String name) {
    return switch (name) {
      case "i32" -> ValType.I32;
      case "i64" -> ValType.I64;
      case "f32" -> ValType.F32;
      case "f64" -> ValType.F64;
      case "v128" -> ValType.V128;
      default -> throw new IllegalArgumentException("unsupported type " + name);
    };
  }

  /** Parses an integer literal (decimal or hex, signed or unsigned) and wraps it to 64 bits. */
  static long parseInt(String text) {
    String t = text.replace("_", "");
    boolean negative = t.startsWith("-");
    if (negative || t.startsWith("+")) {
      t = t.substring(1);
    }
    BigInteger v = t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t, 10);
    return (negative ? v.negate() : v).longValue();
  }

  /** Parses an f32 literal to its raw bits, NaN payloads included. */
  static int parseF32(String text) {
    String t = text.replace("_", "");
    int sign = t.startsWith("-") ? 0x8000_0000 : 0;
    String mag = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
    if (mag.equals("inf")) {
      return sign | 0x7F80_0000;
    }
    if (mag.equals("nan")) {
      return sign | 0x7FC0_0000;
    }
    if (mag.startsWith("nan:0x")) {
      return sign | 0x7F80_0000 | Integer.parseInt(mag.substring(6), 16);
    }
    return sign | Float.floatToRawIntBits(Float.parseFloat(javaSyntax(mag)));
  }

  /** Parses an f64 literal to its raw bits, NaN payloads included. */
  static long parseF64(String text) {
    String t = text.replace("_", "");
    long sign = t.startsWith("-") ? Long.MIN_VALUE : 0;
    String mag = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
    if (mag.equals("inf")) {
      return sign | 0x7FF0_0000_0000_0000L;
    }
    if (mag.equals("nan")) {
      return sign | 0x7FF8_0000_0000_0000L;
    }
    if (mag.startsWith("nan:0x")) {
      return sign | 0x7FF0_0000_0000_0000L | Long.parseLong(mag.substring(6), 16);
    }
    return sign | Double.doubleToRawLongBits(Double.parseDouble(javaSyntax(mag)));
  }

  /** Java insists on a binary exponent in hex floats; Wasm makes it optional. */
  private static String javaSyntax(String magnitude) {
    if (magnitude.startsWith("0x") && !magnitude.contains("p") && !magnitude.contains("P")) {
      return magnitude + "p0";
    }
    return magnitude;
  }

  /** Returns the lane width in bits of a v128 shape such as {@code i16x8}. */
  static int laneBits(String shape) {
    return Integer.parseInt(shape.substring(1, shape.indexOf('x')));
  }

  /** Parses the lanes of {@code v128.const shape lanes...} into a v128 value. */
  static WastValue parseV128(String shape, List<String> lanes) {
    int width = laneBits(shape);
    long[] halves = new long[2];
    for (int i = 0; i < lanes.size(); i++) {
      long bits =
          switch (shape.charAt(0)) {
            case 'f' -> width == 32 ? parseF32(lanes.get(i)) : parseF64(lanes.get(i));
            default -> parseInt(lanes.get(i));
          };
      int bit = i * width;
      long mask = width == 64 ? -1L : (1L << width) - 1;
      halves[bit / 64] |= (bits & mask) << (bit % 64);
    }
    return v128(halves[0], halves[1]);
  }

  /** Parses a constant instruction's operands ({@code (i32.const 7)} minus the parentheses). */
  static WastValue parseConst(String op, List<String> args) {
    return switch (op) {
      case "i32.const" -> i32((int) parseInt(args.get(0)));
      case "i64.const" -> i64(parseInt(args.get(0)));
      case "f32.const" -> f32(parseF32(args.get(0)));
      case "f64.const" -> f64(parseF64(args.get(0)));
      case "v128.const" -> parseV128(args.get(0), args.subList(1, args.size()));
      default -> throw new IllegalArgumentException("not a constant: " + op);
    };
  }
}

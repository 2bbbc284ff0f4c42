package dev.cortado.runtime.internal.numeric;

import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * An expected result of {@code assert_return}: a value whose float lanes may instead be the
 * patterns {@code nan:canonical} (only the quiet bit set in the payload, either sign) or {@code
 * nan:arithmetic} (quiet bit set, any payload and sign).
 */
record WastExpected(WastValue value, int laneBits, String[] patterns) {

  /** Parses a result expression such as {@code (f32.const nan:canonical)}. */
  static WastExpected parse(SExpr.Parens e) {
    String op = e.head();
    List<String> args = new ArrayList<>();
    for (SExpr item : e.items().subList(1, e.size())) {
      args.add(SExpr.atom(item));
    }
    switch (op) {
      case "f32.const", "f64.const" -> {
        String[] patterns = {pattern(args.get(0))};
        if (patterns[0] != null) {
          args.set(0, "0");
        }
        return new WastExpected(
            WastValue.parseConst(op, args), op.startsWith("f32") ? 32 : 64, patterns);
      }
      case "v128.const" -> {
        String shape = args.get(0);
        String[] patterns = new String[args.size() - 1];
        for (int i = 1; i < args.size(); i++) {
          patterns[i - 1] = pattern(args.get(i));
          if (patterns[i - 1] != null) {
            args.set(i, "0");
          }
        }
        int bits = shape.startsWith("f") ? WastValue.laneBits(shape) : 0;
        return new WastExpected(WastValue.parseConst(op, args), bits, patterns);
      }
      default -> {
        return new WastExpected(WastValue.parseConst(op, args), 0, new String[0]);
      }
    }
  }

  private static String pattern(String literal) {
    String t = literal.startsWith("-") || literal.startsWith("+") ? literal.substring(1) : literal;
    return t.equals("nan:canonical") || t.equals("nan:arithmetic") ? t : null;
  }

  /** Returns whether {@code actual} satisfies this expectation. */
  boolean matches(WastValue actual) {
    if (actual.type() != value.type()) {
      return false;
    }
    if (laneBits == 0) {
      return sameBits(actual, value);
    }
    int lanes = value.type() == ValType.V128 ? 128 / laneBits : 1;
    for (int i = 0; i < lanes; i++) {
      long got = lane(actual, i);
      long want = lane(value, i);
      String p = patterns.length > i ? patterns[i] : null;
      if (p == null ? got != want : !nanMatches(got, p)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameBits(WastValue a, WastValue b) {
    if (a.type() == ValType.I32 || a.type() == ValType.F32) {
      return (int) a.lo() == (int) b.lo();
    }
    return a.lo() == b.lo() && (a.type() != ValType.V128 || a.hi() == b.hi());
  }

  private long lane(WastValue v, int i) {
    if (laneBits == 64) {
      return i == 0 ? v.lo() : v.hi();
    }
    long half = i < 2 ? v.lo() : v.hi();
    return (half >>> (32 * (i % 2))) & 0xFFFF_FFFFL;
  }

  private boolean nanMatches(long bits, String p) {
    long exponentAndQuiet = laneBits == 32 ? 0x7FC0_0000L : 0x7FF8_0000_0000_0000L;
    long magnitude = laneBits == 32 ? bits & 0x7FFF_FFFFL : bits & Long.MAX_VALUE;
    return p.equals("nan:canonical")
        ? magnitude == exponentAndQuiet
        : (magnitude & exponentAndQuiet) == exponentAndQuiet;
  }

  @Override
  public String toString() {
    if (laneBits == 0) {
      return value.toString();
    }
    return value + " with NaN patterns " + String.join(",", List.of(patternsOrEmpty()));
  }

  private String[] patternsOrEmpty() {
    String[] out = new String[patterns.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = patterns[i] == null ? "-" : patterns[i];
    }
    return out;
  }
}

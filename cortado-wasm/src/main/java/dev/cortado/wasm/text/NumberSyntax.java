package dev.cortado.wasm.text;

/**
 * Tells which kind of number a run of idchars is, by the grammar of the text format alone (values
 * are checked when a number is used, since the range depends on where it appears).
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/values.html">Values</a>
 */
final class NumberSyntax {
  private NumberSyntax() {}

  /**
   * Returns {@link Token.Kind#NAT}, {@link Token.Kind#INT} or {@link Token.Kind#FLOAT} when {@code
   * s} is a number, else {@link Token.Kind#RESERVED}.
   */
  static Token.Kind classify(String s) {
    boolean signed = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-');
    String r = signed ? s.substring(1) : s;
    if (r.equals("inf") || r.equals("nan")) {
      return Token.Kind.FLOAT;
    }
    if (r.startsWith("nan:0x")) {
      return digitsEnd(r, 6, true) == r.length() ? Token.Kind.FLOAT : Token.Kind.RESERVED;
    }
    boolean hex = r.startsWith("0x");
    int end = digitsEnd(r, hex ? 2 : 0, hex);
    if (end < 0) {
      return Token.Kind.RESERVED;
    }
    if (end == r.length()) {
      return signed ? Token.Kind.INT : Token.Kind.NAT;
    }
    if (r.charAt(end) == '.') {
      end++;
      int frac = digitsEnd(r, end, hex);
      if (frac > 0) {
        end = frac;
      }
    }
    if (end < r.length() && isExponentMark(r.charAt(end), hex)) {
      end++;
      if (end < r.length() && (r.charAt(end) == '+' || r.charAt(end) == '-')) {
        end++;
      }
      end = digitsEnd(r, end, false);
      if (end < 0) {
        return Token.Kind.RESERVED;
      }
    }
    return end == r.length() ? Token.Kind.FLOAT : Token.Kind.RESERVED;
  }

  /** Returns whether {@code s} is an unsigned integer: digits with single {@code _} between. */
  static boolean isNat(String s) {
    return classify(s) == Token.Kind.NAT;
  }

  private static boolean isExponentMark(char c, boolean hex) {
    return hex ? c == 'p' || c == 'P' : c == 'e' || c == 'E';
  }

  /**
   * Returns the index after the digits starting at {@code from} ({@code _} allowed only between two
   * digits), or -1 when there is no digit at {@code from} or an {@code _} is misplaced.
   */
  private static int digitsEnd(String s, int from, boolean hex) {
    if (from >= s.length() || !isDigit(s.charAt(from), hex)) {
      return -1;
    }
    int i = from + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '_') {
        if (i + 1 >= s.length() || !isDigit(s.charAt(i + 1), hex)) {
          return -1;
        }
        i += 2;
      } else if (isDigit(c, hex)) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean isDigit(char c, boolean hex) {
    return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
  }
}

package dev.cortado.wasm.text;

import dev.cortado.wasm.V128;
import java.util.ArrayList;
import java.util.List;

/**
 * The immediates of {@code v128.const} (a shape and one literal per lane) and {@code i8x16.shuffle}
 * (sixteen lane indices).
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/text/instructions.html#vector-instructions">
 *     Vector instructions</a>
 */
final class SimdLiterals {
  private SimdLiterals() {}

  /** Reads a lane shape keyword. */
  static LaneShape shape(Cursor c) {
    if (c.peekToken(Token.Kind.KEYWORD)) {
      var shape = LaneShape.ofText(Cursor.token(c.peek()).text());
      if (shape.isPresent()) {
        c.next();
        return shape.get();
      }
    }
    throw c.unexpected("a vector shape (i8x16, i16x8, i32x4, i64x2, f32x4 or f64x2)");
  }

  /** Reads the operands of {@code v128.const}: a shape then its lane literals. */
  static V128 v128(Cursor c) {
    LaneShape shape = shape(c);
    List<Token> lanes = numbers(c);
    if (lanes.size() != shape.lanes()) {
      if (lanes.size() < shape.lanes() && c.peekUnknownWord()) {
        throw c.unexpected("a lane literal");
      }
      throw c.errorHere(
          "wrong number of lane literals: "
              + shape.text()
              + " takes "
              + shape.lanes()
              + ", found "
              + lanes.size());
    }
    long[] bits = new long[lanes.size()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = lane(shape, lanes.get(i));
    }
    return pack(shape, bits);
  }

  /** Returns the bits of one lane literal of {@code shape}. */
  static long lane(LaneShape shape, Token t) {
    return switch (shape) {
      case F32X4 -> FloatLiterals.f32(t) & 0xFFFFFFFFL;
      case F64X2 -> FloatLiterals.f64(t);
      default -> IntLiterals.bits(t, shape.laneBits());
    };
  }

  /** Packs lane bits (lane 0 first) into a vector. */
  static V128 pack(LaneShape shape, long[] lanes) {
    int bits = shape.laneBits();
    long low = 0;
    long high = 0;
    for (int i = 0; i < lanes.length; i++) {
      long v = bits == 64 ? lanes[i] : lanes[i] & ((1L << bits) - 1);
      int bit = i * bits;
      if (bit < 64) {
        low |= v << bit;
      } else {
        high |= v << (bit - 64);
      }
    }
    return new V128(low, high);
  }

  /** Reads the sixteen lane indices of {@code i8x16.shuffle}. */
  static V128 shuffle(Cursor c) {
    List<Token> lanes = numbers(c);
    if (lanes.size() != 16) {
      throw c.errorHere(
          "invalid lane length: i8x16.shuffle takes 16 lane indices, found " + lanes.size());
    }
    long[] bits = new long[16];
    for (int i = 0; i < 16; i++) {
      bits[i] = laneIndex(lanes.get(i));
    }
    return pack(LaneShape.I8X16, bits);
  }

  /** Returns a lane index: a natural number below 256. */
  static int laneIndex(Token t) {
    if (t.kind() != Token.Kind.NAT || IntLiterals.value(t.text()).bitLength() > 8) {
      throw t.error("malformed lane index " + t.text() + ": expected a number from 0 to 255");
    }
    return IntLiterals.value(t.text()).intValue();
  }

  private static List<Token> numbers(Cursor c) {
    List<Token> tokens = new ArrayList<>();
    while (!c.atEnd() && c.peek() instanceof SExpr.Atom a && a.token().isNumber()) {
      tokens.add(a.token());
      c.next();
    }
    return tokens;
  }
}

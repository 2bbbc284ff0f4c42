package dev.cortado.runtime.internal.numeric;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Lane-wise application of a scalar operation to v128 values held as two longs (see {@link
 * SimdLanes} for the layout), so each SIMD instruction is one line naming its lane operation.
 *
 * <p>Lambdas passed here capture nothing, so each is a single constant object and applying an
 * operation allocates nothing; once the JIT inlines the helper into an instruction's method, the
 * lambda is inlined too. Every helper reads all of its inputs before it writes {@code dst}, so
 * {@code dst} may be one of the operands.
 */
final class Lanes {
  private Lanes() {}

  /** A lane comparison on integer lanes, given as signed values of the lane width. */
  @FunctionalInterface
  interface IntCompare {
    /** Returns whether the comparison holds for lanes {@code x} and {@code y}. */
    boolean test(int x, int y);
  }

  /** A lane comparison on i64 lanes. */
  @FunctionalInterface
  interface LongCompare {
    /** Returns whether the comparison holds for lanes {@code x} and {@code y}. */
    boolean test(long x, long y);
  }

  /** An operation on one f32 lane. */
  @FunctionalInterface
  interface FloatUnary {
    /** Returns the result lane for lane {@code x}. */
    float apply(float x);
  }

  /** An operation on two f32 lanes. */
  @FunctionalInterface
  interface FloatBinary {
    /** Returns the result lane for lanes {@code x} and {@code y}. */
    float apply(float x, float y);
  }

  /** A comparison of two f32 lanes. */
  @FunctionalInterface
  interface FloatCompare {
    /** Returns whether the comparison holds for lanes {@code x} and {@code y}. */
    boolean test(float x, float y);
  }

  /** A comparison of two f64 lanes. */
  @FunctionalInterface
  interface DoubleCompare {
    /** Returns whether the comparison holds for lanes {@code x} and {@code y}. */
    boolean test(double x, double y);
  }

  // ---------------------------------------------------------------------------------------------
  // One 64-bit half at a time

  /** Returns lane {@code shift / width} of {@code half}, sign-extended from {@code width} bits. */
  static int lane(long half, int shift, int width) {
    return (int) (half >>> shift) << (32 - width) >> (32 - width);
  }

  /** Returns the mask of the low {@code width} bits. */
  static long mask(int width) {
    return -1L >>> (64 - width);
  }

  /** Returns the half with the lowest bit of every {@code width}-bit lane set, as 0x0101...01. */
  static long ones(int width) {
    return switch (width) {
      case 8 -> 0x0101_0101_0101_0101L;
      case 16 -> 0x0001_0001_0001_0001L;
      case 32 -> 0x0000_0001_0000_0001L;
      default -> 1L;
    };
  }

  /** Applies {@code op} to each {@code width}-bit lane (8, 16 or 32) of one half. */
  static long map(long x, int width, IntUnaryOperator op) {
    long m = mask(width);
    long r = 0;
    for (int s = 0; s < 64; s += width) {
      r |= (op.applyAsInt(lane(x, s, width)) & m) << s;
    }
    return r;
  }

  /** Applies {@code op} to each pair of {@code width}-bit lanes (8, 16 or 32) of two halves. */
  static long map(long x, long y, int width, IntBinaryOperator op) {
    long m = mask(width);
    long r = 0;
    for (int s = 0; s < 64; s += width) {
      r |= (op.applyAsInt(lane(x, s, width), lane(y, s, width)) & m) << s;
    }
    return r;
  }

  /** Sets each {@code width}-bit lane of the result to all ones where {@code op} holds. */
  static long compare(long x, long y, int width, IntCompare op) {
    long m = mask(width);
    long r = 0;
    for (int s = 0; s < 64; s += width) {
      if (op.test(lane(x, s, width), lane(y, s, width))) {
        r |= m << s;
      }
    }
    return r;
  }

  /**
   * Returns the half made of {@code 32 / width} lanes of {@code width} bits (8, 16 or 32) of {@code
   * half}, starting at lane {@code first}, each sign- or zero-extended to {@code 2 * width} bits.
   */
  static long widen(long half, int width, int first, boolean signed) {
    int to = 2 * width;
    long narrowMask = mask(width);
    long wideMask = mask(to);
    long r = 0;
    for (int s = 0, from = first * width; s < 64; s += to, from += width) {
      long v = lane(half, from, width);
      r |= ((signed ? v : v & narrowMask) & wideMask) << s;
    }
    return r;
  }

  // ---------------------------------------------------------------------------------------------
  // Whole v128 values in the interpreter's parallel arrays

  /** {@code dst = op(a)} lane-wise on {@code width}-bit integer lanes (8, 16 or 32). */
  static void unary(long[] lo, long[] hi, int dst, int a, int width, IntUnaryOperator op) {
    long l = map(lo[a], width, op);
    long h = map(hi[a], width, op);
    lo[dst] = l;
    hi[dst] = h;
  }

  /** {@code dst = op(a, b)} lane-wise on {@code width}-bit integer lanes (8, 16 or 32). */
  static void binary(long[] lo, long[] hi, int dst, int a, int b, int width, IntBinaryOperator op) {
    long l = map(lo[a], lo[b], width, op);
    long h = map(hi[a], hi[b], width, op);
    lo[dst] = l;
    hi[dst] = h;
  }

  /** {@code dst = a op b ? -1 : 0} lane-wise on {@code width}-bit integer lanes (8, 16 or 32). */
  static void compare(long[] lo, long[] hi, int dst, int a, int b, int width, IntCompare op) {
    long l = compare(lo[a], lo[b], width, op);
    long h = compare(hi[a], hi[b], width, op);
    lo[dst] = l;
    hi[dst] = h;
  }

  /** {@code dst = op(a)} on the two i64 lanes. */
  static void unary64(long[] lo, long[] hi, int dst, int a, LongUnaryOperator op) {
    long l = op.applyAsLong(lo[a]);
    long h = op.applyAsLong(hi[a]);
    lo[dst] = l;
    hi[dst] = h;
  }

  /** {@code dst = op(a, b)} on the two i64 lanes. */
  static void binary64(long[] lo, long[] hi, int dst, int a, int b, LongBinaryOperator op) {
    long l = op.applyAsLong(lo[a], lo[b]);
    long h = op.applyAsLong(hi[a], hi[b]);
    lo[dst] = l;
    hi[dst] = h;
  }

  /** {@code dst = a op b ? -1 : 0} on the two i64 lanes. */
  static void compare64(long[] lo, long[] hi, int dst, int a, int b, LongCompare op) {
    long l = op.test(lo[a], lo[b]) ? -1L : 0L;
    long h = op.test(hi[a], hi[b]) ? -1L : 0L;
    lo[dst] = l;
    hi[dst] = h;
  }

  /** Returns the f32 lane in the low ({@code shift} 0) or high ({@code shift} 32) half. */
  static float f32(long half, int shift) {
    return Float.intBitsToFloat((int) (half >>> shift));
  }

  /** Returns a half holding f32 lanes {@code low} and {@code high}, with their bits unchanged. */
  static long pack(float low, float high) {
    return pack(Float.floatToRawIntBits(low), Float.floatToRawIntBits(high));
  }

  /** Returns a half holding 32-bit lanes {@code low} and {@code high}. */
  static long pack(int low, int high) {
    return (low & 0xFFFF_FFFFL) | (long) high << 32;
  }

  /** {@code dst = op(a)} on the four f32 lanes. */
  static void unaryF32(long[] lo, long[] hi, int dst, int a, FloatUnary op) {
    long x = lo[a];
    long y = hi[a];
    lo[dst] = pack(op.apply(f32(x, 0)), op.apply(f32(x, 32)));
    hi[dst] = pack(op.apply(f32(y, 0)), op.apply(f32(y, 32)));
  }

  /** {@code dst = op(a, b)} on the four f32 lanes. */
  static void binaryF32(long[] lo, long[] hi, int dst, int a, int b, FloatBinary op) {
    long al = lo[a];
    long ah = hi[a];
    long bl = lo[b];
    long bh = hi[b];
    lo[dst] = pack(op.apply(f32(al, 0), f32(bl, 0)), op.apply(f32(al, 32), f32(bl, 32)));
    hi[dst] = pack(op.apply(f32(ah, 0), f32(bh, 0)), op.apply(f32(ah, 32), f32(bh, 32)));
  }

  /** {@code dst = a op b ? -1 : 0} on the four f32 lanes. */
  static void compareF32(long[] lo, long[] hi, int dst, int a, int b, FloatCompare op) {
    long al = lo[a];
    long ah = hi[a];
    long bl = lo[b];
    long bh = hi[b];
    lo[dst] =
        pack(allOnes(op.test(f32(al, 0), f32(bl, 0))), allOnes(op.test(f32(al, 32), f32(bl, 32))));
    hi[dst] =
        pack(allOnes(op.test(f32(ah, 0), f32(bh, 0))), allOnes(op.test(f32(ah, 32), f32(bh, 32))));
  }

  private static int allOnes(boolean b) {
    return b ? -1 : 0;
  }

  /** {@code dst = op(a)} on the two f64 lanes. */
  static void unaryF64(long[] lo, long[] hi, int dst, int a, DoubleUnaryOperator op) {
    double x = Double.longBitsToDouble(lo[a]);
    double y = Double.longBitsToDouble(hi[a]);
    lo[dst] = Double.doubleToRawLongBits(op.applyAsDouble(x));
    hi[dst] = Double.doubleToRawLongBits(op.applyAsDouble(y));
  }

  /** {@code dst = op(a, b)} on the two f64 lanes. */
  static void binaryF64(long[] lo, long[] hi, int dst, int a, int b, DoubleBinaryOperator op) {
    double al = Double.longBitsToDouble(lo[a]);
    double ah = Double.longBitsToDouble(hi[a]);
    double bl = Double.longBitsToDouble(lo[b]);
    double bh = Double.longBitsToDouble(hi[b]);
    lo[dst] = Double.doubleToRawLongBits(op.applyAsDouble(al, bl));
    hi[dst] = Double.doubleToRawLongBits(op.applyAsDouble(ah, bh));
  }

  /** {@code dst = a op b ? -1 : 0} on the two f64 lanes. */
  static void compareF64(long[] lo, long[] hi, int dst, int a, int b, DoubleCompare op) {
    double al = Double.longBitsToDouble(lo[a]);
    double ah = Double.longBitsToDouble(hi[a]);
    double bl = Double.longBitsToDouble(lo[b]);
    double bh = Double.longBitsToDouble(hi[b]);
    lo[dst] = op.test(al, bl) ? -1L : 0L;
    hi[dst] = op.test(ah, bh) ? -1L : 0L;
  }
}

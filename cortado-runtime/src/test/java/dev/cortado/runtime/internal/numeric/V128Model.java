package dev.cortado.runtime.internal.numeric;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

/**
 * A deliberately plain model of v128 values for tests: lanes read and written one at a time by bit
 * index, so the helpers' SWAR tricks and lane loops are checked against something that shares no
 * code with them. Also makes random vectors whose lanes favour extreme values.
 */
final class V128Model {
  /** Slots used when calling helpers: results go to 0, operands live in 1, 2 and 3. */
  static final int DST = 0;

  static final int A = 1;
  static final int B = 2;
  static final int C = 3;

  final long[] lo = new long[4];
  final long[] hi = new long[4];

  /** Puts {@code v} (lo, hi) in slot {@code slot}. */
  void set(int slot, long[] v) {
    lo[slot] = v[0];
    hi[slot] = v[1];
  }

  /** Returns the value in slot {@code slot} as {lo, hi}. */
  long[] get(int slot) {
    return new long[] {lo[slot], hi[slot]};
  }

  /** A unary vector helper. */
  @FunctionalInterface
  interface Unary {
    void apply(long[] lo, long[] hi, int dst, int a);
  }

  /** A binary vector helper. */
  @FunctionalInterface
  interface Binary {
    void apply(long[] lo, long[] hi, int dst, int a, int b);
  }

  // ---------------------------------------------------------------------------------------------
  // Lanes

  /** Returns lane {@code i} of {@code width} bits, sign- or zero-extended. */
  static long lane(long[] v, int width, int i, boolean signed) {
    int bit = i * width;
    long raw = v[bit / 64] >>> (bit % 64);
    if (width == 64) {
      return raw;
    }
    return signed ? raw << (64 - width) >> (64 - width) : raw & ((1L << width) - 1);
  }

  /** Sets lane {@code i} of {@code width} bits of {@code v} to the low bits of {@code x}. */
  static void setLane(long[] v, int width, int i, long x) {
    int bit = i * width;
    long mask = width == 64 ? -1L : (1L << width) - 1;
    v[bit / 64] = (v[bit / 64] & ~(mask << (bit % 64))) | ((x & mask) << (bit % 64));
  }

  /** Returns the vector whose {@code width}-bit lanes are {@code lanes}. */
  static long[] of(int width, long... lanes) {
    long[] v = new long[2];
    for (int i = 0; i < lanes.length; i++) {
      setLane(v, width, i, lanes[i]);
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------
  // Random vectors

  /** Returns a random lane of {@code width} bits, often an extreme or small value. */
  static long randomLane(SplittableRandom r, int width) {
    long min = width == 64 ? Long.MIN_VALUE : -(1L << (width - 1));
    long max = width == 64 ? Long.MAX_VALUE : (1L << (width - 1)) - 1;
    return switch (r.nextInt(10)) {
      case 0 -> 0;
      case 1 -> 1;
      case 2 -> -1;
      case 3 -> min;
      case 4 -> max;
      case 5 -> min + 1;
      case 6 -> max - 1;
      case 7 -> r.nextInt(-4, 5);
      default -> r.nextLong();
    };
  }

  /** Returns a random vector with lanes of {@code width} bits from {@link #randomLane}. */
  static long[] random(SplittableRandom r, int width) {
    long[] v = new long[2];
    for (int i = 0; i < 128 / width; i++) {
      setLane(v, width, i, randomLane(r, width));
    }
    return v;
  }

  /** Returns a random vector with lanes of a random width, so neighbouring lanes differ. */
  static long[] random(SplittableRandom r) {
    return random(r, 8 << r.nextInt(4));
  }

  /** Fails unless {@code actual} equals {@code expected}, naming the inputs. */
  static void assertVector(long[] expected, long[] actual, String what) {
    if (expected[0] != actual[0] || expected[1] != actual[1]) {
      fail(
          String.format(
              "%s: expected 0x%016x_%016x but got 0x%016x_%016x",
              what, expected[1], expected[0], actual[1], actual[0]));
    }
  }

  /** Describes a vector for failure messages. */
  static String hex(long[] v) {
    return String.format("0x%016x_%016x", v[1], v[0]);
  }
}

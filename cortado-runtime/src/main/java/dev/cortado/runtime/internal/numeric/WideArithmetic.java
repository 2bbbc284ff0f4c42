package dev.cortado.runtime.internal.numeric;

/**
 * The wide arithmetic proposal's high halves, for the interpreter and compiled code alike. Its
 * instructions have two results, the low half then the high half; the low halves are the plain
 * 64-bit add, subtract and multiply, exact in the JVM, so only the high halves need code.
 *
 * @see <a
 *     href="https://github.com/WebAssembly/wide-arithmetic/blob/main/proposals/wide-arithmetic/Overview.md">Wide
 *     arithmetic</a>
 */
public final class WideArithmetic {
  private WideArithmetic() {}

  /**
   * The high half of {@code i64.add128}: {@code aHi + bHi} plus the carry out of the low halves'
   * sum (whose low half is {@code aLo + bLo}).
   */
  public static long i64Add128Hi(long aLo, long aHi, long bLo, long bHi) {
    long carry = Long.compareUnsigned(aLo + bLo, aLo) < 0 ? 1 : 0;
    return aHi + bHi + carry;
  }

  /**
   * The high half of {@code i64.sub128}: {@code aHi - bHi} minus the borrow of the low halves'
   * difference (whose low half is {@code aLo - bLo}).
   */
  public static long i64Sub128Hi(long aLo, long aHi, long bLo, long bHi) {
    long borrow = Long.compareUnsigned(aLo, bLo) < 0 ? 1 : 0;
    return aHi - bHi - borrow;
  }

  /**
   * The high half of {@code i64.mul_wide_s}, the signed 128-bit product (low half: {@code a * b}).
   */
  public static long i64MulWideHiS(long a, long b) {
    return Math.multiplyHigh(a, b);
  }

  /** The high half of {@code i64.mul_wide_u}, the unsigned 128-bit product. */
  public static long i64MulWideHiU(long a, long b) {
    return Math.unsignedMultiplyHigh(a, b);
  }
}

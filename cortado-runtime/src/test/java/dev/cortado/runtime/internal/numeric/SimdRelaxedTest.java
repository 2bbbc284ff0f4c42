package dev.cortado.runtime.internal.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The deterministic choices of the relaxed SIMD instructions. */
class SimdRelaxedTest {
  // Registers: 0 the result, 1..3 the operands.
  private final long[] lo = new long[4];
  private final long[] hi = new long[4];

  private void f32s(int reg, float a, float b, float c, float d) {
    lo[reg] = Lanes.pack(a, b);
    hi[reg] = Lanes.pack(c, d);
  }

  @Test
  void maddRoundsOnceAsAFusedMultiplyAdd() {
    // (1 + 2^-23) * (1 - 2^-23) = 1 - 2^-46: unfused it rounds to 1 first and then gives 0.
    float x = 1 + 0x1p-23f;
    float y = 1 - 0x1p-23f;
    f32s(1, x, x, x, x);
    f32s(2, y, y, y, y);
    f32s(3, -1, -1, 1, 1);
    // Only results near zero keep the 2^-46, so lanes 0 (madd: x*y - 1) and 3 (nmadd: -x*y + 1).
    SimdRelaxed.f32x4RelaxedMadd(lo, hi, 0, 1, 2, 3);
    assertEquals(-0x1p-46f, Lanes.f32(lo[0], 0));
    SimdRelaxed.f32x4RelaxedNmadd(lo, hi, 0, 1, 2, 3);
    assertEquals(0x1p-46f, Lanes.f32(hi[0], 32));
  }

  @Test
  void f64MaddRoundsOnce() {
    double x = 1 + 0x1p-52;
    double y = 1 - 0x1p-52;
    lo[1] = Double.doubleToRawLongBits(x);
    lo[2] = Double.doubleToRawLongBits(y);
    lo[3] = Double.doubleToRawLongBits(-1);
    SimdRelaxed.f64x2RelaxedMadd(lo, hi, 0, 1, 2, 3);
    assertEquals(-0x1p-104, Double.longBitsToDouble(lo[0]));
  }

  @Test
  void dotProductsReadBothOperandsAsSignedBytesAndWrap() {
    // Bytes -128, -128 times -127, -127: 32,512 as signed * signed.
    lo[1] = 0x8080L;
    lo[2] = 0x8181L;
    SimdRelaxed.i16x8RelaxedDotI8x16I7x16S(lo, hi, 0, 1, 2);
    assertEquals(32_512, lo[0] & 0xFFFF);
    // -128 * -128 twice is 32,768: wrapped to 16 bits.
    lo[2] = 0x8080L;
    SimdRelaxed.i16x8RelaxedDotI8x16I7x16S(lo, hi, 0, 1, 2);
    assertEquals(-32_768, (short) lo[0]);
    // Four products and the accumulator lane.
    lo[1] = 0x8080_8080L;
    lo[2] = 0x8181_8181L;
    lo[3] = 1;
    SimdRelaxed.i32x4RelaxedDotI8x16I7x16AddS(lo, hi, 0, 1, 2, 3);
    assertEquals(65_025, (int) lo[0]);
  }

  @Test
  void theOthersAreTheirStrictInstructions() {
    lo[1] = 0x0706_0504_0302_0100L;
    hi[1] = 0x0F0E_0D0C_0B0A_0908L;
    lo[2] = 0x1000_0000_0000_000FL; // index 16 gives 0, index 15 the last byte
    SimdRelaxed.i8x16RelaxedSwizzle(lo, hi, 0, 1, 2);
    assertEquals(0x0000_0000_0000_000FL, lo[0]);
    f32s(1, Float.NaN, -1e10f, 3e9f, -0.5f);
    SimdRelaxed.i32x4RelaxedTruncF32x4S(lo, hi, 0, 1);
    assertEquals(Lanes.pack(0, Integer.MIN_VALUE), lo[0]);
    assertEquals(Lanes.pack(Integer.MAX_VALUE, 0), hi[0]);
    lo[1] = -1L;
    lo[2] = 0;
    lo[3] = 0x00FF_00FFL;
    SimdRelaxed.i16x8RelaxedLaneselect(lo, hi, 0, 1, 2, 3);
    assertEquals(0x00FF_00FFL, lo[0]);
  }
}

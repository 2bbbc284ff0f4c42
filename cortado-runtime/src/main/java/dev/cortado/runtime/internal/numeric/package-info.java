/**
 * WebAssembly arithmetic written once, for the interpreter and the compiler: every numeric and
 * vector instruction whose meaning is not a plain Java operator, as allocation-free static methods
 * named after the instruction ({@code i32.trunc_f64_u} is {@code i32TruncF64U}, {@code
 * i16x8.extmul_low_i8x16_s} is {@code i16x8ExtmulLowI8x16S}).
 *
 * <p>Scalars: {@link dev.cortado.runtime.internal.numeric.Numerics} (integer division, float sign
 * operations, rounding, min/max, sqrt) and {@link dev.cortado.runtime.internal.numeric.Conversions}
 * (truncation, unsigned conversion, demote and promote); their class comments list the instructions
 * that need no helper.
 *
 * <p>Vectors (v128 as two longs in parallel {@code long[] lo, long[] hi} slot arrays, see {@link
 * dev.cortado.runtime.internal.numeric.SimdLanes}): {@code SimdLanes} (splat, lanes, shuffle, load
 * transforms), {@code SimdBitwise} (bitwise ops, any/all_true, bitmask), {@code SimdIntArith},
 * {@code SimdIntCompare}, {@code SimdShift}, {@code SimdWiden} (extend, extmul, extadd, dot,
 * narrow), {@code SimdFloat} and {@code SimdConvert}. {@code Lanes} is the shared lane-wise
 * machinery.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html">Numerics</a>
 */
package dev.cortado.runtime.internal.numeric;

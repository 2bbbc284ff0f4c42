package dev.cortado.runtime.internal.numeric;

import dev.cortado.runtime.internal.numeric.Lanes.DoubleCompare;
import dev.cortado.runtime.internal.numeric.Lanes.FloatBinary;
import dev.cortado.runtime.internal.numeric.Lanes.FloatCompare;
import dev.cortado.runtime.internal.numeric.Lanes.LongCompare;
import dev.cortado.runtime.internal.numeric.WastMachine.Exec;
import dev.cortado.wasm.ValType;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * The instructions that need no helper: the plain Java operator the class comments of {@link
 * Numerics} and {@link Conversions} name for each. Running them against the suite checks those
 * comments.
 */
final class JavaOperators {
  private JavaOperators() {}

  static void register(Map<String, Exec> execs) {
    new Registrar(execs).all();
  }

  private record Registrar(Map<String, Exec> execs) {
    void all() {
      integers32();
      integers64();
      floats();
      conversions();
    }

    private void integers32() {
      i32("i32.add", Integer::sum);
      i32("i32.sub", (x, y) -> x - y);
      i32("i32.mul", (x, y) -> x * y);
      i32("i32.and", (x, y) -> x & y);
      i32("i32.or", (x, y) -> x | y);
      i32("i32.xor", (x, y) -> x ^ y);
      i32("i32.shl", (x, y) -> x << y);
      i32("i32.shr_s", (x, y) -> x >> y);
      i32("i32.shr_u", (x, y) -> x >>> y);
      i32("i32.rotl", Integer::rotateLeft);
      i32("i32.rotr", Integer::rotateRight);
      i32("i32.eq", (x, y) -> bool(x == y));
      i32("i32.ne", (x, y) -> bool(x != y));
      i32("i32.lt_s", (x, y) -> bool(x < y));
      i32("i32.lt_u", (x, y) -> bool(Integer.compareUnsigned(x, y) < 0));
      i32("i32.gt_s", (x, y) -> bool(x > y));
      i32("i32.gt_u", (x, y) -> bool(Integer.compareUnsigned(x, y) > 0));
      i32("i32.le_s", (x, y) -> bool(x <= y));
      i32("i32.le_u", (x, y) -> bool(Integer.compareUnsigned(x, y) <= 0));
      i32("i32.ge_s", (x, y) -> bool(x >= y));
      i32("i32.ge_u", (x, y) -> bool(Integer.compareUnsigned(x, y) >= 0));
      i32("i32.clz", Integer::numberOfLeadingZeros);
      i32("i32.ctz", Integer::numberOfTrailingZeros);
      i32("i32.popcnt", Integer::bitCount);
      i32("i32.eqz", x -> bool(x == 0));
      i32("i32.extend8_s", x -> (byte) x);
      i32("i32.extend16_s", x -> (short) x);
    }

    private void integers64() {
      i64("i64.add", Long::sum);
      i64("i64.sub", (x, y) -> x - y);
      i64("i64.mul", (x, y) -> x * y);
      i64("i64.and", (x, y) -> x & y);
      i64("i64.or", (x, y) -> x | y);
      i64("i64.xor", (x, y) -> x ^ y);
      i64("i64.shl", (x, y) -> x << y);
      i64("i64.shr_s", (x, y) -> x >> y);
      i64("i64.shr_u", (x, y) -> x >>> y);
      i64("i64.rotl", (x, y) -> Long.rotateLeft(x, (int) y));
      i64("i64.rotr", (x, y) -> Long.rotateRight(x, (int) y));
      i64Compare("i64.eq", (x, y) -> x == y);
      i64Compare("i64.ne", (x, y) -> x != y);
      i64Compare("i64.lt_s", (x, y) -> x < y);
      i64Compare("i64.lt_u", (x, y) -> Long.compareUnsigned(x, y) < 0);
      i64Compare("i64.gt_s", (x, y) -> x > y);
      i64Compare("i64.gt_u", (x, y) -> Long.compareUnsigned(x, y) > 0);
      i64Compare("i64.le_s", (x, y) -> x <= y);
      i64Compare("i64.le_u", (x, y) -> Long.compareUnsigned(x, y) <= 0);
      i64Compare("i64.ge_s", (x, y) -> x >= y);
      i64Compare("i64.ge_u", (x, y) -> Long.compareUnsigned(x, y) >= 0);
      i64("i64.clz", x -> Long.numberOfLeadingZeros(x));
      i64("i64.ctz", x -> Long.numberOfTrailingZeros(x));
      i64("i64.popcnt", x -> Long.bitCount(x));
      i64("i64.extend8_s", x -> (byte) x);
      i64("i64.extend16_s", x -> (short) x);
      i64("i64.extend32_s", x -> (int) x);
      convert("i64.eqz", ValType.I64, ValType.I32, x -> bool(x == 0));
    }

    private void floats() {
      f32("f32.add", (x, y) -> x + y);
      f32("f32.sub", (x, y) -> x - y);
      f32("f32.mul", (x, y) -> x * y);
      f32("f32.div", (x, y) -> x / y);
      f32Compare("f32.eq", (x, y) -> x == y);
      f32Compare("f32.ne", (x, y) -> x != y);
      f32Compare("f32.lt", (x, y) -> x < y);
      f32Compare("f32.gt", (x, y) -> x > y);
      f32Compare("f32.le", (x, y) -> x <= y);
      f32Compare("f32.ge", (x, y) -> x >= y);
      f64("f64.add", Double::sum);
      f64("f64.sub", (x, y) -> x - y);
      f64("f64.mul", (x, y) -> x * y);
      f64("f64.div", (x, y) -> x / y);
      f64Compare("f64.eq", (x, y) -> x == y);
      f64Compare("f64.ne", (x, y) -> x != y);
      f64Compare("f64.lt", (x, y) -> x < y);
      f64Compare("f64.gt", (x, y) -> x > y);
      f64Compare("f64.le", (x, y) -> x <= y);
      f64Compare("f64.ge", (x, y) -> x >= y);
    }

    private void conversions() {
      ValType i32 = ValType.I32;
      ValType i64 = ValType.I64;
      ValType f32 = ValType.F32;
      ValType f64 = ValType.F64;
      convert("i32.wrap_i64", i64, i32, x -> (int) x);
      convert("i64.extend_i32_s", i32, i64, x -> (int) x);
      convert("i64.extend_i32_u", i32, i64, x -> x & 0xFFFF_FFFFL);
      convert("f32.convert_i32_s", i32, f32, x -> Float.floatToRawIntBits((int) x));
      convert("f32.convert_i64_s", i64, f32, x -> Float.floatToRawIntBits(x));
      convert("f64.convert_i32_s", i32, f64, x -> Double.doubleToRawLongBits((int) x));
      convert("f64.convert_i64_s", i64, f64, x -> Double.doubleToRawLongBits(x));
      convert("i32.reinterpret_f32", f32, i32, x -> x);
      convert("f32.reinterpret_i32", i32, f32, x -> x);
      convert("i64.reinterpret_f64", f64, i64, x -> x);
      convert("f64.reinterpret_i64", i64, f64, x -> x);
    }

    private static int bool(boolean b) {
      return b ? 1 : 0;
    }

    /** Registers an instruction from {@code from} to {@code to} on raw bits. */
    private void convert(String name, ValType from, ValType to, LongUnaryOperator op) {
      boolean narrow = to == ValType.I32 || to == ValType.F32;
      execs.put(
          name,
          (f, imms) -> {
            long r = op.applyAsLong(f.pop().lo());
            f.push(new WastValue(to, narrow ? (int) r : r, 0));
          });
    }

    private void i32(String name, IntUnaryOperator op) {
      convert(name, ValType.I32, ValType.I32, x -> op.applyAsInt((int) x));
    }

    private void i32(String name, IntBinaryOperator op) {
      binary(name, ValType.I32, (x, y) -> op.applyAsInt((int) x, (int) y));
    }

    private void i64(String name, LongUnaryOperator op) {
      convert(name, ValType.I64, ValType.I64, op);
    }

    private void i64(String name, LongBinaryOperator op) {
      binary(name, ValType.I64, op);
    }

    private void i64Compare(String name, LongCompare op) {
      binary(name, ValType.I32, (x, y) -> bool(op.test(x, y)));
    }

    private void f32(String name, FloatBinary op) {
      binary(name, ValType.F32, (x, y) -> Float.floatToRawIntBits(op.apply(f(x), f(y))));
    }

    private void f32Compare(String name, FloatCompare op) {
      binary(name, ValType.I32, (x, y) -> bool(op.test(f(x), f(y))));
    }

    private void f64(String name, DoubleBinaryOperator op) {
      binary(name, ValType.F64, (x, y) -> Double.doubleToRawLongBits(op.applyAsDouble(d(x), d(y))));
    }

    private void f64Compare(String name, DoubleCompare op) {
      binary(name, ValType.I32, (x, y) -> bool(op.test(d(x), d(y))));
    }

    private static float f(long bits) {
      return Float.intBitsToFloat((int) bits);
    }

    private static double d(long bits) {
      return Double.longBitsToDouble(bits);
    }

    /** Registers a binary instruction with result type {@code to} on raw bits. */
    private void binary(String name, ValType to, LongBinaryOperator op) {
      boolean narrow = to == ValType.I32 || to == ValType.F32;
      execs.put(
          name,
          (f, imms) -> {
            long y = f.pop().lo();
            long x = f.pop().lo();
            long r = op.applyAsLong(x, y);
            f.push(new WastValue(to, narrow ? (int) r : r, 0));
          });
    }
  }
}

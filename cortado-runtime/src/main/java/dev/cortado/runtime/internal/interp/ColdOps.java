package dev.cortado.runtime.internal.interp;

import static dev.cortado.runtime.internal.interp.Interpreter.address;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.internal.numeric.Conversions;
import dev.cortado.runtime.internal.numeric.Numerics;
import dev.cortado.runtime.internal.store.FunctionInstance;
import dev.cortado.runtime.internal.store.Gc;
import dev.cortado.runtime.internal.store.GlobalInstance;
import dev.cortado.runtime.internal.store.MemoryInstance;
import dev.cortado.runtime.internal.store.ModuleInstance;

/**
 * The instructions that {@link Interpreter}'s dispatch method leaves out to stay small: less
 * frequent numbers, narrow loads and stores, vector and reference moves.
 */
final class ColdOps {
  private ColdOps() {}

  private static float f32(long bits) {
    return Float.intBitsToFloat((int) bits);
  }

  private static double f64(long bits) {
    return Double.longBitsToDouble(bits);
  }

  private static long bits(float f) {
    return Float.floatToRawIntBits(f);
  }

  private static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }

  /** Returns the function {@code call_ref} calls through {@code ref}, or traps if it is null. */
  static FunctionInstance refCallee(Object ref) {
    if (ref == null) {
      throw Trap.of(TrapKind.NULL_FUNCTION_REFERENCE);
    }
    return (FunctionInstance) ref;
  }

  /** Runs the instruction at {@code pc} and returns the position of the next one. */
  static int execute(
      Machine m, ModuleInstance inst, byte[] mem, int memSize, int[] code, int pc, int fp) {
    long[] s = m.lo;
    int op = code[pc];
    int d = fp + code[pc + 1];
    switch (op) {
      case Ir.CLAMP_U32 -> {
        long v = s[fp + code[pc + 2]];
        s[d] = Long.compareUnsigned(v, 0xFFFF_FFFFL) > 0 ? 0xFFFF_FFFFL : v;
        return pc + 3;
      }
      case Ir.GC -> {
        return GcOps.execute(m, inst, code, pc, fp);
      }
      case Ir.WIDE -> {
        return WideOps.execute(m, code, pc, fp);
      }
      case Ir.BR_CAST, Ir.BR_CAST_FAIL -> {
        boolean is = Gc.test(inst, m.refs[d], code[pc + 2], code[pc + 3] != 0);
        return is == (op == Ir.BR_CAST) ? code[pc + 4] : pc + 5;
      }
      case Ir.THROW -> throw Unwinding.throwTag(m, inst, code, pc, fp);
      case Ir.THROW_REF -> throw Unwinding.throwRef(m, code, pc, fp);
      case Ir.CONST_V128 -> {
        s[d] = (code[pc + 2] & 0xFFFF_FFFFL) | ((long) code[pc + 3] << 32);
        m.hi[d] = (code[pc + 4] & 0xFFFF_FFFFL) | ((long) code[pc + 5] << 32);
        return pc + 6;
      }
      case Ir.REF_NULL -> {
        m.refs[d] = null;
        return pc + 2;
      }
      case Ir.REF_FUNC -> {
        m.refs[d] = inst.functions[code[pc + 2]];
        return pc + 3;
      }
      case Ir.REF_AS_NON_NULL -> {
        Object ref = m.refs[fp + code[pc + 2]];
        if (ref == null) {
          throw Trap.of(TrapKind.NULL_REFERENCE);
        }
        m.refs[d] = ref;
        return pc + 3;
      }
      case Ir.REF_IS_NULL -> {
        s[d] = m.refs[fp + code[pc + 2]] == null ? 1 : 0;
        return pc + 3;
      }
      case Ir.SELECT_V128 -> {
        int from = (int) s[fp + code[pc + 2]] != 0 ? fp + code[pc + 3] : fp + code[pc + 4];
        s[d] = s[from];
        m.hi[d] = m.hi[from];
        return pc + 5;
      }
      case Ir.SELECT_REF -> {
        int from = (int) s[fp + code[pc + 2]] != 0 ? fp + code[pc + 3] : fp + code[pc + 4];
        m.refs[d] = m.refs[from];
        return pc + 5;
      }
      case Ir.GLOBAL_GET_V128 -> {
        GlobalInstance g = inst.globals[code[pc + 2]];
        s[d] = g.value;
        m.hi[d] = g.high;
        return pc + 3;
      }
      case Ir.GLOBAL_SET_V128 -> {
        GlobalInstance g = inst.globals[code[pc + 1]];
        g.value = s[fp + code[pc + 2]];
        g.high = m.hi[fp + code[pc + 2]];
        return pc + 3;
      }
      case Ir.GLOBAL_GET_REF -> {
        m.refs[d] = inst.globals[code[pc + 2]].ref;
        return pc + 3;
      }
      case Ir.GLOBAL_SET_REF -> {
        inst.globals[code[pc + 1]].ref = m.refs[fp + code[pc + 2]];
        return pc + 3;
      }
      default -> {
        if (op >= Ir.I32_LOAD && op <= Ir.I64_STORE32) {
          return memoryAccess(s, mem, memSize, code, pc, fp);
        }
        if (unary(op, s, d, s[fp + code[pc + 2]])) {
          return pc + 3;
        }
        binary(op, s, d, s[fp + code[pc + 2]], s[fp + code[pc + 3]]);
        return pc + 4;
      }
    }
  }

  private static int memoryAccess(long[] s, byte[] mem, int memSize, int[] code, int pc, int fp) {
    int op = code[pc];
    int v = fp + code[pc + 1];
    long a = s[fp + code[pc + 2]];
    int off = code[pc + 3];
    switch (op) {
      case Ir.I32_LOAD16_S ->
          s[v] = (short) MemoryInstance.SHORT.get(mem, address(memSize, a, off, 2));
      case Ir.I32_LOAD16_U ->
          s[v] = (short) MemoryInstance.SHORT.get(mem, address(memSize, a, off, 2)) & 0xFFFF;
      case Ir.I64_LOAD8_S -> s[v] = mem[address(memSize, a, off, 1)];
      case Ir.I64_LOAD8_U -> s[v] = mem[address(memSize, a, off, 1)] & 0xFF;
      case Ir.I64_LOAD16_S ->
          s[v] = (short) MemoryInstance.SHORT.get(mem, address(memSize, a, off, 2));
      case Ir.I64_LOAD16_U ->
          s[v] = (short) MemoryInstance.SHORT.get(mem, address(memSize, a, off, 2)) & 0xFFFF;
      case Ir.I64_LOAD32_S -> s[v] = (int) MemoryInstance.INT.get(mem, address(memSize, a, off, 4));
      case Ir.I64_LOAD32_U ->
          s[v] = (int) MemoryInstance.INT.get(mem, address(memSize, a, off, 4)) & 0xFFFF_FFFFL;
      case Ir.I32_STORE16, Ir.I64_STORE16 ->
          MemoryInstance.SHORT.set(mem, address(memSize, a, off, 2), (short) s[v]);
      case Ir.I64_STORE8 -> mem[address(memSize, a, off, 1)] = (byte) s[v];
      case Ir.I64_STORE32 -> MemoryInstance.INT.set(mem, address(memSize, a, off, 4), (int) s[v]);
      default -> throw new IllegalStateException("IR opcode " + op + " is not a memory access");
    }
    return pc + 4;
  }

  /** Runs a one-operand numeric instruction; returns false if {@code op} is not one. */
  private static boolean unary(int op, long[] s, int d, long a) {
    switch (op) {
      case Ir.I32_CLZ -> s[d] = Integer.numberOfLeadingZeros((int) a);
      case Ir.I32_CTZ -> s[d] = Integer.numberOfTrailingZeros((int) a);
      case Ir.I32_POPCNT -> s[d] = Integer.bitCount((int) a);
      case Ir.I64_CLZ -> s[d] = Long.numberOfLeadingZeros(a);
      case Ir.I64_CTZ -> s[d] = Long.numberOfTrailingZeros(a);
      case Ir.I64_POPCNT -> s[d] = Long.bitCount(a);
      case Ir.F32_ABS -> s[d] = Numerics.f32Abs((int) a);
      case Ir.F32_NEG -> s[d] = Numerics.f32Neg((int) a);
      case Ir.F32_CEIL -> s[d] = bits(Numerics.f32Ceil(f32(a)));
      case Ir.F32_FLOOR -> s[d] = bits(Numerics.f32Floor(f32(a)));
      case Ir.F32_TRUNC -> s[d] = bits(Numerics.f32Trunc(f32(a)));
      case Ir.F32_NEAREST -> s[d] = bits(Numerics.f32Nearest(f32(a)));
      case Ir.F32_SQRT -> s[d] = bits(Numerics.f32Sqrt(f32(a)));
      case Ir.F64_ABS -> s[d] = Numerics.f64Abs(a);
      case Ir.F64_NEG -> s[d] = Numerics.f64Neg(a);
      case Ir.F64_CEIL -> s[d] = bits(Numerics.f64Ceil(f64(a)));
      case Ir.F64_FLOOR -> s[d] = bits(Numerics.f64Floor(f64(a)));
      case Ir.F64_TRUNC -> s[d] = bits(Numerics.f64Trunc(f64(a)));
      case Ir.F64_NEAREST -> s[d] = bits(Numerics.f64Nearest(f64(a)));
      case Ir.F64_SQRT -> s[d] = bits(Numerics.f64Sqrt(f64(a)));
      case Ir.I32_TRUNC_F32_S -> s[d] = Conversions.i32TruncF32S(f32(a));
      case Ir.I32_TRUNC_F32_U -> s[d] = Conversions.i32TruncF32U(f32(a));
      case Ir.I32_TRUNC_F64_S -> s[d] = Conversions.i32TruncF64S(f64(a));
      case Ir.I32_TRUNC_F64_U -> s[d] = Conversions.i32TruncF64U(f64(a));
      case Ir.I64_TRUNC_F32_S -> s[d] = Conversions.i64TruncF32S(f32(a));
      case Ir.I64_TRUNC_F32_U -> s[d] = Conversions.i64TruncF32U(f32(a));
      case Ir.I64_TRUNC_F64_S -> s[d] = Conversions.i64TruncF64S(f64(a));
      case Ir.I64_TRUNC_F64_U -> s[d] = Conversions.i64TruncF64U(f64(a));
      case Ir.I32_TRUNC_SAT_F32_S -> s[d] = Conversions.i32TruncSatF32S(f32(a));
      case Ir.I32_TRUNC_SAT_F32_U -> s[d] = Conversions.i32TruncSatF32U(f32(a));
      case Ir.I32_TRUNC_SAT_F64_S -> s[d] = Conversions.i32TruncSatF64S(f64(a));
      case Ir.I32_TRUNC_SAT_F64_U -> s[d] = Conversions.i32TruncSatF64U(f64(a));
      case Ir.I64_TRUNC_SAT_F32_S -> s[d] = Conversions.i64TruncSatF32S(f32(a));
      case Ir.I64_TRUNC_SAT_F32_U -> s[d] = Conversions.i64TruncSatF32U(f32(a));
      case Ir.I64_TRUNC_SAT_F64_S -> s[d] = Conversions.i64TruncSatF64S(f64(a));
      case Ir.I64_TRUNC_SAT_F64_U -> s[d] = Conversions.i64TruncSatF64U(f64(a));
      case Ir.F32_CONVERT_I32_S -> s[d] = bits((float) (int) a);
      case Ir.F32_CONVERT_I32_U -> s[d] = bits(Conversions.f32ConvertI32U((int) a));
      case Ir.F32_CONVERT_I64_S -> s[d] = bits((float) a);
      case Ir.F32_CONVERT_I64_U -> s[d] = bits(Conversions.f32ConvertI64U(a));
      case Ir.F32_DEMOTE_F64 -> s[d] = bits(Conversions.f32DemoteF64(f64(a)));
      case Ir.F64_CONVERT_I32_S -> s[d] = bits((double) (int) a);
      case Ir.F64_CONVERT_I32_U -> s[d] = bits((double) (a & 0xFFFF_FFFFL));
      case Ir.F64_CONVERT_I64_S -> s[d] = bits((double) a);
      case Ir.F64_CONVERT_I64_U -> s[d] = bits(Conversions.f64ConvertI64U(a));
      case Ir.F64_PROMOTE_F32 -> s[d] = bits(Conversions.f64PromoteF32(f32(a)));
      case Ir.I32_REINTERPRET_F32, Ir.F32_REINTERPRET_I32 -> s[d] = (int) a;
      case Ir.I64_REINTERPRET_F64, Ir.F64_REINTERPRET_I64 -> s[d] = a;
      case Ir.I32_EXTEND8_S -> s[d] = (byte) a;
      case Ir.I32_EXTEND16_S -> s[d] = (short) a;
      case Ir.I64_EXTEND8_S -> s[d] = (byte) a;
      case Ir.I64_EXTEND16_S -> s[d] = (short) a;
      case Ir.I64_EXTEND32_S -> s[d] = (int) a;
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Runs a two-operand numeric instruction. */
  private static void binary(int op, long[] s, int d, long a, long b) {
    s[d] =
        switch (op) {
          case Ir.I32_DIV_S -> Numerics.i32DivS((int) a, (int) b);
          case Ir.I32_DIV_U -> Numerics.i32DivU((int) a, (int) b);
          case Ir.I32_REM_S -> Numerics.i32RemS((int) a, (int) b);
          case Ir.I32_REM_U -> Numerics.i32RemU((int) a, (int) b);
          case Ir.I32_ROTL -> Integer.rotateLeft((int) a, (int) b);
          case Ir.I32_ROTR -> Integer.rotateRight((int) a, (int) b);
          case Ir.I64_DIV_S -> Numerics.i64DivS(a, b);
          case Ir.I64_DIV_U -> Numerics.i64DivU(a, b);
          case Ir.I64_REM_S -> Numerics.i64RemS(a, b);
          case Ir.I64_REM_U -> Numerics.i64RemU(a, b);
          case Ir.I64_ROTL -> Long.rotateLeft(a, (int) b);
          case Ir.I64_ROTR -> Long.rotateRight(a, (int) b);
          case Ir.I64_GT_U -> Long.compareUnsigned(a, b) > 0 ? 1 : 0;
          case Ir.I64_LE_U -> Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
          case Ir.I64_GE_U -> Long.compareUnsigned(a, b) >= 0 ? 1 : 0;
          case Ir.F32_EQ -> f32(a) == f32(b) ? 1 : 0;
          case Ir.F32_NE -> f32(a) != f32(b) ? 1 : 0;
          case Ir.F32_LT -> f32(a) < f32(b) ? 1 : 0;
          case Ir.F32_GT -> f32(a) > f32(b) ? 1 : 0;
          case Ir.F32_LE -> f32(a) <= f32(b) ? 1 : 0;
          case Ir.F32_GE -> f32(a) >= f32(b) ? 1 : 0;
          case Ir.F64_EQ -> f64(a) == f64(b) ? 1 : 0;
          case Ir.F64_NE -> f64(a) != f64(b) ? 1 : 0;
          case Ir.F64_LT -> f64(a) < f64(b) ? 1 : 0;
          case Ir.F64_GT -> f64(a) > f64(b) ? 1 : 0;
          case Ir.F64_LE -> f64(a) <= f64(b) ? 1 : 0;
          case Ir.F64_GE -> f64(a) >= f64(b) ? 1 : 0;
          case Ir.F32_SUB -> bits(f32(a) - f32(b));
          case Ir.F32_DIV -> bits(f32(a) / f32(b));
          case Ir.F32_MIN -> bits(Numerics.f32Min(f32(a), f32(b)));
          case Ir.F32_MAX -> bits(Numerics.f32Max(f32(a), f32(b)));
          case Ir.F32_COPYSIGN -> Numerics.f32Copysign((int) a, (int) b);
          case Ir.F64_MIN -> bits(Numerics.f64Min(f64(a), f64(b)));
          case Ir.F64_MAX -> bits(Numerics.f64Max(f64(a), f64(b)));
          case Ir.F64_COPYSIGN -> Numerics.f64Copysign(a, b);
          default -> throw new IllegalStateException("IR opcode " + op + " has no implementation");
        };
  }
}

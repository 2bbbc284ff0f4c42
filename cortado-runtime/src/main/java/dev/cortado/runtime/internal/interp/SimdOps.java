package dev.cortado.runtime.internal.interp;

import static dev.cortado.runtime.internal.interp.Interpreter.address;

import dev.cortado.runtime.internal.numeric.SimdBitwise;
import dev.cortado.runtime.internal.numeric.SimdConvert;
import dev.cortado.runtime.internal.numeric.SimdFloat;
import dev.cortado.runtime.internal.numeric.SimdIntArith;
import dev.cortado.runtime.internal.numeric.SimdIntCompare;
import dev.cortado.runtime.internal.numeric.SimdLanes;
import dev.cortado.runtime.internal.numeric.SimdRelaxed;
import dev.cortado.runtime.internal.numeric.SimdShift;
import dev.cortado.runtime.internal.numeric.SimdWiden;
import dev.cortado.runtime.internal.store.MemoryInstance;
import dev.cortado.wasm.Immediate;
import dev.cortado.wasm.Opcode;

/**
 * The vector instructions: {@code SIMD ordinal} followed by the destination slot (if the
 * instruction has a result), the operand slots, then the immediates (memory offset, lane, or the 16
 * shuffle bytes as four ints). The arithmetic is the shared numerics'; this class only routes
 * operands to it and does the memory accesses.
 */
final class SimdOps {
  private static final Opcode[] OPCODES = Opcode.values();

  /** The length in ints of each vector instruction, by opcode ordinal. */
  private static final int[] LENGTH = new int[OPCODES.length];

  static {
    for (Opcode op : OPCODES) {
      if (op.prefix() == Opcode.PREFIX_FD && op.hasFixedSignature()) {
        int immediates =
            switch (op.immediate()) {
              case MEMARG, LANE -> 1;
              case MEMARG_LANE -> 2;
              case SHUFFLE -> 4;
              default -> 0;
            };
        LENGTH[op.ordinal()] =
            2 + op.params().size() + (op.results().isEmpty() ? 0 : 1) + immediates;
      }
    }
  }

  private SimdOps() {}

  /** Runs the vector instruction at {@code pc} and returns the position of the next one. */
  static int execute(Machine m, byte[] mem, int memSize, int[] code, int pc, int fp) {
    Opcode op = OPCODES[code[pc + 1]];
    Immediate imm = op.immediate();
    if (imm == Immediate.NONE) {
      arithmetic(op, m.lo, m.hi, code, pc, fp);
    } else if (imm == Immediate.MEMARG || imm == Immediate.MEMARG_LANE) {
      memory(op, m.lo, m.hi, mem, memSize, code, pc, fp);
    } else {
      lanes(op, m.lo, m.hi, code, pc, fp);
    }
    return pc + LENGTH[op.ordinal()];
  }

  private static long longAt(int[] code, int at) {
    return (code[at] & 0xFFFF_FFFFL) | ((long) code[at + 1] << 32);
  }

  private static void lanes(Opcode op, long[] lo, long[] hi, int[] code, int pc, int fp) {
    switch (op) {
      case I8X16_SHUFFLE ->
          SimdLanes.i8x16Shuffle(
              lo,
              hi,
              fp + code[pc + 2],
              fp + code[pc + 3],
              fp + code[pc + 4],
              longAt(code, pc + 5),
              longAt(code, pc + 7));
      case I8X16_EXTRACT_LANE_S ->
          lo[fp + code[pc + 2]] =
              SimdLanes.i8x16ExtractLaneS(lo, hi, fp + code[pc + 3], code[pc + 4]);
      case I8X16_EXTRACT_LANE_U ->
          lo[fp + code[pc + 2]] =
              SimdLanes.i8x16ExtractLaneU(lo, hi, fp + code[pc + 3], code[pc + 4]);
      case I8X16_REPLACE_LANE ->
          SimdLanes.i8x16ReplaceLane(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], code[pc + 5], lo[fp + code[pc + 4]]);
      case I16X8_EXTRACT_LANE_S ->
          lo[fp + code[pc + 2]] =
              SimdLanes.i16x8ExtractLaneS(lo, hi, fp + code[pc + 3], code[pc + 4]);
      case I16X8_EXTRACT_LANE_U ->
          lo[fp + code[pc + 2]] =
              SimdLanes.i16x8ExtractLaneU(lo, hi, fp + code[pc + 3], code[pc + 4]);
      case I16X8_REPLACE_LANE ->
          SimdLanes.i16x8ReplaceLane(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], code[pc + 5], lo[fp + code[pc + 4]]);
      case I32X4_EXTRACT_LANE ->
          lo[fp + code[pc + 2]] =
              SimdLanes.i32x4ExtractLane(lo, hi, fp + code[pc + 3], code[pc + 4]);
      case I32X4_REPLACE_LANE ->
          SimdLanes.i32x4ReplaceLane(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], code[pc + 5], lo[fp + code[pc + 4]]);
      case I64X2_EXTRACT_LANE ->
          lo[fp + code[pc + 2]] =
              SimdLanes.i64x2ExtractLane(lo, hi, fp + code[pc + 3], code[pc + 4]);
      case I64X2_REPLACE_LANE ->
          SimdLanes.i64x2ReplaceLane(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], code[pc + 5], lo[fp + code[pc + 4]]);
      case F32X4_EXTRACT_LANE ->
          lo[fp + code[pc + 2]] =
              SimdLanes.f32x4ExtractLane(lo, hi, fp + code[pc + 3], code[pc + 4]);
      case F32X4_REPLACE_LANE ->
          SimdLanes.f32x4ReplaceLane(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], code[pc + 5], lo[fp + code[pc + 4]]);
      case F64X2_EXTRACT_LANE ->
          lo[fp + code[pc + 2]] =
              SimdLanes.f64x2ExtractLane(lo, hi, fp + code[pc + 3], code[pc + 4]);
      case F64X2_REPLACE_LANE ->
          SimdLanes.f64x2ReplaceLane(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], code[pc + 5], lo[fp + code[pc + 4]]);
      default -> throw new IllegalStateException(op + " is not a lane instruction");
    }
  }

  private static void memory(
      Opcode op, long[] lo, long[] hi, byte[] mem, int memSize, int[] code, int pc, int fp) {
    if (op.immediate() == Immediate.MEMARG_LANE) {
      laneMemory(op, lo, hi, mem, memSize, code, pc, fp);
      return;
    }
    if (op == Opcode.V128_STORE) {
      int at = address(memSize, lo[fp + code[pc + 2]], code[pc + 4], 16);
      int v = fp + code[pc + 3];
      MemoryInstance.LONG.set(mem, at, lo[v]);
      MemoryInstance.LONG.set(mem, at + 8, hi[v]);
      return;
    }
    int d = fp + code[pc + 2];
    int at = address(memSize, lo[fp + code[pc + 3]], code[pc + 4], op.accessBytes());
    switch (op) {
      case V128_LOAD -> {
        lo[d] = (long) MemoryInstance.LONG.get(mem, at);
        hi[d] = (long) MemoryInstance.LONG.get(mem, at + 8);
      }
      case V128_LOAD8X8_S -> SimdLanes.load8x8S(lo, hi, d, (long) MemoryInstance.LONG.get(mem, at));
      case V128_LOAD8X8_U -> SimdLanes.load8x8U(lo, hi, d, (long) MemoryInstance.LONG.get(mem, at));
      case V128_LOAD16X4_S ->
          SimdLanes.load16x4S(lo, hi, d, (long) MemoryInstance.LONG.get(mem, at));
      case V128_LOAD16X4_U ->
          SimdLanes.load16x4U(lo, hi, d, (long) MemoryInstance.LONG.get(mem, at));
      case V128_LOAD32X2_S ->
          SimdLanes.load32x2S(lo, hi, d, (long) MemoryInstance.LONG.get(mem, at));
      case V128_LOAD32X2_U ->
          SimdLanes.load32x2U(lo, hi, d, (long) MemoryInstance.LONG.get(mem, at));
      case V128_LOAD8_SPLAT -> SimdLanes.i8x16Splat(lo, hi, d, mem[at]);
      case V128_LOAD16_SPLAT ->
          SimdLanes.i16x8Splat(lo, hi, d, (short) MemoryInstance.SHORT.get(mem, at));
      case V128_LOAD32_SPLAT ->
          SimdLanes.i32x4Splat(lo, hi, d, (int) MemoryInstance.INT.get(mem, at));
      case V128_LOAD64_SPLAT ->
          SimdLanes.i64x2Splat(lo, hi, d, (long) MemoryInstance.LONG.get(mem, at));
      case V128_LOAD32_ZERO ->
          SimdLanes.load32Zero(lo, hi, d, (int) MemoryInstance.INT.get(mem, at) & 0xFFFF_FFFFL);
      case V128_LOAD64_ZERO ->
          SimdLanes.load64Zero(lo, hi, d, (long) MemoryInstance.LONG.get(mem, at));
      default -> throw new IllegalStateException(op + " is not a vector load");
    }
  }

  /** {@code v128.loadN_lane} and {@code v128.storeN_lane}. */
  private static void laneMemory(
      Opcode op, long[] lo, long[] hi, byte[] mem, int memSize, int[] code, int pc, int fp) {
    boolean load = !op.results().isEmpty();
    int base = load ? pc + 3 : pc + 2;
    int at = address(memSize, lo[fp + code[base]], code[base + 2], op.accessBytes());
    int v = fp + code[base + 1];
    int lane = code[base + 3];
    if (load) {
      int d = fp + code[pc + 2];
      switch (op) {
        case V128_LOAD8_LANE -> SimdLanes.i8x16ReplaceLane(lo, hi, d, v, lane, mem[at]);
        case V128_LOAD16_LANE ->
            SimdLanes.i16x8ReplaceLane(
                lo, hi, d, v, lane, (short) MemoryInstance.SHORT.get(mem, at));
        case V128_LOAD32_LANE ->
            SimdLanes.i32x4ReplaceLane(lo, hi, d, v, lane, (int) MemoryInstance.INT.get(mem, at));
        case V128_LOAD64_LANE ->
            SimdLanes.i64x2ReplaceLane(lo, hi, d, v, lane, (long) MemoryInstance.LONG.get(mem, at));
        default -> throw new IllegalStateException(op + " is not a lane load");
      }
    } else {
      switch (op) {
        case V128_STORE8_LANE -> mem[at] = (byte) SimdLanes.i8x16ExtractLaneU(lo, hi, v, lane);
        case V128_STORE16_LANE ->
            MemoryInstance.SHORT.set(mem, at, (short) SimdLanes.i16x8ExtractLaneU(lo, hi, v, lane));
        case V128_STORE32_LANE ->
            MemoryInstance.INT.set(mem, at, SimdLanes.i32x4ExtractLane(lo, hi, v, lane));
        case V128_STORE64_LANE ->
            MemoryInstance.LONG.set(mem, at, SimdLanes.i64x2ExtractLane(lo, hi, v, lane));
        default -> throw new IllegalStateException(op + " is not a lane store");
      }
    }
  }

  private static void arithmetic(Opcode op, long[] lo, long[] hi, int[] code, int pc, int fp) {
    if (!integerArithmetic(op, lo, hi, code, pc, fp) && !relaxed(op, lo, hi, code, pc, fp)) {
      otherArithmetic(op, lo, hi, code, pc, fp);
    }
  }

  /** Runs a relaxed instruction (Wasm 3.0); returns false for any other instruction. */
  private static boolean relaxed(Opcode op, long[] lo, long[] hi, int[] code, int pc, int fp) {
    int d = fp + code[pc + 2];
    int a = fp + code[pc + 3];
    switch (op) {
      case I8X16_RELAXED_SWIZZLE ->
          SimdRelaxed.i8x16RelaxedSwizzle(lo, hi, d, a, fp + code[pc + 4]);
      case I32X4_RELAXED_TRUNC_F32X4_S -> SimdRelaxed.i32x4RelaxedTruncF32x4S(lo, hi, d, a);
      case I32X4_RELAXED_TRUNC_F32X4_U -> SimdRelaxed.i32x4RelaxedTruncF32x4U(lo, hi, d, a);
      case I32X4_RELAXED_TRUNC_F64X2_S_ZERO ->
          SimdRelaxed.i32x4RelaxedTruncF64x2SZero(lo, hi, d, a);
      case I32X4_RELAXED_TRUNC_F64X2_U_ZERO ->
          SimdRelaxed.i32x4RelaxedTruncF64x2UZero(lo, hi, d, a);
      case F32X4_RELAXED_MADD ->
          SimdRelaxed.f32x4RelaxedMadd(lo, hi, d, a, fp + code[pc + 4], fp + code[pc + 5]);
      case F32X4_RELAXED_NMADD ->
          SimdRelaxed.f32x4RelaxedNmadd(lo, hi, d, a, fp + code[pc + 4], fp + code[pc + 5]);
      case F64X2_RELAXED_MADD ->
          SimdRelaxed.f64x2RelaxedMadd(lo, hi, d, a, fp + code[pc + 4], fp + code[pc + 5]);
      case F64X2_RELAXED_NMADD ->
          SimdRelaxed.f64x2RelaxedNmadd(lo, hi, d, a, fp + code[pc + 4], fp + code[pc + 5]);
      case I8X16_RELAXED_LANESELECT ->
          SimdRelaxed.i8x16RelaxedLaneselect(lo, hi, d, a, fp + code[pc + 4], fp + code[pc + 5]);
      case I16X8_RELAXED_LANESELECT ->
          SimdRelaxed.i16x8RelaxedLaneselect(lo, hi, d, a, fp + code[pc + 4], fp + code[pc + 5]);
      case I32X4_RELAXED_LANESELECT ->
          SimdRelaxed.i32x4RelaxedLaneselect(lo, hi, d, a, fp + code[pc + 4], fp + code[pc + 5]);
      case I64X2_RELAXED_LANESELECT ->
          SimdRelaxed.i64x2RelaxedLaneselect(lo, hi, d, a, fp + code[pc + 4], fp + code[pc + 5]);
      case F32X4_RELAXED_MIN -> SimdRelaxed.f32x4RelaxedMin(lo, hi, d, a, fp + code[pc + 4]);
      case F32X4_RELAXED_MAX -> SimdRelaxed.f32x4RelaxedMax(lo, hi, d, a, fp + code[pc + 4]);
      case F64X2_RELAXED_MIN -> SimdRelaxed.f64x2RelaxedMin(lo, hi, d, a, fp + code[pc + 4]);
      case F64X2_RELAXED_MAX -> SimdRelaxed.f64x2RelaxedMax(lo, hi, d, a, fp + code[pc + 4]);
      case I16X8_RELAXED_Q15MULR_S ->
          SimdRelaxed.i16x8RelaxedQ15mulrS(lo, hi, d, a, fp + code[pc + 4]);
      case I16X8_RELAXED_DOT_I8X16_I7X16_S ->
          SimdRelaxed.i16x8RelaxedDotI8x16I7x16S(lo, hi, d, a, fp + code[pc + 4]);
      case I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S ->
          SimdRelaxed.i32x4RelaxedDotI8x16I7x16AddS(
              lo, hi, d, a, fp + code[pc + 4], fp + code[pc + 5]);
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs integer lane arithmetic, comparisons and shifts, split off to keep each method compilable;
   * returns false for any other instruction.
   */
  private static boolean integerArithmetic(
      Opcode op, long[] lo, long[] hi, int[] code, int pc, int fp) {
    switch (op) {
      case I8X16_EQ ->
          SimdIntCompare.i8x16Eq(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_NE ->
          SimdIntCompare.i8x16Ne(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_LT_S ->
          SimdIntCompare.i8x16LtS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_LT_U ->
          SimdIntCompare.i8x16LtU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_GT_S ->
          SimdIntCompare.i8x16GtS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_GT_U ->
          SimdIntCompare.i8x16GtU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_LE_S ->
          SimdIntCompare.i8x16LeS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_LE_U ->
          SimdIntCompare.i8x16LeU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_GE_S ->
          SimdIntCompare.i8x16GeS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_GE_U ->
          SimdIntCompare.i8x16GeU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_EQ ->
          SimdIntCompare.i16x8Eq(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_NE ->
          SimdIntCompare.i16x8Ne(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_LT_S ->
          SimdIntCompare.i16x8LtS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_LT_U ->
          SimdIntCompare.i16x8LtU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_GT_S ->
          SimdIntCompare.i16x8GtS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_GT_U ->
          SimdIntCompare.i16x8GtU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_LE_S ->
          SimdIntCompare.i16x8LeS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_LE_U ->
          SimdIntCompare.i16x8LeU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_GE_S ->
          SimdIntCompare.i16x8GeS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_GE_U ->
          SimdIntCompare.i16x8GeU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_EQ ->
          SimdIntCompare.i32x4Eq(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_NE ->
          SimdIntCompare.i32x4Ne(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_LT_S ->
          SimdIntCompare.i32x4LtS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_LT_U ->
          SimdIntCompare.i32x4LtU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_GT_S ->
          SimdIntCompare.i32x4GtS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_GT_U ->
          SimdIntCompare.i32x4GtU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_LE_S ->
          SimdIntCompare.i32x4LeS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_LE_U ->
          SimdIntCompare.i32x4LeU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_GE_S ->
          SimdIntCompare.i32x4GeS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_GE_U ->
          SimdIntCompare.i32x4GeU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_ABS -> SimdIntArith.i8x16Abs(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I8X16_NEG -> SimdIntArith.i8x16Neg(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I8X16_POPCNT -> SimdIntArith.i8x16Popcnt(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I8X16_SHL ->
          SimdShift.i8x16Shl(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], (int) lo[fp + code[pc + 4]]);
      case I8X16_SHR_S ->
          SimdShift.i8x16ShrS(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], (int) lo[fp + code[pc + 4]]);
      case I8X16_SHR_U ->
          SimdShift.i8x16ShrU(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], (int) lo[fp + code[pc + 4]]);
      case I8X16_ADD ->
          SimdIntArith.i8x16Add(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_ADD_SAT_S ->
          SimdIntArith.i8x16AddSatS(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_ADD_SAT_U ->
          SimdIntArith.i8x16AddSatU(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_SUB ->
          SimdIntArith.i8x16Sub(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_SUB_SAT_S ->
          SimdIntArith.i8x16SubSatS(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_SUB_SAT_U ->
          SimdIntArith.i8x16SubSatU(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_MIN_S ->
          SimdIntArith.i8x16MinS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_MIN_U ->
          SimdIntArith.i8x16MinU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_MAX_S ->
          SimdIntArith.i8x16MaxS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_MAX_U ->
          SimdIntArith.i8x16MaxU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_AVGR_U ->
          SimdIntArith.i8x16AvgrU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_ABS -> SimdIntArith.i16x8Abs(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I16X8_NEG -> SimdIntArith.i16x8Neg(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I16X8_Q15MULR_SAT_S ->
          SimdIntArith.i16x8Q15mulrSatS(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_SHL ->
          SimdShift.i16x8Shl(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], (int) lo[fp + code[pc + 4]]);
      case I16X8_SHR_S ->
          SimdShift.i16x8ShrS(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], (int) lo[fp + code[pc + 4]]);
      case I16X8_SHR_U ->
          SimdShift.i16x8ShrU(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], (int) lo[fp + code[pc + 4]]);
      case I16X8_ADD ->
          SimdIntArith.i16x8Add(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_ADD_SAT_S ->
          SimdIntArith.i16x8AddSatS(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_ADD_SAT_U ->
          SimdIntArith.i16x8AddSatU(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_SUB ->
          SimdIntArith.i16x8Sub(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_SUB_SAT_S ->
          SimdIntArith.i16x8SubSatS(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_SUB_SAT_U ->
          SimdIntArith.i16x8SubSatU(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_MUL ->
          SimdIntArith.i16x8Mul(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_MIN_S ->
          SimdIntArith.i16x8MinS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_MIN_U ->
          SimdIntArith.i16x8MinU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_MAX_S ->
          SimdIntArith.i16x8MaxS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_MAX_U ->
          SimdIntArith.i16x8MaxU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_AVGR_U ->
          SimdIntArith.i16x8AvgrU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_ABS -> SimdIntArith.i32x4Abs(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I32X4_NEG -> SimdIntArith.i32x4Neg(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I32X4_SHL ->
          SimdShift.i32x4Shl(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], (int) lo[fp + code[pc + 4]]);
      case I32X4_SHR_S ->
          SimdShift.i32x4ShrS(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], (int) lo[fp + code[pc + 4]]);
      case I32X4_SHR_U ->
          SimdShift.i32x4ShrU(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], (int) lo[fp + code[pc + 4]]);
      case I32X4_ADD ->
          SimdIntArith.i32x4Add(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_SUB ->
          SimdIntArith.i32x4Sub(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_MUL ->
          SimdIntArith.i32x4Mul(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_MIN_S ->
          SimdIntArith.i32x4MinS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_MIN_U ->
          SimdIntArith.i32x4MinU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_MAX_S ->
          SimdIntArith.i32x4MaxS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_MAX_U ->
          SimdIntArith.i32x4MaxU(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I64X2_ABS -> SimdIntArith.i64x2Abs(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I64X2_NEG -> SimdIntArith.i64x2Neg(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I64X2_SHL ->
          SimdShift.i64x2Shl(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], (int) lo[fp + code[pc + 4]]);
      case I64X2_SHR_S ->
          SimdShift.i64x2ShrS(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], (int) lo[fp + code[pc + 4]]);
      case I64X2_SHR_U ->
          SimdShift.i64x2ShrU(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], (int) lo[fp + code[pc + 4]]);
      case I64X2_ADD ->
          SimdIntArith.i64x2Add(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I64X2_SUB ->
          SimdIntArith.i64x2Sub(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I64X2_MUL ->
          SimdIntArith.i64x2Mul(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I64X2_EQ ->
          SimdIntCompare.i64x2Eq(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I64X2_NE ->
          SimdIntCompare.i64x2Ne(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I64X2_LT_S ->
          SimdIntCompare.i64x2LtS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I64X2_GT_S ->
          SimdIntCompare.i64x2GtS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I64X2_LE_S ->
          SimdIntCompare.i64x2LeS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I64X2_GE_S ->
          SimdIntCompare.i64x2GeS(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static void otherArithmetic(Opcode op, long[] lo, long[] hi, int[] code, int pc, int fp) {
    switch (op) {
      case I8X16_SWIZZLE ->
          SimdLanes.i8x16Swizzle(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_SPLAT -> SimdLanes.i8x16Splat(lo, hi, fp + code[pc + 2], lo[fp + code[pc + 3]]);
      case I16X8_SPLAT -> SimdLanes.i16x8Splat(lo, hi, fp + code[pc + 2], lo[fp + code[pc + 3]]);
      case I32X4_SPLAT -> SimdLanes.i32x4Splat(lo, hi, fp + code[pc + 2], lo[fp + code[pc + 3]]);
      case I64X2_SPLAT -> SimdLanes.i64x2Splat(lo, hi, fp + code[pc + 2], lo[fp + code[pc + 3]]);
      case F32X4_SPLAT -> SimdLanes.f32x4Splat(lo, hi, fp + code[pc + 2], lo[fp + code[pc + 3]]);
      case F64X2_SPLAT -> SimdLanes.f64x2Splat(lo, hi, fp + code[pc + 2], lo[fp + code[pc + 3]]);
      case F32X4_EQ ->
          SimdFloat.f32x4Eq(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F32X4_NE ->
          SimdFloat.f32x4Ne(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F32X4_LT ->
          SimdFloat.f32x4Lt(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F32X4_GT ->
          SimdFloat.f32x4Gt(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F32X4_LE ->
          SimdFloat.f32x4Le(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F32X4_GE ->
          SimdFloat.f32x4Ge(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F64X2_EQ ->
          SimdFloat.f64x2Eq(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F64X2_NE ->
          SimdFloat.f64x2Ne(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F64X2_LT ->
          SimdFloat.f64x2Lt(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F64X2_GT ->
          SimdFloat.f64x2Gt(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F64X2_LE ->
          SimdFloat.f64x2Le(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F64X2_GE ->
          SimdFloat.f64x2Ge(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case V128_NOT -> SimdBitwise.v128Not(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case V128_AND ->
          SimdBitwise.v128And(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case V128_ANDNOT ->
          SimdBitwise.v128Andnot(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case V128_OR ->
          SimdBitwise.v128Or(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case V128_XOR ->
          SimdBitwise.v128Xor(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case V128_BITSELECT ->
          SimdBitwise.v128Bitselect(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4], fp + code[pc + 5]);
      case V128_ANY_TRUE ->
          lo[fp + code[pc + 2]] = SimdBitwise.v128AnyTrue(lo, hi, fp + code[pc + 3]);
      case F32X4_DEMOTE_F64X2_ZERO ->
          SimdConvert.f32x4DemoteF64x2Zero(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F64X2_PROMOTE_LOW_F32X4 ->
          SimdConvert.f64x2PromoteLowF32x4(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I8X16_ALL_TRUE ->
          lo[fp + code[pc + 2]] = SimdBitwise.i8x16AllTrue(lo, hi, fp + code[pc + 3]);
      case I8X16_BITMASK ->
          lo[fp + code[pc + 2]] = SimdBitwise.i8x16Bitmask(lo, hi, fp + code[pc + 3]);
      case I8X16_NARROW_I16X8_S ->
          SimdWiden.i8x16NarrowI16x8S(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I8X16_NARROW_I16X8_U ->
          SimdWiden.i8x16NarrowI16x8U(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F32X4_CEIL -> SimdFloat.f32x4Ceil(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F32X4_FLOOR -> SimdFloat.f32x4Floor(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F32X4_TRUNC -> SimdFloat.f32x4Trunc(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F32X4_NEAREST -> SimdFloat.f32x4Nearest(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F64X2_CEIL -> SimdFloat.f64x2Ceil(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F64X2_FLOOR -> SimdFloat.f64x2Floor(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F64X2_TRUNC -> SimdFloat.f64x2Trunc(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I16X8_EXTADD_PAIRWISE_I8X16_S ->
          SimdWiden.i16x8ExtaddPairwiseI8x16S(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I16X8_EXTADD_PAIRWISE_I8X16_U ->
          SimdWiden.i16x8ExtaddPairwiseI8x16U(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I32X4_EXTADD_PAIRWISE_I16X8_S ->
          SimdWiden.i32x4ExtaddPairwiseI16x8S(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I32X4_EXTADD_PAIRWISE_I16X8_U ->
          SimdWiden.i32x4ExtaddPairwiseI16x8U(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I16X8_ALL_TRUE ->
          lo[fp + code[pc + 2]] = SimdBitwise.i16x8AllTrue(lo, hi, fp + code[pc + 3]);
      case I16X8_BITMASK ->
          lo[fp + code[pc + 2]] = SimdBitwise.i16x8Bitmask(lo, hi, fp + code[pc + 3]);
      case I16X8_NARROW_I32X4_S ->
          SimdWiden.i16x8NarrowI32x4S(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_NARROW_I32X4_U ->
          SimdWiden.i16x8NarrowI32x4U(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_EXTEND_LOW_I8X16_S ->
          SimdWiden.i16x8ExtendLowI8x16S(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I16X8_EXTEND_HIGH_I8X16_S ->
          SimdWiden.i16x8ExtendHighI8x16S(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I16X8_EXTEND_LOW_I8X16_U ->
          SimdWiden.i16x8ExtendLowI8x16U(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I16X8_EXTEND_HIGH_I8X16_U ->
          SimdWiden.i16x8ExtendHighI8x16U(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F64X2_NEAREST -> SimdFloat.f64x2Nearest(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I16X8_EXTMUL_LOW_I8X16_S ->
          SimdWiden.i16x8ExtmulLowI8x16S(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_EXTMUL_HIGH_I8X16_S ->
          SimdWiden.i16x8ExtmulHighI8x16S(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_EXTMUL_LOW_I8X16_U ->
          SimdWiden.i16x8ExtmulLowI8x16U(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I16X8_EXTMUL_HIGH_I8X16_U ->
          SimdWiden.i16x8ExtmulHighI8x16U(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_ALL_TRUE ->
          lo[fp + code[pc + 2]] = SimdBitwise.i32x4AllTrue(lo, hi, fp + code[pc + 3]);
      case I32X4_BITMASK ->
          lo[fp + code[pc + 2]] = SimdBitwise.i32x4Bitmask(lo, hi, fp + code[pc + 3]);
      case I32X4_EXTEND_LOW_I16X8_S ->
          SimdWiden.i32x4ExtendLowI16x8S(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I32X4_EXTEND_HIGH_I16X8_S ->
          SimdWiden.i32x4ExtendHighI16x8S(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I32X4_EXTEND_LOW_I16X8_U ->
          SimdWiden.i32x4ExtendLowI16x8U(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I32X4_EXTEND_HIGH_I16X8_U ->
          SimdWiden.i32x4ExtendHighI16x8U(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I32X4_DOT_I16X8_S ->
          SimdWiden.i32x4DotI16x8S(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_EXTMUL_LOW_I16X8_S ->
          SimdWiden.i32x4ExtmulLowI16x8S(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_EXTMUL_HIGH_I16X8_S ->
          SimdWiden.i32x4ExtmulHighI16x8S(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_EXTMUL_LOW_I16X8_U ->
          SimdWiden.i32x4ExtmulLowI16x8U(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_EXTMUL_HIGH_I16X8_U ->
          SimdWiden.i32x4ExtmulHighI16x8U(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I64X2_ALL_TRUE ->
          lo[fp + code[pc + 2]] = SimdBitwise.i64x2AllTrue(lo, hi, fp + code[pc + 3]);
      case I64X2_BITMASK ->
          lo[fp + code[pc + 2]] = SimdBitwise.i64x2Bitmask(lo, hi, fp + code[pc + 3]);
      case I64X2_EXTEND_LOW_I32X4_S ->
          SimdWiden.i64x2ExtendLowI32x4S(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I64X2_EXTEND_HIGH_I32X4_S ->
          SimdWiden.i64x2ExtendHighI32x4S(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I64X2_EXTEND_LOW_I32X4_U ->
          SimdWiden.i64x2ExtendLowI32x4U(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I64X2_EXTEND_HIGH_I32X4_U ->
          SimdWiden.i64x2ExtendHighI32x4U(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I64X2_EXTMUL_LOW_I32X4_S ->
          SimdWiden.i64x2ExtmulLowI32x4S(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I64X2_EXTMUL_HIGH_I32X4_S ->
          SimdWiden.i64x2ExtmulHighI32x4S(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I64X2_EXTMUL_LOW_I32X4_U ->
          SimdWiden.i64x2ExtmulLowI32x4U(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I64X2_EXTMUL_HIGH_I32X4_U ->
          SimdWiden.i64x2ExtmulHighI32x4U(
              lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F32X4_ABS -> SimdFloat.f32x4Abs(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F32X4_NEG -> SimdFloat.f32x4Neg(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F32X4_SQRT -> SimdFloat.f32x4Sqrt(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F32X4_ADD ->
          SimdFloat.f32x4Add(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F32X4_SUB ->
          SimdFloat.f32x4Sub(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F32X4_MUL ->
          SimdFloat.f32x4Mul(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F32X4_DIV ->
          SimdFloat.f32x4Div(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F32X4_MIN ->
          SimdFloat.f32x4Min(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F32X4_MAX ->
          SimdFloat.f32x4Max(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F32X4_PMIN ->
          SimdFloat.f32x4Pmin(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F32X4_PMAX ->
          SimdFloat.f32x4Pmax(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F64X2_ABS -> SimdFloat.f64x2Abs(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F64X2_NEG -> SimdFloat.f64x2Neg(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F64X2_SQRT -> SimdFloat.f64x2Sqrt(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F64X2_ADD ->
          SimdFloat.f64x2Add(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F64X2_SUB ->
          SimdFloat.f64x2Sub(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F64X2_MUL ->
          SimdFloat.f64x2Mul(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F64X2_DIV ->
          SimdFloat.f64x2Div(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F64X2_MIN ->
          SimdFloat.f64x2Min(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F64X2_MAX ->
          SimdFloat.f64x2Max(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F64X2_PMIN ->
          SimdFloat.f64x2Pmin(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case F64X2_PMAX ->
          SimdFloat.f64x2Pmax(lo, hi, fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
      case I32X4_TRUNC_SAT_F32X4_S ->
          SimdConvert.i32x4TruncSatF32x4S(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I32X4_TRUNC_SAT_F32X4_U ->
          SimdConvert.i32x4TruncSatF32x4U(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F32X4_CONVERT_I32X4_S ->
          SimdConvert.f32x4ConvertI32x4S(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F32X4_CONVERT_I32X4_U ->
          SimdConvert.f32x4ConvertI32x4U(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I32X4_TRUNC_SAT_F64X2_S_ZERO ->
          SimdConvert.i32x4TruncSatF64x2SZero(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case I32X4_TRUNC_SAT_F64X2_U_ZERO ->
          SimdConvert.i32x4TruncSatF64x2UZero(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F64X2_CONVERT_LOW_I32X4_S ->
          SimdConvert.f64x2ConvertLowI32x4S(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      case F64X2_CONVERT_LOW_I32X4_U ->
          SimdConvert.f64x2ConvertLowI32x4U(lo, hi, fp + code[pc + 2], fp + code[pc + 3]);
      default -> throw new IllegalStateException(op + " has no vector implementation");
    }
  }
}

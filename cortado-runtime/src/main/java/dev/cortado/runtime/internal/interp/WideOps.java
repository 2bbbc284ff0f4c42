package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.internal.numeric.WideArithmetic;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;

/**
 * The wide arithmetic proposal in the interpreter: {@code i64.add128}, {@code i64.sub128}, {@code
 * i64.mul_wide_s} and {@code i64.mul_wide_u}, each one {@link Ir#WIDE} with two results, the low
 * half then the high half; the high halves come from {@link WideArithmetic}, which compiled code
 * calls too.
 */
final class WideOps {
  private static final Opcode[] OPCODES = Opcode.values();

  private WideOps() {}

  /** Lowers {@code op} to {@code WIDE op lo hi a b c d}; c and d are 0 for a product. */
  static void lower(Lowering l, Opcode op) {
    int n = op.params().size();
    int[] operands = new int[4];
    for (int i = n - 1; i >= 0; i--) {
      operands[i] = l.pop();
    }
    l.emit(Ir.WIDE);
    l.out.add(op.ordinal());
    l.produce(ValType.I64);
    l.produce(ValType.I64);
    l.args(operands[0], operands[1]);
    l.args(operands[2], operands[3]);
  }

  /** Runs the WIDE instruction at {@code pc} and returns the position of the next one. */
  static int execute(Machine m, int[] code, int pc, int fp) {
    long[] s = m.lo;
    long a = s[fp + code[pc + 4]];
    long b = s[fp + code[pc + 5]];
    long c = s[fp + code[pc + 6]];
    long d = s[fp + code[pc + 7]];
    long lo;
    long hi;
    switch (OPCODES[code[pc + 1]]) {
      case I64_ADD128 -> {
        lo = a + c;
        hi = WideArithmetic.i64Add128Hi(a, b, c, d);
      }
      case I64_SUB128 -> {
        lo = a - c;
        hi = WideArithmetic.i64Sub128Hi(a, b, c, d);
      }
      case I64_MUL_WIDE_S -> {
        lo = a * b;
        hi = WideArithmetic.i64MulWideHiS(a, b);
      }
      default -> {
        lo = a * b;
        hi = WideArithmetic.i64MulWideHiU(a, b);
      }
    }
    s[fp + code[pc + 2]] = lo;
    s[fp + code[pc + 3]] = hi;
    return pc + 8;
  }
}

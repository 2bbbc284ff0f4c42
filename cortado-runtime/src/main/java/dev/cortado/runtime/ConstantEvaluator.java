package dev.cortado.runtime;

import dev.cortado.runtime.internal.store.GlobalInstance;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.Arrays;

/**
 * Evaluates constant expressions at instantiation: global initializers, segment offsets and element
 * items. Besides constants, {@code ref.null}, {@code ref.func} and {@code global.get}, Wasm 3.0's
 * extended constant expressions add {@code i32}/{@code i64} {@code add}, {@code sub} and {@code
 * mul}, so an expression needs an operand stack. The expression is valid: the validator has checked
 * its instructions, the globals it reads and its stack.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/instructions.html#expressions">
 *     Expressions</a>
 */
final class ConstantEvaluator {
  // The operand stack: numbers and low vector halves, high vector halves, references.
  private long[] lo = new long[8];
  private long[] hi = new long[8];
  private Object[] refs = new Object[8];
  private int sp;

  /** Evaluates {@code e} in {@code inst} and stores its value in {@code into}'s value fields. */
  void evaluate(Expression e, ModuleInstance inst, GlobalInstance into) {
    sp = 0;
    InstructionReader r = InstructionReader.of(e);
    while (r.hasNext()) {
      switch (r.next()) {
        case I32_CONST -> push(r.i32(), 0, null);
        case I64_CONST -> push(r.i64(), 0, null);
        case F32_CONST -> push(r.f32Bits(), 0, null);
        case F64_CONST -> push(r.f64Bits(), 0, null);
        case V128_CONST -> push(r.v128Low(), r.v128High(), null);
        case REF_NULL -> push(0, 0, null);
        case REF_FUNC -> push(0, 0, inst.functions[r.index()]);
        case GLOBAL_GET -> {
          GlobalInstance g = inst.globals[r.index()];
          push(g.value, g.high, g.ref);
        }
        // An i32 lives sign-extended in the long, as everywhere in the store.
        case I32_ADD -> push((int) (pop() + pop()), 0, null);
        case I32_SUB -> {
          long b = pop();
          push((int) (pop() - b), 0, null);
        }
        case I32_MUL -> push((int) pop() * (int) pop(), 0, null);
        case I64_ADD -> push(pop() + pop(), 0, null);
        case I64_SUB -> {
          long b = pop();
          push(pop() - b, 0, null);
        }
        case I64_MUL -> push(pop() * pop(), 0, null);
        case END -> {}
        default -> throw new IllegalStateException("not a constant instruction: " + r.opcode());
      }
    }
    if (sp != 1) {
      throw new IllegalStateException("a constant expression left " + sp + " values");
    }
    into.value = lo[0];
    into.high = hi[0];
    into.ref = refs[0];
  }

  private void push(long value, long high, Object ref) {
    if (sp == lo.length) {
      lo = Arrays.copyOf(lo, sp * 2);
      hi = Arrays.copyOf(hi, sp * 2);
      refs = Arrays.copyOf(refs, sp * 2);
    }
    lo[sp] = value;
    hi[sp] = high;
    refs[sp] = ref;
    sp++;
  }

  /** Pops a number; its reference slot is cleared so the stack holds no stale references. */
  private long pop() {
    sp--;
    refs[sp] = null;
    return lo[sp];
  }
}

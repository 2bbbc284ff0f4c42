package dev.cortado.runtime;

import dev.cortado.runtime.internal.store.ArrayObject;
import dev.cortado.runtime.internal.store.GlobalInstance;
import dev.cortado.runtime.internal.store.I31;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.runtime.internal.store.StructObject;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.binary.InstructionReader;
import dev.cortado.wasm.internal.ByteReader;
import dev.cortado.wasm.internal.ModelAccess;
import java.util.Arrays;

/**
 * Evaluates constant expressions at instantiation: global initializers, segment offsets and element
 * items. Besides constants, {@code ref.null}, {@code ref.func} and {@code global.get}, Wasm 3.0's
 * extended constant expressions add {@code i32}/{@code i64} {@code add}, {@code sub} and {@code
 * mul}, and GC allocations ({@code struct.new}, {@code array.new}, {@code ref.i31}, ...), so an
 * expression needs an operand stack. The expression is valid: the validator has checked its
 * instructions, the globals it reads and its stack.
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

  /**
   * Evaluates the common expressions of one instruction, {@code i32.const}, {@code i64.const},
   * {@code global.get} or {@code ref.func} then {@code end}, without a reader: every instantiation
   * evaluates every global's initializer and segment offset again. Returns false for any other.
   */
  private static boolean single(Expression e, ModuleInstance inst, GlobalInstance into) {
    Bytes code = e.code();
    int n = code.length();
    if (n < 3 || n > 12 || code.get(n - 1) != 0x0B) {
      return false;
    }
    ByteReader operand = operand(code);
    int op = code.get(0) & 0xFF;
    if (op != 0x41 && op != 0x42 && op != 0x23 && op != 0xD2) {
      return false;
    }
    long value = op == 0x41 ? operand.s32() : op == 0x42 ? operand.s64() : operand.u32();
    if (!operand.atEnd()) {
      return false; // more than one instruction
    }
    switch (op) {
      case 0x23 -> {
        GlobalInstance g = inst.globals[(int) value];
        set(into, g.value, g.high, g.ref);
      }
      case 0xD2 -> set(into, 0, 0, inst.functions[(int) value]);
      default -> set(into, value, 0, null); // an i32 lives sign-extended in the long
    }
    return true;
  }

  /**
   * Returns the function {@code e} refers to if it is {@code ref.func} alone (as every item of a
   * segment written as function indices is), else -1.
   */
  static int refFunc(Expression e) {
    Bytes code = e.code();
    int n = code.length();
    if (n < 3 || n > 7 || (code.get(0) & 0xFF) != 0xD2 || code.get(n - 1) != 0x0B) {
      return -1;
    }
    ByteReader operand = operand(code);
    long index = operand.u32();
    return operand.atEnd() ? (int) index : -1;
  }

  /**
   * Returns a reader of the operand of the one instruction {@code code} is made of: the bytes
   * between its opcode and the final {@code end} (the code is valid: it decodes).
   */
  private static ByteReader operand(Bytes code) {
    var access = ModelAccess.bytes();
    int start = access.offset(code);
    return new ByteReader(access.array(code), start + 1, start + code.length() - 1, 0, "code");
  }

  private static void set(GlobalInstance into, long value, long high, Object ref) {
    into.value = value;
    into.high = high;
    into.ref = ref;
  }

  /** Evaluates {@code e} in {@code inst} and stores its value in {@code into}'s value fields. */
  void evaluate(Expression e, ModuleInstance inst, GlobalInstance into) {
    if (single(e, inst, into)) {
      return;
    }
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
        case STRUCT_NEW -> {
          StructObject o = new StructObject(inst.types[r.index()]);
          int n = o.type.fieldCount();
          for (int i = 0; i < n; i++) {
            int k = sp - n + i;
            o.set(i, lo[k], hi[k], refs[k]);
          }
          drop(n);
          push(0, 0, o);
        }
        case STRUCT_NEW_DEFAULT -> push(0, 0, new StructObject(inst.types[r.index()]));
        case ARRAY_NEW -> {
          ArrayObject a = array(inst, r.index(), pop());
          int k = sp - 1;
          a.fill(0, a.length(), lo[k], hi[k], refs[k]);
          drop(1);
          push(0, 0, a);
        }
        case ARRAY_NEW_DEFAULT -> push(0, 0, array(inst, r.index(), pop()));
        case ARRAY_NEW_FIXED -> {
          int n = r.index2();
          ArrayObject a = array(inst, r.index(), n);
          for (int i = 0; i < n; i++) {
            int k = sp - n + i;
            a.set(i, lo[k], hi[k], refs[k]);
          }
          drop(n);
          push(0, 0, a);
        }
        case REF_I31 -> push(0, 0, I31.wrap((int) pop()));
        // Both hierarchies hold the same objects.
        case ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> {}
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

  private static ArrayObject array(ModuleInstance inst, int typeIndex, long length) {
    return new ArrayObject(inst.types[typeIndex], length & 0xFFFF_FFFFL);
  }

  /** Pops {@code n} values. */
  private void drop(int n) {
    for (int i = 0; i < n; i++) {
      pop();
    }
  }

  /** Pops a number; its reference slot is cleared so the stack holds no stale references. */
  private long pop() {
    sp--;
    refs[sp] = null;
    return lo[sp];
  }
}

package dev.cortado.runtime.internal.interp;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.internal.store.ArrayObject;
import dev.cortado.runtime.internal.store.Gc;
import dev.cortado.runtime.internal.store.I31;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.runtime.internal.store.StructObject;

/**
 * Runs {@link Ir#GC} instructions (Wasm 3.0 garbage collection): the kind after the opcode says
 * which, and lays out the operands as its constant's comment shows (slots relative to the frame,
 * {@code x} a type index, {@code heap} a {@link Gc#heapOperand} operand).
 */
final class GcOps {
  private GcOps() {}

  /** REF_EQ dst a b */
  static final int REF_EQ = 0;

  /** STRUCT_NEW dst x base: the fields from slots base... */
  static final int STRUCT_NEW = 1;

  /** STRUCT_NEW_DEFAULT dst x */
  static final int STRUCT_NEW_DEFAULT = 2;

  /** STRUCT_GET dst struct x field sign */
  static final int STRUCT_GET = 3;

  /** STRUCT_SET struct value x field */
  static final int STRUCT_SET = 4;

  /** ARRAY_NEW dst x value n */
  static final int ARRAY_NEW = 5;

  /** ARRAY_NEW_DEFAULT dst x n */
  static final int ARRAY_NEW_DEFAULT = 6;

  /** ARRAY_NEW_FIXED dst x base n: the elements from slots base... (n a constant) */
  static final int ARRAY_NEW_FIXED = 7;

  /** ARRAY_NEW_DATA dst x data s n */
  static final int ARRAY_NEW_DATA = 8;

  /** ARRAY_NEW_ELEM dst x elem s n */
  static final int ARRAY_NEW_ELEM = 9;

  /** ARRAY_GET dst array i sign */
  static final int ARRAY_GET = 10;

  /** ARRAY_SET array i value */
  static final int ARRAY_SET = 11;

  /** ARRAY_LEN dst array */
  static final int ARRAY_LEN = 12;

  /** ARRAY_FILL array d value n */
  static final int ARRAY_FILL = 13;

  /** ARRAY_COPY dst d src s n */
  static final int ARRAY_COPY = 14;

  /** ARRAY_INIT_DATA array d s n data */
  static final int ARRAY_INIT_DATA = 15;

  /** ARRAY_INIT_ELEM array d s n elem */
  static final int ARRAY_INIT_ELEM = 16;

  /** REF_TEST dst ref heap nullable */
  static final int REF_TEST = 17;

  /** REF_CAST dst ref heap nullable: traps with "cast failure" */
  static final int REF_CAST = 18;

  /** REF_I31 dst a */
  static final int REF_I31 = 19;

  /** I31_GET dst ref signed */
  static final int I31_GET = 20;

  /** A packed read sign-extends. */
  static final int SIGNED = 1;

  /** A packed read zero-extends. */
  static final int UNSIGNED = 2;

  /** Runs the GC instruction at {@code pc} and returns the position of the next one. */
  static int execute(Machine m, ModuleInstance inst, int[] code, int pc, int fp) {
    long[] s = m.lo;
    Object[] refs = m.refs;
    int d = fp + code[pc + 2];
    switch (code[pc + 1]) {
      case REF_EQ -> {
        s[d] = Gc.equal(refs[fp + code[pc + 3]], refs[fp + code[pc + 4]]) ? 1 : 0;
        return pc + 5;
      }
      case STRUCT_NEW -> {
        StructObject o = new StructObject(inst.types[code[pc + 3]]);
        int base = fp + code[pc + 4];
        for (int i = 0; i < o.type.fieldCount(); i++) {
          setField(m, o, i, base + i);
        }
        refs[d] = o;
        return pc + 5;
      }
      case STRUCT_NEW_DEFAULT -> {
        refs[d] = new StructObject(inst.types[code[pc + 3]]);
        return pc + 4;
      }
      case STRUCT_GET -> {
        StructObject o = Gc.struct(refs[fp + code[pc + 3]]);
        int y = code[pc + 5];
        int sign = code[pc + 6];
        switch (o.type.field(y)) {
          case REF -> refs[d] = o.refs[y];
          case V128 -> {
            s[d] = o.lo[y];
            m.hi[d] = o.hi[y];
          }
          case I8 -> s[d] = sign == SIGNED ? (byte) o.lo[y] : o.lo[y];
          case I16 -> s[d] = sign == SIGNED ? (short) o.lo[y] : o.lo[y];
          default -> s[d] = o.lo[y];
        }
        return pc + 7;
      }
      case STRUCT_SET -> {
        StructObject o = Gc.struct(refs[fp + code[pc + 2]]);
        setField(m, o, code[pc + 5], fp + code[pc + 3]);
        return pc + 6;
      }
      case ARRAY_NEW -> {
        ArrayObject a = allocate(inst, code[pc + 3], s[fp + code[pc + 5]]);
        int v = fp + code[pc + 4];
        a.fill(0, a.length(), s[v], m.hi[v], refs[v]);
        refs[d] = a;
        return pc + 6;
      }
      case ARRAY_NEW_DEFAULT -> {
        refs[d] = allocate(inst, code[pc + 3], s[fp + code[pc + 4]]);
        return pc + 5;
      }
      case ARRAY_NEW_FIXED -> {
        int n = code[pc + 5];
        ArrayObject a = allocate(inst, code[pc + 3], n);
        int base = fp + code[pc + 4];
        for (int i = 0; i < n; i++) {
          setElement(m, a, i, base + i);
        }
        refs[d] = a;
        return pc + 6;
      }
      case ARRAY_NEW_DATA, ARRAY_NEW_ELEM -> {
        int x = code[pc + 3];
        int segment = code[pc + 4];
        long from = u32(s[fp + code[pc + 5]]);
        long n = u32(s[fp + code[pc + 6]]);
        refs[d] =
            code[pc + 1] == ARRAY_NEW_DATA
                ? Gc.newData(inst, x, segment, from, n)
                : Gc.newElem(inst, x, segment, from, n);
        return pc + 7;
      }
      case ARRAY_GET -> {
        ArrayObject a = Gc.array(refs[fp + code[pc + 3]]);
        int i = index(a, s[fp + code[pc + 4]]);
        // The storage's own array: one switch, not a second one in ArrayObject.get.
        switch (a.storage()) {
          case REF -> refs[d] = a.refs()[i];
          case V128 -> {
            s[d] = a.get(i);
            m.hi[d] = a.getHigh(i);
          }
          case I8 -> s[d] = code[pc + 5] == SIGNED ? a.bytes()[i] : a.bytes()[i] & 0xFF;
          case I16 -> s[d] = code[pc + 5] == SIGNED ? a.shorts()[i] : a.shorts()[i] & 0xFFFF;
          case I32 -> s[d] = a.ints()[i];
          case I64 -> s[d] = a.longs()[i];
        }
        return pc + 6;
      }
      case ARRAY_SET -> {
        ArrayObject a = Gc.array(refs[fp + code[pc + 2]]);
        setElement(m, a, index(a, s[fp + code[pc + 3]]), fp + code[pc + 4]);
        return pc + 5;
      }
      case ARRAY_LEN -> {
        s[d] = Gc.array(refs[fp + code[pc + 3]]).length();
        return pc + 4;
      }
      case ARRAY_FILL -> {
        int v = fp + code[pc + 4];
        Gc.fill(
            Gc.array(refs[fp + code[pc + 2]]),
            u32(s[fp + code[pc + 3]]),
            u32(s[fp + code[pc + 5]]),
            s[v],
            m.hi[v],
            refs[v]);
        return pc + 6;
      }
      case ARRAY_COPY -> {
        Gc.copy(
            Gc.array(refs[fp + code[pc + 2]]),
            u32(s[fp + code[pc + 3]]),
            Gc.array(refs[fp + code[pc + 4]]),
            u32(s[fp + code[pc + 5]]),
            u32(s[fp + code[pc + 6]]));
        return pc + 7;
      }
      case ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> {
        ArrayObject a = Gc.array(refs[fp + code[pc + 2]]);
        long to = u32(s[fp + code[pc + 3]]);
        long from = u32(s[fp + code[pc + 4]]);
        long n = u32(s[fp + code[pc + 5]]);
        int segment = code[pc + 6];
        if (code[pc + 1] == ARRAY_INIT_DATA) {
          Gc.initData(inst, a, to, from, n, segment);
        } else {
          Gc.initElem(inst, a, to, from, n, segment);
        }
        return pc + 7;
      }
      case REF_TEST -> {
        s[d] = Gc.test(inst, refs[fp + code[pc + 3]], code[pc + 4], code[pc + 5] != 0) ? 1 : 0;
        return pc + 6;
      }
      case REF_CAST -> {
        Object ref = refs[fp + code[pc + 3]];
        if (!Gc.test(inst, ref, code[pc + 4], code[pc + 5] != 0)) {
          throw Trap.of(TrapKind.CAST_FAILURE);
        }
        refs[d] = ref;
        return pc + 6;
      }
      case REF_I31 -> {
        refs[d] = I31.wrap((int) s[fp + code[pc + 3]]);
        return pc + 4;
      }
      case I31_GET -> {
        I31 i = Gc.i31(refs[fp + code[pc + 3]]);
        s[d] = code[pc + 4] != 0 ? i.value() : i.unsigned();
        return pc + 5;
      }
      default -> throw new IllegalStateException("GC kind " + code[pc + 1]);
    }
  }

  private static long u32(long v) {
    return v & 0xFFFF_FFFFL;
  }

  private static ArrayObject allocate(ModuleInstance inst, int typeIndex, long length) {
    return Gc.allocate(inst, typeIndex, u32(length));
  }

  private static int index(ArrayObject a, long i) {
    return Gc.index((int) i, a.length());
  }

  private static void setField(Machine m, StructObject o, int y, int slot) {
    o.set(y, m.lo[slot], m.hi[slot], m.refs[slot]);
  }

  private static void setElement(Machine m, ArrayObject a, int i, int slot) {
    a.set(i, m.lo[slot], m.hi[slot], m.refs[slot]);
  }
}

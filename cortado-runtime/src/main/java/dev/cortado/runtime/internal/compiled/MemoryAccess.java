package dev.cortado.runtime.internal.compiled;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.internal.store.MemoryInstance;
import java.util.Objects;

/**
 * Loads and stores of compiled code, one method per instruction: the address operand comes first,
 * as it is on the operand stack, then the offset immediate and the memory (array and size) the
 * function keeps in locals. The bounds check is against the memory's size, not the array's length
 * (the array may have spare capacity). Each access method dispatches to {@link RawMemory} or to its
 * {@code viaHandles} twin and must stay at most 35 bytes of bytecode ({@code MaxInlineSize}):
 * bigger, C2 stops inlining it at warm call sites (RATIONALE.md, "One bounds check per access").
 */
public final class MemoryAccess {
  // The accesses through Unsafe, where the JDK lets the runtime use it; null otherwise. A constant
  // for HotSpot, so each method below compiles to one of its two paths.
  private static final RawMemory RAW = RawMemoryClass.load();

  private MemoryAccess() {}

  /**
   * Returns whether loads and stores go through {@link RawMemory} (one bounds check, ours) rather
   * than the {@code VarHandle}s (ours and the array's).
   */
  public static boolean raw() {
    return RAW != null;
  }

  /**
   * Returns the effective address of {@code size} bytes at {@code address + offset} (an i32 address
   * and a u32 offset), or traps if they are not all inside the {@code memSize} bytes.
   */
  public static int at(int address, int offset, int size, int memSize) {
    // The offset is a constant of the instruction, so after inlining this test folds away and the
    // check below is on the address itself: an affine index in a counted loop, whose check
    // HotSpot can hoist (its range-check elimination), in fewer nodes than a check of the sum.
    if (offset >>> 30 != 0) {
      return far(address, offset, size, memSize);
    }
    // Memories end below 2^31 bytes, so the bound cannot underflow: it is at least -2^30 - 15. An
    // address of 2^31 or more is negative as an int, and out of bounds as the intrinsic sees it.
    // Out of bounds, the intrinsic throws IndexOutOfBoundsException, which the runtime turns into
    // the trap where compiled code returns to it (trapFor).
    return Objects.checkIndex(address, memSize - size + 1 - offset) + offset;
  }

  // at for an offset of 2^30 or more, which only the largest memories can reach.
  private static int far(int address, int offset, int size, int memSize) {
    // An address or offset of 2^31 or more (negative as an int) is beyond every memory: the index
    // becomes negative. Below that, their sum is below 2^32 and, as an int, negative when 2^31 or
    // more: out of bounds either way.
    int ea = (address + offset) | ((address | offset) >> 31);
    return Objects.checkIndex(ea, memSize - size + 1);
  }

  /**
   * Returns the out-of-bounds trap that {@code e} stands for, thrown where it was, if an access of
   * this class threw it (the first frame below the JDK's is this class's); else throws {@code e}
   * again: any other IndexOutOfBoundsException is a bug, not a trap.
   */
  public static Trap trapFor(IndexOutOfBoundsException e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      String c = frame.getClassName();
      if (!c.startsWith("java.") && !c.startsWith("jdk.internal.")) {
        if (!c.equals(MemoryAccess.class.getName())) {
          break;
        }
        Trap t = Trap.of(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        t.setStackTrace(e.getStackTrace());
        return t;
      }
    }
    throw e;
  }

  /**
   * Returns an i64 address, index or count of a 64-bit memory or table as a u32, 2^32-1 if larger
   * (see {@link dev.cortado.wasm.binary.AddressOperands}).
   */
  public static int clampU32(long value) {
    return Long.compareUnsigned(value, 0xFFFF_FFFFL) > 0 ? -1 : (int) value;
  }

  /** {@code i32.load}. */
  public static int i32Load(int address, int offset, byte[] mem, int memSize) {
    return RAW != null
        ? RAW.i32Load(address, offset, mem, memSize)
        : viaHandlesI32Load(address, offset, mem, memSize);
  }

  static int viaHandlesI32Load(int address, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 4, memSize);
    return (int) MemoryInstance.INT.get(mem, at);
  }

  /** {@code i64.load}. */
  public static long i64Load(int address, int offset, byte[] mem, int memSize) {
    return RAW != null
        ? RAW.i64Load(address, offset, mem, memSize)
        : viaHandlesI64Load(address, offset, mem, memSize);
  }

  static long viaHandlesI64Load(int address, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 8, memSize);
    return (long) MemoryInstance.LONG.get(mem, at);
  }

  /** {@code f32.load}. */
  public static float f32Load(int address, int offset, byte[] mem, int memSize) {
    return RAW != null
        ? RAW.f32Load(address, offset, mem, memSize)
        : viaHandlesF32Load(address, offset, mem, memSize);
  }

  static float viaHandlesF32Load(int address, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 4, memSize);
    return Float.intBitsToFloat((int) MemoryInstance.INT.get(mem, at));
  }

  /** {@code f64.load}. */
  public static double f64Load(int address, int offset, byte[] mem, int memSize) {
    return RAW != null
        ? RAW.f64Load(address, offset, mem, memSize)
        : viaHandlesF64Load(address, offset, mem, memSize);
  }

  static double viaHandlesF64Load(int address, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 8, memSize);
    return Double.longBitsToDouble((long) MemoryInstance.LONG.get(mem, at));
  }

  /** {@code i32.load8_s}. */
  public static int i32Load8S(int address, int offset, byte[] mem, int memSize) {
    return RAW != null
        ? RAW.i32Load8S(address, offset, mem, memSize)
        : viaHandlesI32Load8S(address, offset, mem, memSize);
  }

  static int viaHandlesI32Load8S(int address, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 1, memSize);
    return mem[at];
  }

  /** {@code i32.load8_u}. */
  public static int i32Load8U(int address, int offset, byte[] mem, int memSize) {
    return RAW != null
        ? RAW.i32Load8U(address, offset, mem, memSize)
        : viaHandlesI32Load8U(address, offset, mem, memSize);
  }

  static int viaHandlesI32Load8U(int address, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 1, memSize);
    return mem[at] & 0xFF;
  }

  /** {@code i32.load16_s}. */
  public static int i32Load16S(int address, int offset, byte[] mem, int memSize) {
    return RAW != null
        ? RAW.i32Load16S(address, offset, mem, memSize)
        : viaHandlesI32Load16S(address, offset, mem, memSize);
  }

  static int viaHandlesI32Load16S(int address, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 2, memSize);
    return (short) MemoryInstance.SHORT.get(mem, at);
  }

  /** {@code i32.load16_u}. */
  public static int i32Load16U(int address, int offset, byte[] mem, int memSize) {
    return RAW != null
        ? RAW.i32Load16U(address, offset, mem, memSize)
        : viaHandlesI32Load16U(address, offset, mem, memSize);
  }

  static int viaHandlesI32Load16U(int address, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 2, memSize);
    return (short) MemoryInstance.SHORT.get(mem, at) & 0xFFFF;
  }

  /** {@code i64.load8_s}. */
  public static long i64Load8S(int address, int offset, byte[] mem, int memSize) {
    return RAW != null
        ? RAW.i64Load8S(address, offset, mem, memSize)
        : viaHandlesI64Load8S(address, offset, mem, memSize);
  }

  static long viaHandlesI64Load8S(int address, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 1, memSize);
    return mem[at];
  }

  /** {@code i64.load8_u}. */
  public static long i64Load8U(int address, int offset, byte[] mem, int memSize) {
    return RAW != null
        ? RAW.i64Load8U(address, offset, mem, memSize)
        : viaHandlesI64Load8U(address, offset, mem, memSize);
  }

  static long viaHandlesI64Load8U(int address, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 1, memSize);
    return mem[at] & 0xFFL;
  }

  /** {@code i64.load16_s}. */
  public static long i64Load16S(int address, int offset, byte[] mem, int memSize) {
    return RAW != null
        ? RAW.i64Load16S(address, offset, mem, memSize)
        : viaHandlesI64Load16S(address, offset, mem, memSize);
  }

  static long viaHandlesI64Load16S(int address, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 2, memSize);
    return (short) MemoryInstance.SHORT.get(mem, at);
  }

  /** {@code i64.load16_u}. */
  public static long i64Load16U(int address, int offset, byte[] mem, int memSize) {
    return RAW != null
        ? RAW.i64Load16U(address, offset, mem, memSize)
        : viaHandlesI64Load16U(address, offset, mem, memSize);
  }

  static long viaHandlesI64Load16U(int address, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 2, memSize);
    return (short) MemoryInstance.SHORT.get(mem, at) & 0xFFFFL;
  }

  /** {@code i64.load32_s}. */
  public static long i64Load32S(int address, int offset, byte[] mem, int memSize) {
    return RAW != null
        ? RAW.i64Load32S(address, offset, mem, memSize)
        : viaHandlesI64Load32S(address, offset, mem, memSize);
  }

  static long viaHandlesI64Load32S(int address, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 4, memSize);
    return (int) MemoryInstance.INT.get(mem, at);
  }

  /** {@code i64.load32_u}. */
  public static long i64Load32U(int address, int offset, byte[] mem, int memSize) {
    return RAW != null
        ? RAW.i64Load32U(address, offset, mem, memSize)
        : viaHandlesI64Load32U(address, offset, mem, memSize);
  }

  static long viaHandlesI64Load32U(int address, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 4, memSize);
    return (int) MemoryInstance.INT.get(mem, at) & 0xFFFF_FFFFL;
  }

  /** {@code i32.store}. */
  public static void i32Store(int address, int v, int offset, byte[] mem, int memSize) {
    if (RAW != null) {
      RAW.i32Store(address, v, offset, mem, memSize);
    } else {
      viaHandlesI32Store(address, v, offset, mem, memSize);
    }
  }

  static void viaHandlesI32Store(int address, int v, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 4, memSize);
    MemoryInstance.INT.set(mem, at, v);
  }

  /** {@code i64.store}. */
  public static void i64Store(int address, long v, int offset, byte[] mem, int memSize) {
    if (RAW != null) {
      RAW.i64Store(address, v, offset, mem, memSize);
    } else {
      viaHandlesI64Store(address, v, offset, mem, memSize);
    }
  }

  static void viaHandlesI64Store(int address, long v, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 8, memSize);
    MemoryInstance.LONG.set(mem, at, v);
  }

  /** {@code f32.store}. */
  public static void f32Store(int address, float v, int offset, byte[] mem, int memSize) {
    if (RAW != null) {
      RAW.f32Store(address, v, offset, mem, memSize);
    } else {
      viaHandlesF32Store(address, v, offset, mem, memSize);
    }
  }

  static void viaHandlesF32Store(int address, float v, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 4, memSize);
    MemoryInstance.INT.set(mem, at, Float.floatToRawIntBits(v));
  }

  /** {@code f64.store}. */
  public static void f64Store(int address, double v, int offset, byte[] mem, int memSize) {
    if (RAW != null) {
      RAW.f64Store(address, v, offset, mem, memSize);
    } else {
      viaHandlesF64Store(address, v, offset, mem, memSize);
    }
  }

  static void viaHandlesF64Store(int address, double v, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 8, memSize);
    MemoryInstance.LONG.set(mem, at, Double.doubleToRawLongBits(v));
  }

  /** {@code i32.store8}. */
  public static void i32Store8(int address, int v, int offset, byte[] mem, int memSize) {
    if (RAW != null) {
      RAW.i32Store8(address, v, offset, mem, memSize);
    } else {
      viaHandlesI32Store8(address, v, offset, mem, memSize);
    }
  }

  static void viaHandlesI32Store8(int address, int v, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 1, memSize);
    mem[at] = (byte) v;
  }

  /** {@code i32.store16}. */
  public static void i32Store16(int address, int v, int offset, byte[] mem, int memSize) {
    if (RAW != null) {
      RAW.i32Store16(address, v, offset, mem, memSize);
    } else {
      viaHandlesI32Store16(address, v, offset, mem, memSize);
    }
  }

  static void viaHandlesI32Store16(int address, int v, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 2, memSize);
    MemoryInstance.SHORT.set(mem, at, (short) v);
  }

  /** {@code i64.store8}. */
  public static void i64Store8(int address, long v, int offset, byte[] mem, int memSize) {
    if (RAW != null) {
      RAW.i64Store8(address, v, offset, mem, memSize);
    } else {
      viaHandlesI64Store8(address, v, offset, mem, memSize);
    }
  }

  static void viaHandlesI64Store8(int address, long v, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 1, memSize);
    mem[at] = (byte) v;
  }

  /** {@code i64.store16}. */
  public static void i64Store16(int address, long v, int offset, byte[] mem, int memSize) {
    if (RAW != null) {
      RAW.i64Store16(address, v, offset, mem, memSize);
    } else {
      viaHandlesI64Store16(address, v, offset, mem, memSize);
    }
  }

  static void viaHandlesI64Store16(int address, long v, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 2, memSize);
    MemoryInstance.SHORT.set(mem, at, (short) v);
  }

  /** {@code i64.store32}. */
  public static void i64Store32(int address, long v, int offset, byte[] mem, int memSize) {
    if (RAW != null) {
      RAW.i64Store32(address, v, offset, mem, memSize);
    } else {
      viaHandlesI64Store32(address, v, offset, mem, memSize);
    }
  }

  static void viaHandlesI64Store32(int address, long v, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 4, memSize);
    MemoryInstance.INT.set(mem, at, (int) v);
  }

  /**
   * {@code v128.load}: writes the 16 bytes to register {@code dst} of a compiled function's vector
   * register file ({@code lo} and {@code hi} halves).
   */
  public static void v128Load(
      int address, int offset, byte[] mem, int memSize, long[] lo, long[] hi, int dst) {
    int at = at(address, offset, 16, memSize);
    lo[dst] = (long) MemoryInstance.LONG.get(mem, at);
    hi[dst] = (long) MemoryInstance.LONG.get(mem, at + 8);
  }

  /** {@code v128.store} of the vector {@code (lo, hi)}. */
  public static void v128Store(int address, long lo, long hi, int offset, byte[] mem, int memSize) {
    int at = at(address, offset, 16, memSize);
    MemoryInstance.LONG.set(mem, at, lo);
    MemoryInstance.LONG.set(mem, at + 8, hi);
  }
}

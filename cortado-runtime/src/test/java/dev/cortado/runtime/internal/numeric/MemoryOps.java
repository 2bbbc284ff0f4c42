package dev.cortado.runtime.internal.numeric;

import dev.cortado.runtime.internal.numeric.WastMachine.Exec;
import dev.cortado.runtime.internal.numeric.WastMachine.Frame;
import dev.cortado.wasm.Immediate;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import java.util.List;
import java.util.Map;

/**
 * The memory instructions of {@link WastMachine}, as the interpreter will do them: the memory
 * access is here, the lane work is the helpers' ({@link SimdLanes} splat, replace and extract
 * lane). The load transforms themselves are bound to their helpers by {@link InstructionTable}.
 */
final class MemoryOps {
  private MemoryOps() {}

  static void register(Map<String, Exec> execs) {
    for (Opcode op : Opcode.values()) {
      if (op.accessBytes() == 0 || execs.containsKey(op.text())) {
        continue;
      }
      Exec e = exec(op);
      if (e != null) {
        execs.put(op.text(), e);
      }
    }
  }

  private static Exec exec(Opcode op) {
    String name = op.text();
    int bytes = op.accessBytes();
    if (name.endsWith("_splat")) {
      return (f, imms) -> {
        long bits = load(f, offset(imms), bytes);
        long[] lo = new long[1];
        long[] hi = new long[1];
        switch (bytes) {
          case 1 -> SimdLanes.i8x16Splat(lo, hi, 0, bits);
          case 2 -> SimdLanes.i16x8Splat(lo, hi, 0, bits);
          case 4 -> SimdLanes.i32x4Splat(lo, hi, 0, bits);
          default -> SimdLanes.i64x2Splat(lo, hi, 0, bits);
        }
        f.push(WastValue.v128(lo[0], hi[0]));
      };
    }
    if (op.immediate() == Immediate.MEMARG_LANE) {
      return name.contains("load") ? loadLane(bytes) : storeLane(bytes);
    }
    if (op == Opcode.V128_LOAD) {
      return (f, imms) -> {
        long address = address(f, offset(imms), 16);
        f.push(WastValue.v128(read(f, address, 8), read(f, address + 8, 8)));
      };
    }
    if (op == Opcode.V128_STORE) {
      return (f, imms) -> {
        WastValue v = f.pop();
        long address = address(f, offset(imms), 16);
        write(f, address, 8, v.lo());
        write(f, address + 8, 8, v.hi());
      };
    }
    if (name.contains(".load")) {
      ValType type = op.results().get(0);
      boolean signed = name.endsWith("_s");
      return (f, imms) -> {
        long bits = load(f, offset(imms), bytes);
        if (signed) {
          bits = bits << (64 - 8 * bytes) >> (64 - 8 * bytes);
        }
        boolean narrow = type == ValType.I32 || type == ValType.F32;
        f.push(new WastValue(type, narrow ? (int) bits : bits, 0));
      };
    }
    if (name.contains(".store")) {
      return (f, imms) -> {
        long v = f.pop().lo();
        write(f, address(f, offset(imms), bytes), bytes, v);
      };
    }
    return null;
  }

  private static Exec loadLane(int bytes) {
    return (f, imms) -> {
      WastValue v = f.pop();
      long bits = load(f, offset(imms), bytes);
      long[] lo = {v.lo()};
      long[] hi = {v.hi()};
      int lane = lane(imms);
      switch (bytes) {
        case 1 -> SimdLanes.i8x16ReplaceLane(lo, hi, 0, 0, lane, bits);
        case 2 -> SimdLanes.i16x8ReplaceLane(lo, hi, 0, 0, lane, bits);
        case 4 -> SimdLanes.i32x4ReplaceLane(lo, hi, 0, 0, lane, bits);
        default -> SimdLanes.i64x2ReplaceLane(lo, hi, 0, 0, lane, bits);
      }
      f.push(WastValue.v128(lo[0], hi[0]));
    };
  }

  private static Exec storeLane(int bytes) {
    return (f, imms) -> {
      WastValue v = f.pop();
      long[] lo = {v.lo()};
      long[] hi = {v.hi()};
      int lane = lane(imms);
      long bits =
          switch (bytes) {
            case 1 -> SimdLanes.i8x16ExtractLaneU(lo, hi, 0, lane);
            case 2 -> SimdLanes.i16x8ExtractLaneU(lo, hi, 0, lane);
            case 4 -> SimdLanes.i32x4ExtractLane(lo, hi, 0, lane);
            default -> SimdLanes.i64x2ExtractLane(lo, hi, 0, lane);
          };
      write(f, address(f, offset(imms), bytes), bytes, bits);
    };
  }

  /** Returns the {@code offset=} of a memarg, 0 without one. */
  static long offset(List<String> imms) {
    for (String s : imms) {
      if (s.startsWith("offset=")) {
        return WastValue.parseInt(s.substring(7));
      }
    }
    return 0;
  }

  /** Returns the lane index following a memarg. */
  private static int lane(List<String> imms) {
    for (String s : imms) {
      if (!s.contains("=")) {
        return Integer.parseInt(s);
      }
    }
    throw new IllegalArgumentException("no lane index in " + imms);
  }

  /** Pops the address operand and returns the checked effective address. */
  private static long address(Frame f, long offset, int bytes) {
    long address = (f.pop().lo() & 0xFFFF_FFFFL) + offset;
    WastMachine.checkBounds(f, address, bytes);
    return address;
  }

  /** Pops the address and returns the {@code bytes} bytes there as a little-endian long. */
  static long load(Frame f, long offset, int bytes) {
    return read(f, address(f, offset, bytes), bytes);
  }

  private static long read(Frame f, long address, int bytes) {
    long v = 0;
    for (int i = bytes - 1; i >= 0; i--) {
      v = v << 8 | (f.instance.memory[(int) address + i] & 0xFF);
    }
    return v;
  }

  private static void write(Frame f, long address, int bytes, long v) {
    for (int i = 0; i < bytes; i++) {
      f.instance.memory[(int) address + i] = (byte) (v >>> (8 * i));
    }
  }
}

package dev.cortado.compiler.fuzz;

import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.V128;
import dev.cortado.wasm.ValType;
import java.util.List;
import java.util.Random;

/**
 * The arguments each exported function is called with: set 0 is all zeros, the others are drawn
 * from edge values and random bits by a generator seeded with the module's bytes, the export's name
 * and the set, so every engine (and every later run of a regression file) gets the same.
 */
final class CallArguments {
  /** How many argument sets a function with parameters is called with. */
  static final int SETS = 3;

  private static final int[] I32_EDGES = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x80};
  private static final long[] I64_EDGES = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32};
  private static final int[] F32_EDGES = {
    0,
    0x8000_0000,
    0x3f80_0000,
    0xbf80_0000,
    0x7fc0_0000,
    0x7fa0_0001,
    0xffc0_0123,
    0x7f80_0000,
    0xff80_0000,
    1,
    0x7f7f_ffff,
    0x4f00_0000
  };
  private static final long[] F64_EDGES = {
    0,
    0x8000_0000_0000_0000L,
    0x3ff0_0000_0000_0000L,
    0xbff0_0000_0000_0000L,
    0x7ff8_0000_0000_0000L,
    0x7ff4_0000_0000_0001L,
    0xfff8_0000_0000_0123L,
    0x7ff0_0000_0000_0000L,
    0xfff0_0000_0000_0000L,
    1,
    0x7fef_ffff_ffff_ffffL,
    0x43e0_0000_0000_0000L
  };

  private final long moduleSeed;

  CallArguments(byte[] module) {
    long h = 1125899906842597L;
    for (byte b : module) {
      h = 31 * h + b;
    }
    this.moduleSeed = h;
  }

  WasmValue[] of(String export, int set, FuncType type) {
    List<ValType> params = type.params();
    WasmValue[] args = new WasmValue[params.size()];
    Random random = new Random(moduleSeed ^ (export.hashCode() * 0x9E3779B97F4A7C15L) ^ set);
    for (int i = 0; i < args.length; i++) {
      args[i] = set == 0 ? WasmValue.zero(params.get(i)) : draw(params.get(i), random);
    }
    return args;
  }

  private static WasmValue draw(ValType type, Random random) {
    boolean edge = random.nextBoolean();
    if (type == ValType.I32) {
      return WasmValue.i32(edge ? I32_EDGES[random.nextInt(I32_EDGES.length)] : random.nextInt());
    } else if (type == ValType.I64) {
      return WasmValue.i64(edge ? I64_EDGES[random.nextInt(I64_EDGES.length)] : random.nextLong());
    } else if (type == ValType.F32) {
      int bits = edge ? F32_EDGES[random.nextInt(F32_EDGES.length)] : random.nextInt();
      return new WasmValue.F32(bits);
    } else if (type == ValType.F64) {
      long bits = edge ? F64_EDGES[random.nextInt(F64_EDGES.length)] : random.nextLong();
      return new WasmValue.F64(bits);
    } else if (type == ValType.V128) {
      return WasmValue.v128(new V128(random.nextLong(), random.nextLong()));
    } else if (type.equals(ValType.EXTERNREF) && !edge) {
      return WasmValue.externRef("host-" + random.nextInt(4));
    }
    return WasmValue.nullRef((RefType) type);
  }
}

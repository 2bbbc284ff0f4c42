package dev.cortado.runtime.internal.interp;

import dev.cortado.wasm.Expression;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The constants of a function that get slots of their own, filled at every call, so instructions
 * read them in place instead of executing a constant instruction each time.
 *
 * <p>Filling costs one store per constant per call, so only the most used ones get a slot (at most
 * {@link #MAX_SLOTS}); the rest are emitted as instructions. Numbers are keyed by their slot bits
 * (an i32 sign-extended), so equal bits of different types share a slot.
 */
final class Constants {
  static final int MAX_SLOTS = 32;

  private final Map<Long, Integer> numbers;
  private final Map<Vec, Integer> vectors;
  private final long[] low;
  private final long[] high;

  private record Vec(long low, long high) {}

  /**
   * The number of legacy {@code try} blocks: each may need a slot for the exception its catch
   * caught, for {@code rethrow} (set by {@link #collect}, which reads every instruction anyway).
   */
  int legacyTries;

  private Constants(
      Map<Long, Integer> numbers, Map<Vec, Integer> vectors, long[] low, long[] high) {
    this.numbers = numbers;
    this.vectors = vectors;
    this.low = low;
    this.high = high;
  }

  /** Counts the constants of {@code body} and gives slots to the most used. */
  static Constants collect(Expression body) {
    Map<Object, int[]> uses = new HashMap<>();
    List<Object> order = new ArrayList<>();
    InstructionReader r = InstructionReader.of(body);
    int tries = 0;
    while (r.hasNext()) {
      Opcode op = r.next();
      Object key =
          switch (op) {
            case TRY -> {
              tries++;
              yield null;
            }
            case I32_CONST -> (long) r.i32();
            case I64_CONST -> r.i64();
            case F32_CONST -> (long) r.f32Bits();
            case F64_CONST -> r.f64Bits();
            case V128_CONST -> new Vec(r.v128Low(), r.v128High());
            default -> null;
          };
      if (key != null) {
        int[] n = uses.get(key);
        if (n == null) {
          uses.put(key, new int[] {1});
          order.add(key);
        } else {
          n[0]++;
        }
      }
    }
    // Most used first; stable, so ties keep their order of appearance.
    order.sort((a, b) -> Integer.compare(uses.get(b)[0], uses.get(a)[0]));
    int n = Math.min(order.size(), MAX_SLOTS);
    Map<Long, Integer> numbers = new HashMap<>();
    Map<Vec, Integer> vectors = new HashMap<>();
    long[] low = new long[n];
    long[] high = null;
    for (int i = 0; i < n; i++) {
      Object key = order.get(i);
      if (key instanceof Vec v) {
        vectors.put(v, i);
        low[i] = v.low();
        if (high == null) {
          high = new long[n];
        }
        high[i] = v.high();
      } else {
        numbers.put((Long) key, i);
        low[i] = (Long) key;
      }
    }
    Constants c = new Constants(numbers, vectors, low, high);
    c.legacyTries = tries;
    return c;
  }

  int count() {
    return low.length;
  }

  /** Returns the slot (from 0) of a number constant, or -1 if it has none. */
  int slotOf(long bits) {
    Integer s = numbers.get(bits);
    return s == null ? -1 : s;
  }

  /** Returns the slot (from 0) of a vector constant, or -1 if it has none. */
  int vectorSlotOf(long lo, long hi) {
    Integer s = vectors.get(new Vec(lo, hi));
    return s == null ? -1 : s;
  }

  long[] low() {
    return low;
  }

  /** Returns the high halves, or null if no constant is a vector. */
  long[] high() {
    return high;
  }
}

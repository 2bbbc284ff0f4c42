package dev.cortado.wasm.internal;

import dev.cortado.wasm.WasmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Work over a module's functions, on the common ForkJoin pool when there is enough code to repay
 * the forking: decoding checks bodies this way, validation validates them. When several functions
 * fail, the lowest index is reported, so the outcome does not depend on scheduling.
 */
public final class Chunks {
  /** Below this much code, one thread is faster than splitting the work. */
  public static final long PARALLEL_THRESHOLD_BYTES = 256 * 1024;

  /** Functions go to tasks in chunks of about this much code. */
  private static final long CHUNK_BYTES = 64 * 1024;

  /** The work of one task on its functions, one at a time, in order. */
  public interface Worker {
    /** Does the work for function {@code index}. */
    void accept(int index);
  }

  private Chunks() {}

  /**
   * Runs a worker of {@code workers} (one per task) on every index below {@code count}; {@code
   * sizes} gives each function's code size.
   *
   * @throws WasmException the one thrown for the lowest index
   */
  public static void run(
      int count, IntToLongFunction sizes, boolean parallel, Supplier<Worker> workers) {
    long total = 0;
    for (int i = 0; i < count; i++) {
      total += sizes.applyAsLong(i);
    }
    if (!parallel || total < PARALLEL_THRESHOLD_BYTES || count < 2) {
      Worker w = workers.get();
      for (int i = 0; i < count; i++) {
        w.accept(i);
      }
      return;
    }
    List<Integer> starts = new ArrayList<>();
    long size = CHUNK_BYTES;
    for (int i = 0; i < count; i++) {
      if (size >= CHUNK_BYTES) {
        starts.add(i);
        size = 0;
      }
      size += sizes.applyAsLong(i);
    }
    starts.add(count);
    WasmException[] failures = new WasmException[starts.size() - 1];
    IntStream.range(0, failures.length)
        .parallel()
        .forEach(
            c -> {
              Worker w = workers.get();
              try {
                for (int i = starts.get(c); i < starts.get(c + 1); i++) {
                  w.accept(i);
                }
              } catch (WasmException e) {
                failures[c] = e;
              }
            });
    for (WasmException e : failures) {
      if (e != null) {
        throw e;
      }
    }
  }
}

package dev.cortado.container.internal;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a container's memory limit ({@code linux.resources.memory.limit}) is shared out in its one
 * JVM. The Java heap ({@code -Xmx}) gets the limit less {@value #NON_HEAP_MIB} MiB for what the JVM
 * keeps outside it (metaspace, code cache, thread stacks, the class-data archive), or half of a
 * limit of {@value #SMALL_LIMIT_MIB} MiB or less. The young generation ({@code -Xmn}) gets an
 * eighth of the heap, so that the old generation, where a guest memory lives (arrays of a megabyte
 * or more are born there), is most of it. A guest memory grows by replacing its array with a larger
 * one, so for a moment it needs its old and new array together: the guest's limit is half of the
 * old generation less {@value #RUNTIME_MIB} MiB (the module, compiled code, WASI buffers). Then
 * {@code memory.grow} reaches the limit and fails (returns -1) beyond it, and the JVM itself never
 * runs out of heap because of the guest.
 *
 * @param heapBytes the JVM's maximum heap
 * @param youngBytes the JVM's young generation
 * @param guestPages the most 64 KiB pages a guest memory may have
 */
public record MemoryBudget(long heapBytes, long youngBytes, int guestPages) {
  static final long NON_HEAP_MIB = 48;
  static final long SMALL_LIMIT_MIB = 96;
  static final long RUNTIME_MIB = 16;
  private static final long MIB = 1L << 20;
  private static final long MIN_HEAP = 16 * MIB;
  private static final long PAGE = 65536;

  /**
   * Returns the budget for a container limited to {@code limit} bytes, the guest never above {@code
   * maxPages}; empty without a limit (the JVM's and runtime's defaults then apply).
   */
  public static Optional<MemoryBudget> of(OptionalLong limit, int maxPages) {
    if (limit.isEmpty()) {
      return Optional.empty();
    }
    long l = limit.getAsLong();
    long heap = l <= SMALL_LIMIT_MIB * MIB ? l / 2 : l - NON_HEAP_MIB * MIB;
    heap = Math.max(MIN_HEAP, heap / MIB * MIB);
    long young = Math.max(2 * MIB, heap / 8 / MIB * MIB);
    long old = heap - young;
    long guest = (old - Math.min(RUNTIME_MIB * MIB, old / 4)) / 2;
    long pages = Math.max(1, Math.min(maxPages, guest / PAGE));
    return Optional.of(new MemoryBudget(heap, young, (int) pages));
  }

  /** The JVM options for this budget: {@code -Xmx} and {@code -Xmn}, in MiB. */
  public List<String> jvmOptions() {
    return List.of("-Xmx" + heapBytes / MIB + "m", "-Xmn" + youngBytes / MIB + "m");
  }
}

package dev.cortado.container.internal;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a container's memory limit ({@code linux.resources.memory.limit}) is shared out in its one
 * JVM: the Java heap ({@code -Xmx}) gets the limit less {@value #NON_HEAP_MIB} MiB for what the JVM
 * keeps outside it (metaspace, code cache, thread stacks, the class-data archive), or half a limit
 * of {@value #SMALL_LIMIT_MIB} MiB or less; the guest's memories may grow to the heap less {@value
 * #RUNTIME_MIB} MiB (the module, compiled code, WASI buffers), or to half the heap if that is more.
 * A guest memory is one array in the heap, so its limit keeps a Wasm program from taking the JVM
 * down: {@code memory.grow} fails (returns -1) instead.
 *
 * @param heapBytes the JVM's maximum heap
 * @param guestPages the most 64 KiB pages a guest memory may have
 */
public record MemoryBudget(long heapBytes, int guestPages) {
  static final long NON_HEAP_MIB = 48;
  static final long SMALL_LIMIT_MIB = 96;
  static final long RUNTIME_MIB = 16;
  private static final long MIB = 1L << 20;
  private static final long MIN_HEAP = 8 * MIB;
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
    long guest = Math.max(heap - RUNTIME_MIB * MIB, heap / 2);
    long pages = Math.max(1, Math.min(maxPages, guest / PAGE));
    return Optional.of(new MemoryBudget(heap, (int) pages));
  }

  /** The {@code -Xmx} option for the heap, in MiB. */
  public String xmx() {
    return "-Xmx" + heapBytes / MIB + "m";
  }
}

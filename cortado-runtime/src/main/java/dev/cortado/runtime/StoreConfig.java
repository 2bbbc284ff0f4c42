package dev.cortado.runtime;

import dev.cortado.runtime.internal.store.MemoryInstance;

/**
 * The limits a {@link Store} enforces on the code it runs. Immutable: each {@code withX} returns a
 * changed copy.
 *
 * <pre>{@code
 * StoreConfig config = StoreConfig.defaults().withMaxMemoryPages(256).withMaxCallDepth(1000);
 * }</pre>
 */
public final class StoreConfig {
  private static final StoreConfig DEFAULTS =
      new StoreConfig(MemoryInstance.MAX_PAGES, 10_000_000, 50_000, 4 << 20);

  private final int maxMemoryPages;
  private final int maxTableElements;
  private final int maxCallDepth;
  private final int maxStackSlots;

  private StoreConfig(int maxMemoryPages, int maxTableElements, int maxCallDepth, int maxSlots) {
    this.maxMemoryPages = maxMemoryPages;
    this.maxTableElements = maxTableElements;
    this.maxCallDepth = maxCallDepth;
    this.maxStackSlots = maxSlots;
  }

  /**
   * Returns the defaults: memories up to 32767 pages (2 GiB, the most a Java array holds), tables
   * up to 10 million elements, 50,000 nested calls, 4 Mi value slots for all frames together.
   */
  public static StoreConfig defaults() {
    return DEFAULTS;
  }

  /** Returns the most pages any memory of the store may have; growing beyond fails. */
  public int maxMemoryPages() {
    return maxMemoryPages;
  }

  /** Returns the most elements any table of the store may have; growing beyond fails. */
  public int maxTableElements() {
    return maxTableElements;
  }

  /** Returns the most nested WebAssembly calls before the call stack counts as exhausted. */
  public int maxCallDepth() {
    return maxCallDepth;
  }

  /**
   * Returns the most value slots (locals and operands of all frames together) before the call stack
   * counts as exhausted.
   */
  public int maxStackSlots() {
    return maxStackSlots;
  }

  /** Returns a copy with {@code pages} as the memory limit (1 to 32767). */
  public StoreConfig withMaxMemoryPages(int pages) {
    require(pages >= 0 && pages <= MemoryInstance.MAX_PAGES, "max memory pages", pages);
    return new StoreConfig(pages, maxTableElements, maxCallDepth, maxStackSlots);
  }

  /** Returns a copy with {@code elements} as the table limit. */
  public StoreConfig withMaxTableElements(int elements) {
    require(elements >= 0, "max table elements", elements);
    return new StoreConfig(maxMemoryPages, elements, maxCallDepth, maxStackSlots);
  }

  /** Returns a copy with {@code depth} as the call depth limit. */
  public StoreConfig withMaxCallDepth(int depth) {
    require(depth >= 1, "max call depth", depth);
    return new StoreConfig(maxMemoryPages, maxTableElements, depth, maxStackSlots);
  }

  /** Returns a copy with {@code slots} as the value slot limit. */
  public StoreConfig withMaxStackSlots(int slots) {
    require(slots >= 1024, "max stack slots", slots);
    return new StoreConfig(maxMemoryPages, maxTableElements, maxCallDepth, slots);
  }

  private static void require(boolean ok, String what, int value) {
    if (!ok) {
      throw new IllegalArgumentException(what + " out of range: " + value);
    }
  }

  @Override
  public String toString() {
    return "StoreConfig[maxMemoryPages="
        + maxMemoryPages
        + ", maxTableElements="
        + maxTableElements
        + ", maxCallDepth="
        + maxCallDepth
        + ", maxStackSlots="
        + maxStackSlots
        + "]";
  }
}

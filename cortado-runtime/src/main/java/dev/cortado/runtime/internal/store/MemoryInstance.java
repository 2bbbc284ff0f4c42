package dev.cortado.runtime.internal.store;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MemoryType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A linear memory: {@link #size} bytes (whole pages: 64 KiB, or one byte with the custom page sizes
 * proposal) at the start of a {@code byte[]}, read and written little-endian.
 *
 * <p>The array may be longer than the memory: growing reserves capacity geometrically (the next
 * power of two in bytes, bounded by the maximum), so a program that grows its memory a page at a
 * time copies it O(log n) times instead of once per page. Bytes past {@link #size} are never
 * accessible and stay zero, so every bounds check is against {@link #size}, never the array's
 * length. Growing past the capacity replaces the array, so code that caches {@link #bytes} or
 * {@link #size} must reload them after anything that may grow the memory (a call, {@code
 * memory.grow}). A Java array holds at most 2^31-1 bytes, so a memory has at most {@link
 * #MAX_PAGES} 64 KiB pages (2 GiB minus 64 KiB), whatever its page size.
 *
 * <p>A shared memory (the threads proposal) is used by several threads at once, so its array can
 * never be replaced: a thread still writing into the old one would lose its writes. It is made at
 * its maximum size (as far as the store allows) and growing only moves {@link #size}.
 */
public final class MemoryInstance {
  /** The most 64 KiB pages a {@code byte[]} can hold. */
  public static final int MAX_PAGES = 32767;

  /** Little-endian views of the memory's bytes. */
  public static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  /** Little-endian 32-bit view. */
  public static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** Little-endian 64-bit view. */
  public static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * The memory's contents in its first {@link #size} bytes; replaced (never resized in place) when
   * {@link #grow} needs more capacity.
   */
  public byte[] bytes;

  /** The memory's size in bytes: what the guest sees; at most {@code bytes.length}. */
  public int size;

  private final MemoryType type;
  private final int maxPages;
  // The page size's exponent: 16, or 0 for one-byte pages (custom page sizes proposal).
  private final int pageShift;
  // A shared memory's waiting threads; null when not shared.
  private final Waiters waiters;
  // The size it was created with: what a memory pool files its array under.
  private final int initialSize;

  /**
   * Creates a memory of {@code type}'s minimum size, zero-filled.
   *
   * @param limitPages the most pages the store allows, whatever the type says
   */
  public MemoryInstance(MemoryType type, int limitPages) {
    this(type, limitPages, null);
  }

  /**
   * Creates a memory of {@code type}'s minimum size, zero-filled, in an array from {@code pool}
   * when it has one of that size.
   *
   * @param limitPages the most pages the store allows, whatever the type says
   * @param pool where to look for an array first (none if null)
   */
  public MemoryInstance(MemoryType type, int limitPages, MemoryPool pool) {
    this.type = type;
    this.pageShift = type.pageSizeLog2();
    // In this memory's pages (64 KiB, or one byte with the custom page sizes proposal): the least
    // of the declared maximum (unsigned), the store's limit and what one array holds.
    long declaredMax =
        type.limits().max().isPresent() ? type.limits().max().getAsLong() : type.maxPages();
    long bound =
        Math.min((long) limitPages * MemoryType.PAGE_SIZE, (long) MAX_PAGES * MemoryType.PAGE_SIZE)
            >>> pageShift;
    this.maxPages = (int) (Long.compareUnsigned(declaredMax, bound) < 0 ? declaredMax : bound);
    long min = type.limits().min();
    if (Long.compareUnsigned(min, maxPages) > 0) {
      throw new ResourceLimitException(
          "memory of "
              + Long.toUnsignedString(min)
              + " pages exceeds the limit of "
              + maxPages
              + " pages ("
              + ((long) maxPages << pageShift)
              + " bytes)");
    }
    this.size = (int) (min << pageShift);
    this.initialSize = size;
    if (type.shared()) {
      this.bytes = sharedArray((long) maxPages << pageShift);
      this.waiters = new Waiters();
      return;
    }
    this.waiters = null;
    // The pool files arrays by their length, so a recycled one is exactly this memory's size.
    byte[] recycled = pool == null ? null : pool.take(size);
    this.bytes = recycled != null ? recycled : new byte[size];
  }

  private static byte[] sharedArray(long length) {
    try {
      return new byte[(int) length];
    } catch (OutOfMemoryError e) {
      throw new ResourceLimitException(
          "a shared memory is made at its maximum size, and "
              + length
              + " bytes do not fit in the Java heap: lower the memory's maximum or the store's"
              + " memory limit, or give Java a larger heap (-Xmx)");
    }
  }

  /** Returns whether the memory is shared (threads proposal): one array for its whole life. */
  public boolean shared() {
    return waiters != null;
  }

  /**
   * Returns the threads waiting in {@code memory.atomic.wait32}/{@code wait64} on this shared
   * memory; null for an unshared one.
   */
  public Waiters waiters() {
    return waiters;
  }

  /** Returns the size in bytes the memory was created with. */
  public int initialSize() {
    return initialSize;
  }

  /** Returns the type the memory was created with. */
  public MemoryType type() {
    return type;
  }

  /** Returns the current size in pages (of the memory type's page size). */
  public int pages() {
    return size >>> pageShift;
  }

  /** Returns the most pages (of the memory type's page size) this memory may grow to. */
  public int maxPages() {
    return maxPages;
  }

  /**
   * Grows the memory by {@code delta} pages (an unsigned i32) and returns the old size in pages, or
   * -1 if it cannot grow that much. Synchronized: threads sharing a memory may grow it at once.
   */
  public synchronized int grow(int delta) {
    int old = pages();
    long target = old + Integer.toUnsignedLong(delta);
    if (target > maxPages) {
      return -1;
    }
    int newSize = (int) (target << pageShift);
    if (newSize > bytes.length && !reserve(newSize)) {
      return -1;
    }
    size = newSize;
    return old;
  }

  /**
   * Replaces the array by one of at least {@code length} bytes: the next power of two (bounded by
   * the maximum), or exactly {@code length} if the heap cannot hold that much. Returns false if not
   * even that fits.
   */
  private boolean reserve(int length) {
    long max = (long) maxPages << pageShift;
    int capacity = (int) Math.min(max, Math.max(length, Long.highestOneBit(length - 1L) << 1));
    try {
      bytes = Arrays.copyOf(bytes, capacity);
      return true;
    } catch (OutOfMemoryError e) {
      if (capacity == length) {
        return false;
      }
    }
    try {
      bytes = Arrays.copyOf(bytes, length);
      return true;
    } catch (OutOfMemoryError e) {
      return false;
    }
  }

  /**
   * {@code memory.fill}: sets {@code n} bytes at {@code d} (both unsigned i32) to {@code value}.
   */
  public void fill(long d, byte value, long n) {
    checkRange(d, n);
    Arrays.fill(bytes, (int) d, (int) (d + n), value);
  }

  /** {@code memory.copy} within this memory: {@code n} bytes from {@code s} to {@code d}. */
  public void copy(long d, long s, long n) {
    copy(d, this, s, n);
  }

  /**
   * {@code memory.copy} between memories (Wasm 3.0 multi-memory): {@code n} bytes from {@code s} in
   * {@code source} to {@code d} in this memory.
   */
  public void copy(long d, MemoryInstance source, long s, long n) {
    source.checkRange(s, n);
    checkRange(d, n);
    System.arraycopy(source.bytes, (int) s, bytes, (int) d, (int) n);
  }

  /** {@code memory.init}: copies {@code n} bytes of {@code data} from {@code s} to {@code d}. */
  public void init(Bytes data, long d, long s, long n) {
    if (s + n > data.length()) {
      throw Trap.of(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
    checkRange(d, n);
    data.copyTo((int) s, bytes, (int) d, (int) n);
  }

  /** Throws an out-of-bounds trap unless {@code [address, address + length)} is in the memory. */
  public void checkRange(long address, long length) {
    if (address < 0 || length < 0 || address > size - length) {
      throw Trap.of(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
  }
}

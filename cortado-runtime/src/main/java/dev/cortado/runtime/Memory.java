package dev.cortado.runtime;

import dev.cortado.runtime.internal.store.MemoryInstance;
import dev.cortado.wasm.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A linear memory: bytes addressed from 0, read and written little-endian, in 64 KiB pages.
 *
 * <p>Every access is bounds-checked; an access outside the memory throws a {@link Trap} of kind
 * {@link TrapKind#OUT_OF_BOUNDS_MEMORY_ACCESS} saying which range was asked for, so a host function
 * given a bad pointer makes the calling WebAssembly code trap.
 *
 * <p>A shared memory ({@link MemoryType#shared()}, the threads proposal) is the one definition that
 * instances of other stores may import: each thread runs its own store, and the threads meet in the
 * memory. It never moves or shrinks, and closing the store that made it leaves it usable by the
 * others. The reads and writes here are plain ones; the guest's atomic instructions are atomic.
 */
public final class Memory implements Extern {
  private final Store store;
  final MemoryInstance instance;

  Memory(Store store, MemoryInstance instance) {
    this.store = store;
    this.instance = instance;
  }

  /** Returns a new memory of {@code type} in {@code store}, zero-filled. */
  public static Memory create(Store store, MemoryType type) {
    Objects.requireNonNull(store, "store");
    return new Memory(store, Instantiation.newMemory(store, type));
  }

  @Override
  public Store store() {
    return store;
  }

  /**
   * Returns the type: the current size as minimum, the maximum, the address type, whether the
   * memory is shared and its page size.
   */
  public MemoryType type() {
    MemoryType declared = instance.type();
    return new MemoryType(
        Instantiation.currentLimits(instance.pages(), declared.limits()),
        declared.addressType(),
        declared.shared(),
        declared.pageSizeLog2());
  }

  /** Returns the size in pages (of its type's page size: 64 KiB, or one byte). */
  public int pages() {
    store.checkOpen();
    return instance.pages();
  }

  /** Returns the size in bytes. */
  public long size() {
    store.checkOpen();
    return instance.size;
  }

  /**
   * Grows by {@code pages} (of its type's page size) and returns the old size in pages, or -1 if it
   * cannot grow so much.
   */
  public int grow(int pages) {
    if (pages < 0) {
      throw new IllegalArgumentException("pages must not be negative: " + pages);
    }
    store.checkOpen();
    return instance.grow(pages);
  }

  private int check(long address, long length) {
    store.checkOpen();
    int size = instance.size;
    if (address < 0 || length < 0 || address > size - length) {
      throw Trap.of(
          TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS,
          length
              + " bytes at address "
              + address
              + " are outside the memory of "
              + size
              + " bytes");
    }
    return (int) address;
  }

  /** Returns the byte at {@code address}. */
  public byte readByte(long address) {
    return instance.bytes[check(address, 1)];
  }

  /** Returns the 16-bit integer at {@code address}. */
  public short readShort(long address) {
    return (short) MemoryInstance.SHORT.get(instance.bytes, check(address, 2));
  }

  /** Returns the 32-bit integer at {@code address}. */
  public int readInt(long address) {
    return (int) MemoryInstance.INT.get(instance.bytes, check(address, 4));
  }

  /** Returns the 64-bit integer at {@code address}. */
  public long readLong(long address) {
    return (long) MemoryInstance.LONG.get(instance.bytes, check(address, 8));
  }

  /** Returns the 32-bit float at {@code address}. */
  public float readFloat(long address) {
    return Float.intBitsToFloat(readInt(address));
  }

  /** Returns the 64-bit float at {@code address}. */
  public double readDouble(long address) {
    return Double.longBitsToDouble(readLong(address));
  }

  /** Writes a byte at {@code address}. */
  public void writeByte(long address, byte value) {
    instance.bytes[check(address, 1)] = value;
  }

  /** Writes a 16-bit integer at {@code address}. */
  public void writeShort(long address, short value) {
    MemoryInstance.SHORT.set(instance.bytes, check(address, 2), value);
  }

  /** Writes a 32-bit integer at {@code address}. */
  public void writeInt(long address, int value) {
    MemoryInstance.INT.set(instance.bytes, check(address, 4), value);
  }

  /** Writes a 64-bit integer at {@code address}. */
  public void writeLong(long address, long value) {
    MemoryInstance.LONG.set(instance.bytes, check(address, 8), value);
  }

  /** Writes a 32-bit float at {@code address}. */
  public void writeFloat(long address, float value) {
    writeInt(address, Float.floatToRawIntBits(value));
  }

  /** Writes a 64-bit float at {@code address}. */
  public void writeDouble(long address, double value) {
    writeLong(address, Double.doubleToRawLongBits(value));
  }

  /** Returns a copy of the {@code length} bytes at {@code address}. */
  public byte[] read(long address, int length) {
    byte[] out = new byte[length];
    read(address, out, 0, length);
    return out;
  }

  /** Copies {@code length} bytes at {@code address} into {@code dest} from {@code offset}. */
  public void read(long address, byte[] dest, int offset, int length) {
    System.arraycopy(instance.bytes, check(address, length), dest, offset, length);
  }

  /** Copies {@code source} into the memory at {@code address}. */
  public void write(long address, byte[] source) {
    write(address, source, 0, source.length);
  }

  /** Copies {@code length} bytes of {@code source} from {@code offset} to {@code address}. */
  public void write(long address, byte[] source, int offset, int length) {
    System.arraycopy(source, offset, instance.bytes, check(address, length), length);
  }

  /** Returns the {@code length} bytes at {@code address} decoded as UTF-8. */
  public String readUtf8(long address, int length) {
    return new String(instance.bytes, check(address, length), length, StandardCharsets.UTF_8);
  }

  /** Writes {@code text} as UTF-8 at {@code address} and returns the number of bytes written. */
  public int writeUtf8(long address, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    write(address, b);
    return b.length;
  }
}

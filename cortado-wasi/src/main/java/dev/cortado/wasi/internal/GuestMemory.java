package dev.cortado.wasi.internal;

import dev.cortado.runtime.Caller;
import dev.cortado.runtime.Memory;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The calling program's memory, as WASI functions read and write it: pointers are unsigned 32-bit,
 * and any range outside the memory fails the call with {@link Errno#FAULT} (the program passed a
 * bad pointer) instead of trapping.
 */
public final class GuestMemory {
  private final Memory memory;

  private GuestMemory(Memory memory) {
    this.memory = memory;
  }

  /** Returns the caller's memory, or fails with {@code FAULT} if the caller has none. */
  public static GuestMemory of(Caller caller) {
    return new GuestMemory(
        caller.memory().orElseThrow(() -> Errno.fail(Errno.FAULT, "the caller has no memory")));
  }

  /** Returns the underlying memory. */
  public Memory memory() {
    return memory;
  }

  /** Returns {@code ptr} as an address after checking {@code [ptr, ptr+len)} is inside. */
  public long check(int ptr, long len) {
    long address = Integer.toUnsignedLong(ptr);
    if (len < 0 || address + len > memory.size()) {
      throw Errno.fail(Errno.FAULT, len + " bytes at " + address + " are outside memory");
    }
    return address;
  }

  public int u8(int ptr) {
    return memory.readByte(check(ptr, 1)) & 0xFF;
  }

  public int u16(int ptr) {
    return memory.readShort(check(ptr, 2)) & 0xFFFF;
  }

  public int u32(int ptr) {
    return memory.readInt(check(ptr, 4));
  }

  public long u64(int ptr) {
    return memory.readLong(check(ptr, 8));
  }

  public void setU8(int ptr, int v) {
    memory.writeByte(check(ptr, 1), (byte) v);
  }

  public void setU16(int ptr, int v) {
    memory.writeShort(check(ptr, 2), (short) v);
  }

  public void setU32(int ptr, int v) {
    memory.writeInt(check(ptr, 4), v);
  }

  public void setU64(int ptr, long v) {
    memory.writeLong(check(ptr, 8), v);
  }

  /** Returns a copy of {@code len} bytes at {@code ptr}. */
  public byte[] read(int ptr, int len) {
    return memory.read(check(ptr, Integer.toUnsignedLong(len)), len);
  }

  /** Writes {@code bytes[off..off+len)} at {@code ptr}. */
  public void write(int ptr, byte[] bytes, int off, int len) {
    memory.write(check(ptr, len), bytes, off, len);
  }

  /** Fills {@code len} bytes of guest memory at {@code ptr} into {@code dest} at {@code off}. */
  public void readInto(int ptr, byte[] dest, int off, int len) {
    memory.read(check(ptr, len), dest, off, len);
  }

  /**
   * Returns the UTF-8 string of {@code len} bytes at {@code ptr}, failing with {@code ILSEQ} if the
   * bytes are not UTF-8 (paths and names must be).
   */
  public String string(int ptr, int len) {
    byte[] b = read(ptr, len);
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(b));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw Errno.fail(Errno.ILSEQ, "not UTF-8");
    }
  }

  /** Returns the total length of the {@code count} iovecs at {@code iovs}, checking each. */
  public long iovecTotal(int iovs, int count) {
    check(iovs, (long) Integer.toUnsignedLong(count) * Abi.IOVEC_SIZE);
    long total = 0;
    for (int i = 0; i < count; i++) {
      int buf = u32(iovs + i * Abi.IOVEC_SIZE);
      int len = u32(iovs + i * Abi.IOVEC_SIZE + 4);
      check(buf, Integer.toUnsignedLong(len));
      total += Integer.toUnsignedLong(len);
    }
    return total;
  }

  /**
   * The most bytes one write takes from its iovecs: iovecs may repeat a run of memory, and a write
   * of more than this is a short write (the program writes the rest next), as POSIX allows, rather
   * than gigabytes of the host's heap made from a few pages of the guest's memory.
   */
  static final int MAX_GATHER = 16 << 20;

  /**
   * Returns the concatenated contents of the {@code count} iovecs at {@code iovs} (for writes), up
   * to {@link #MAX_GATHER} bytes.
   */
  public byte[] gather(int iovs, int count) {
    long total = iovecTotal(iovs, count);
    byte[] out = new byte[(int) Math.min(total, MAX_GATHER)];
    int at = 0;
    for (int i = 0; i < count && at < out.length; i++) {
      int buf = u32(iovs + i * Abi.IOVEC_SIZE);
      int len =
          (int)
              Math.min(Integer.toUnsignedLong(u32(iovs + i * Abi.IOVEC_SIZE + 4)), out.length - at);
      readInto(buf, out, at, len);
      at += len;
    }
    return out;
  }

  /**
   * Spreads {@code n} bytes of {@code data} over the {@code count} iovecs at {@code iovs} (for
   * reads), in order.
   */
  public void scatter(int iovs, int count, byte[] data, int n) {
    int at = 0;
    for (int i = 0; i < count && at < n; i++) {
      int buf = u32(iovs + i * Abi.IOVEC_SIZE);
      int len = u32(iovs + i * Abi.IOVEC_SIZE + 4);
      int part = (int) Math.min(Integer.toUnsignedLong(len), n - at);
      write(buf, data, at, part);
      at += part;
    }
  }
}

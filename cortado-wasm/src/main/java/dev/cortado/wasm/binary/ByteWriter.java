package dev.cortado.wasm.binary;

import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.internal.ByteReader;
import dev.cortado.wasm.internal.ModelAccess;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the primitive encodings of the binary format. */
final class ByteWriter {
  private byte[] buf;
  private int size;

  ByteWriter() {
    this(64);
  }

  ByteWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  private void ensure(int extra) {
    if (buf.length - size < extra) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  ByteWriter u8(int b) {
    ensure(1);
    buf[size++] = (byte) b;
    return this;
  }

  ByteWriter u32(int v) {
    return u64(v & 0xFFFFFFFFL);
  }

  ByteWriter u64(long v) {
    ensure(10);
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      buf[size++] = (byte) (v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return this;
  }

  ByteWriter s64(long v) {
    ensure(10);
    while (true) {
      int b = (int) (v & 0x7F);
      v >>= 7;
      boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
      buf[size++] = (byte) (done ? b : b | 0x80);
      if (done) {
        return this;
      }
    }
  }

  ByteWriter fixed32(int v) {
    ensure(4);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 24);
    return this;
  }

  ByteWriter fixed64(long v) {
    fixed32((int) v);
    return fixed32((int) (v >>> 32));
  }

  ByteWriter bytes(byte[] b, int from, int n) {
    ensure(n);
    System.arraycopy(b, from, buf, size, n);
    size += n;
    return this;
  }

  ByteWriter bytes(Bytes b) {
    var access = ModelAccess.bytes();
    return bytes(access.array(b), access.offset(b), b.length());
  }

  ByteWriter bytes(ByteWriter other) {
    return bytes(other.buf, 0, other.size);
  }

  ByteWriter name(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    u32(b.length);
    return bytes(b, 0, b.length);
  }

  ByteWriter valType(ValType t) {
    switch (t) {
      case ValType x when x == ValType.I32 -> u8(0x7F);
      case ValType x when x == ValType.I64 -> u8(0x7E);
      case ValType x when x == ValType.F32 -> u8(0x7D);
      case ValType x when x == ValType.F64 -> u8(0x7C);
      case ValType x when x == ValType.V128 -> u8(0x7B);
      case RefType r -> refType(r);
      default -> throw new IllegalArgumentException("no encoding for " + t);
    }
    return this;
  }

  ByteWriter refType(RefType r) {
    // The nullable abstract types have one-byte abbreviations (funcref, externref, ...).
    if (!r.nullable() || r.heapType() instanceof HeapType.Concrete) {
      u8(r.nullable() ? ByteReader.REF_NULL : ByteReader.REF);
    }
    return heapType(r.heapType());
  }

  ByteWriter heapType(HeapType h) {
    return switch (h) {
      case HeapType.Abstract a -> u8(a.code());
      case HeapType.Concrete c -> s64(c.typeIndex());
    };
  }

  ByteWriter limits(Limits l, AddressType addressType) {
    return limits(l, addressType, false, MemoryType.DEFAULT_PAGE_SIZE_LOG2);
  }

  /**
   * Limits with their flags: bit 0 a maximum, bit 1 shared (threads), bit 2 64-bit (memory64), bit
   * 3 a page size other than 64 KiB, whose exponent follows the limits (custom page sizes).
   */
  ByteWriter limits(Limits l, AddressType addressType, boolean shared, int pageSizeLog2) {
    boolean paged = pageSizeLog2 != MemoryType.DEFAULT_PAGE_SIZE_LOG2;
    int flags = (l.max().isPresent() ? 0x01 : 0) | (shared ? 0x02 : 0) | (paged ? 0x08 : 0);
    if (addressType == AddressType.I64) {
      u8(flags | 0x04).u64(l.min());
      if (l.max().isPresent()) {
        u64(l.max().getAsLong());
      }
    } else {
      if ((l.min() >>> 32) != 0 || (l.max().orElse(0) >>> 32) != 0) {
        // Only text (an invalid module) can say this: the binary format has u32s here.
        throw new IllegalArgumentException(
            "limits " + l + " have no binary encoding: a 32-bit memory or table has u32 limits");
      }
      u8(flags).u32((int) l.min());
      if (l.max().isPresent()) {
        u32((int) l.max().getAsLong());
      }
    }
    return paged ? u32(pageSizeLog2) : this;
  }

  byte[] toArray() {
    return Arrays.copyOf(buf, size);
  }

  /** Returns the contents without copying; the writer must not be used afterwards. */
  Bytes toBytes() {
    return ModelAccess.wrap(buf, 0, size);
  }

  void reset() {
    size = 0;
  }
}

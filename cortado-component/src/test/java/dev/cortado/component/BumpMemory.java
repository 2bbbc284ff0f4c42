package dev.cortado.component;

import java.util.Arrays;

/** A test memory whose realloc bumps a pointer, aligning it, and counts its allocations. */
class BumpMemory implements AbiMemory {
  final byte[] bytes;
  int next;
  int allocations;

  BumpMemory(int size, int start) {
    this.bytes = new byte[size];
    this.next = start;
  }

  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public byte[] read(int address, int length) {
    return Arrays.copyOfRange(bytes, address, address + length);
  }

  @Override
  public void write(int address, byte[] source) {
    System.arraycopy(source, 0, bytes, address, source.length);
  }

  @Override
  public int realloc(int oldPtr, int oldSize, int align, int newSize) {
    allocations++;
    next = (next + align - 1) / align * align;
    int at = next;
    next += newSize;
    return at;
  }
}

package dev.cortado.component;

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
  public byte[] bytes() {
    return bytes;
  }

  @Override
  public int size() {
    return bytes.length;
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

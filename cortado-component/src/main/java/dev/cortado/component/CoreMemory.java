package dev.cortado.component;

import dev.cortado.runtime.Func;
import dev.cortado.runtime.Memory;
import dev.cortado.runtime.WasmValue;
import java.util.List;
import java.util.Optional;

/**
 * The memory and allocator of a canonical function's options: a core memory and {@code realloc}
 * function of the instance, either of which may be absent (then a value that needs it traps).
 */
final class CoreMemory implements AbiMemory {
  private final Optional<Memory> memory;
  private final Optional<Func> realloc;
  private final CanonicalFunction.Encoding encoding;

  CoreMemory(Optional<Memory> memory, Optional<Func> realloc, CanonicalFunction.Encoding encoding) {
    this.memory = memory;
    this.realloc = realloc;
    this.encoding = encoding;
  }

  private Memory memory() {
    return memory.orElseThrow(
        () -> new AbiException("a value needs linear memory, but the function has no memory"));
  }

  @Override
  public long size() {
    return memory.map(Memory::size).orElse(0L);
  }

  @Override
  public byte[] read(int address, int length) {
    return memory().read(address & 0xFFFF_FFFFL, length);
  }

  @Override
  public void write(int address, byte[] bytes) {
    memory().write(address & 0xFFFF_FFFFL, bytes);
  }

  @Override
  public int realloc(int oldPtr, int oldSize, int align, int newSize) {
    Func f =
        realloc.orElseThrow(
            () -> new AbiException("a value needs allocating, but the function has no realloc"));
    List<WasmValue> r =
        f.call(
            WasmValue.i32(oldPtr),
            WasmValue.i32(oldSize),
            WasmValue.i32(align),
            WasmValue.i32(newSize));
    if (r.size() != 1 || !(r.get(0) instanceof WasmValue.I32 p)) {
      throw new AbiException("realloc must return one i32");
    }
    int ptr = p.value();
    if ((ptr & (align - 1)) != 0) {
      throw new AbiException("realloc returned a misaligned pointer " + ptr);
    }
    if (Integer.toUnsignedLong(ptr) + Integer.toUnsignedLong(newSize) > size()) {
      throw new AbiException("realloc returned a pointer outside memory");
    }
    return ptr;
  }

  @Override
  public CanonicalFunction.Encoding encoding() {
    return encoding;
  }
}

package dev.cortado.component;

/**
 * The linear memory and allocator a canonical ABI function uses (its {@code memory}, {@code
 * realloc} and {@code string-encoding} options), as {@link CanonicalValues} reads and writes values
 * in it.
 */
public interface AbiMemory {
  /** Returns the memory's size in bytes. */
  long size();

  /** Returns the {@code length} bytes at {@code address}, which the caller has bounds-checked. */
  byte[] read(int address, int length);

  /** Writes {@code bytes} at {@code address}, which the caller has bounds-checked. */
  void write(int address, byte[] bytes);

  /**
   * Calls the component's {@code realloc}: returns the address of a new allocation of {@code
   * newSize} bytes aligned to {@code align}, moving an old one ({@code 0, 0} for none).
   */
  int realloc(int oldPtr, int oldSize, int align, int newSize);

  /** Returns how strings are encoded in this memory (the {@code string-encoding} option). */
  default CanonicalFunction.Encoding encoding() {
    return CanonicalFunction.Encoding.UTF8;
  }
}

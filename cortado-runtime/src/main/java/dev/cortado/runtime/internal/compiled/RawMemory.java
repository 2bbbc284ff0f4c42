package dev.cortado.runtime.internal.compiled;

/**
 * Loads and stores of compiled code through the JDK's internal {@code Unsafe}, one method per
 * instruction with {@link MemoryAccess}'s signatures: the address is checked by {@link
 * MemoryAccess#at} against the memory's size, which compiled code never lets exceed its array's
 * length ({@link Support#memorySize}), and the access itself is not checked again. The one
 * implementation is written by {@link RawMemoryClass} when {@code java.base} exports {@code
 * jdk.internal.misc} to the runtime ({@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED}
 * on the class path); without it, accesses go through the little-endian {@code VarHandle}s, which
 * check the array's bounds a second time (RATIONALE.md, "One bounds check per access: the JDK's
 * Unsafe behind our check").
 */
public interface RawMemory {
  /** {@code i32.load}. */
  int i32Load(int address, int offset, byte[] mem, int memSize);

  /** {@code i64.load}. */
  long i64Load(int address, int offset, byte[] mem, int memSize);

  /** {@code f32.load}. */
  float f32Load(int address, int offset, byte[] mem, int memSize);

  /** {@code f64.load}. */
  double f64Load(int address, int offset, byte[] mem, int memSize);

  /** {@code i32.load8_s}. */
  int i32Load8S(int address, int offset, byte[] mem, int memSize);

  /** {@code i32.load8_u}. */
  int i32Load8U(int address, int offset, byte[] mem, int memSize);

  /** {@code i32.load16_s}. */
  int i32Load16S(int address, int offset, byte[] mem, int memSize);

  /** {@code i32.load16_u}. */
  int i32Load16U(int address, int offset, byte[] mem, int memSize);

  /** {@code i64.load8_s}. */
  long i64Load8S(int address, int offset, byte[] mem, int memSize);

  /** {@code i64.load8_u}. */
  long i64Load8U(int address, int offset, byte[] mem, int memSize);

  /** {@code i64.load16_s}. */
  long i64Load16S(int address, int offset, byte[] mem, int memSize);

  /** {@code i64.load16_u}. */
  long i64Load16U(int address, int offset, byte[] mem, int memSize);

  /** {@code i64.load32_s}. */
  long i64Load32S(int address, int offset, byte[] mem, int memSize);

  /** {@code i64.load32_u}. */
  long i64Load32U(int address, int offset, byte[] mem, int memSize);

  /** {@code i32.store}. */
  void i32Store(int address, int v, int offset, byte[] mem, int memSize);

  /** {@code i64.store}. */
  void i64Store(int address, long v, int offset, byte[] mem, int memSize);

  /** {@code f32.store}. */
  void f32Store(int address, float v, int offset, byte[] mem, int memSize);

  /** {@code f64.store}. */
  void f64Store(int address, double v, int offset, byte[] mem, int memSize);

  /** {@code i32.store8}. */
  void i32Store8(int address, int v, int offset, byte[] mem, int memSize);

  /** {@code i32.store16}. */
  void i32Store16(int address, int v, int offset, byte[] mem, int memSize);

  /** {@code i64.store8}. */
  void i64Store8(int address, long v, int offset, byte[] mem, int memSize);

  /** {@code i64.store16}. */
  void i64Store16(int address, long v, int offset, byte[] mem, int memSize);

  /** {@code i64.store32}. */
  void i64Store32(int address, long v, int offset, byte[] mem, int memSize);
}

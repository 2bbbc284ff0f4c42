package dev.cortado.runtime.internal.compiled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.internal.store.MemoryInstance;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.runtime.internal.store.RuntimeType;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loads and stores through Unsafe (the build's tests run with {@code jdk.internal.misc}
 * exported, as {@code bin/cortado} does) read and write what the {@code VarHandle} ones do, at
 * every address of a small memory whose array is longer than the memory, and trap where they trap,
 * without touching the array.
 */
class RawMemoryTest {
  private static final int SIZE = 64;
  private static final int ARRAY = 96; // spare capacity past the memory, as a grown memory has
  private static final int[] OFFSETS = {0, 1, 3, 8, 60, 63, 64, 65, 1 << 30, -1};

  private final RawMemory raw = RawMemoryClass.load();

  @Test
  void theRawAccessesAreWhatCompiledCodeUses() {
    assertNotNull(raw, "jdk.internal.misc is exported to the runtime in the tests' JVM");
    assertTrue(MemoryAccess.raw());
  }

  // Both ways the class can call Unsafe: without the byte order argument (a little-endian host)
  // and with it (a big-endian one; little-endian data on this host too).
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void everyLoadReadsWhatTheVarHandlesReadOrTrapsAsTheyDo(boolean withoutOrderArgument) {
    RawMemory raw = RawMemoryClass.load(withoutOrderArgument);
    assertNotNull(raw);
    byte[] mem = filled(new SplittableRandom(7));
    for (int address = -2; address <= SIZE + 2; address++) {
      for (int offset : OFFSETS) {
        int a = address;
        int o = offset;
        same(
            () -> raw.i32Load(a, o, mem, SIZE),
            () -> MemoryAccess.viaHandlesI32Load(a, o, mem, SIZE));
        same(
            () -> raw.i64Load(a, o, mem, SIZE),
            () -> MemoryAccess.viaHandlesI64Load(a, o, mem, SIZE));
        same(
            () -> Float.floatToRawIntBits(raw.f32Load(a, o, mem, SIZE)),
            () -> Float.floatToRawIntBits(MemoryAccess.viaHandlesF32Load(a, o, mem, SIZE)));
        same(
            () -> Double.doubleToRawLongBits(raw.f64Load(a, o, mem, SIZE)),
            () -> Double.doubleToRawLongBits(MemoryAccess.viaHandlesF64Load(a, o, mem, SIZE)));
        same(
            () -> raw.i32Load8S(a, o, mem, SIZE),
            () -> MemoryAccess.viaHandlesI32Load8S(a, o, mem, SIZE));
        same(
            () -> raw.i32Load8U(a, o, mem, SIZE),
            () -> MemoryAccess.viaHandlesI32Load8U(a, o, mem, SIZE));
        same(
            () -> raw.i32Load16S(a, o, mem, SIZE),
            () -> MemoryAccess.viaHandlesI32Load16S(a, o, mem, SIZE));
        same(
            () -> raw.i32Load16U(a, o, mem, SIZE),
            () -> MemoryAccess.viaHandlesI32Load16U(a, o, mem, SIZE));
        same(
            () -> raw.i64Load8S(a, o, mem, SIZE),
            () -> MemoryAccess.viaHandlesI64Load8S(a, o, mem, SIZE));
        same(
            () -> raw.i64Load8U(a, o, mem, SIZE),
            () -> MemoryAccess.viaHandlesI64Load8U(a, o, mem, SIZE));
        same(
            () -> raw.i64Load16S(a, o, mem, SIZE),
            () -> MemoryAccess.viaHandlesI64Load16S(a, o, mem, SIZE));
        same(
            () -> raw.i64Load16U(a, o, mem, SIZE),
            () -> MemoryAccess.viaHandlesI64Load16U(a, o, mem, SIZE));
        same(
            () -> raw.i64Load32S(a, o, mem, SIZE),
            () -> MemoryAccess.viaHandlesI64Load32S(a, o, mem, SIZE));
        same(
            () -> raw.i64Load32U(a, o, mem, SIZE),
            () -> MemoryAccess.viaHandlesI64Load32U(a, o, mem, SIZE));
      }
    }
  }

  // Both ways the class can call Unsafe: without the byte order argument (a little-endian host)
  // and with it (a big-endian one; little-endian data on this host too).
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void everyStoreWritesWhatTheVarHandlesWriteOrTrapsWithoutWriting(boolean withoutOrderArgument) {
    RawMemory raw = RawMemoryClass.load(withoutOrderArgument);
    assertNotNull(raw);
    long v = 0x8899_AABB_CCDD_EEFFL;
    double d = Double.longBitsToDouble(v);
    float f = Float.intBitsToFloat((int) v);
    for (int address = -2; address <= SIZE + 2; address++) {
      for (int offset : OFFSETS) {
        int a = address;
        int o = offset;
        stores(
            (mem, size) -> raw.i32Store(a, (int) v, o, mem, size),
            (mem, size) -> MemoryAccess.viaHandlesI32Store(a, (int) v, o, mem, size));
        stores(
            (mem, size) -> raw.i64Store(a, v, o, mem, size),
            (mem, size) -> MemoryAccess.viaHandlesI64Store(a, v, o, mem, size));
        stores(
            (mem, size) -> raw.f32Store(a, f, o, mem, size),
            (mem, size) -> MemoryAccess.viaHandlesF32Store(a, f, o, mem, size));
        stores(
            (mem, size) -> raw.f64Store(a, d, o, mem, size),
            (mem, size) -> MemoryAccess.viaHandlesF64Store(a, d, o, mem, size));
        stores(
            (mem, size) -> raw.i32Store8(a, (int) v, o, mem, size),
            (mem, size) -> MemoryAccess.viaHandlesI32Store8(a, (int) v, o, mem, size));
        stores(
            (mem, size) -> raw.i32Store16(a, (int) v, o, mem, size),
            (mem, size) -> MemoryAccess.viaHandlesI32Store16(a, (int) v, o, mem, size));
        stores(
            (mem, size) -> raw.i64Store8(a, v, o, mem, size),
            (mem, size) -> MemoryAccess.viaHandlesI64Store8(a, v, o, mem, size));
        stores(
            (mem, size) -> raw.i64Store16(a, v, o, mem, size),
            (mem, size) -> MemoryAccess.viaHandlesI64Store16(a, v, o, mem, size));
        stores(
            (mem, size) -> raw.i64Store32(a, v, o, mem, size),
            (mem, size) -> MemoryAccess.viaHandlesI64Store32(a, v, o, mem, size));
      }
    }
  }

  @Test
  void theSizeCompiledCodeChecksAgainstNeverExceedsTheArrayItWasReadWith() {
    ModuleInstance inst =
        new ModuleInstance(
            Validator.validate(TextParser.parseModule("(module (memory 1 4))")),
            new int[0],
            new RuntimeType[0],
            null);
    MemoryInstance memory = new MemoryInstance(new MemoryType(Limits.of(1, 4)), 100);
    inst.memories[0] = memory;
    inst.memory0 = memory;
    byte[] before = Support.memory(inst);
    assertEquals(65_536, Support.memorySize(inst, before, 65_536));
    memory.grow(3);
    // An array read before the memory grew past it: its own length bounds the accesses.
    assertEquals(before.length, Support.memorySize(inst, before, 65_536));
    assertEquals(4 * 65_536, Support.memorySize(inst, Support.memory(inst), 65_536));
    assertEquals(before.length, Support.memorySizeOf(before, 0, inst));
    // The type's minimum only ever raises what the array already holds.
    assertEquals(before.length, Support.memorySize(inst, before, 0));
    assertEquals(before.length, Support.memorySize(inst, before, before.length));
  }

  private static byte[] filled(SplittableRandom random) {
    byte[] mem = new byte[ARRAY];
    for (int i = 0; i < mem.length; i++) {
      mem[i] = (byte) random.nextInt();
    }
    return mem;
  }

  private interface Load {
    long get();
  }

  private interface Store {
    void put(byte[] mem, int size);
  }

  private static void same(Load raw, Load handles) {
    Object expected = outcome(handles);
    assertEquals(expected, outcome(raw));
  }

  private static Object outcome(Load load) {
    try {
      return load.get();
    } catch (IndexOutOfBoundsException e) {
      assertEquals(MemoryAccess.class.getName(), firstFrameOutsideTheJdk(e));
      return "trap";
    }
  }

  private static void stores(Store raw, Store handles) {
    byte[] expected = filled(new SplittableRandom(11));
    byte[] actual = filled(new SplittableRandom(11));
    Object expectedOutcome = outcome(() -> run(handles, expected));
    Object actualOutcome = outcome(() -> run(raw, actual));
    assertEquals(expectedOutcome, actualOutcome);
    assertArrayEquals(expected, actual);
    if ("trap".equals(actualOutcome)) {
      assertArrayEquals(filled(new SplittableRandom(11)), actual, "a trapped store wrote");
    }
  }

  private static long run(Store store, byte[] mem) {
    store.put(mem, SIZE);
    return Arrays.hashCode(mem);
  }

  private static String firstFrameOutsideTheJdk(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      String c = frame.getClassName();
      if (!c.startsWith("java.") && !c.startsWith("jdk.internal.")) {
        return c;
      }
    }
    return "";
  }
}

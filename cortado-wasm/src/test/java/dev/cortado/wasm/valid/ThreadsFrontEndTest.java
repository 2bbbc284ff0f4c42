package dev.cortado.wasm.valid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.text.TextPrinter;
import org.junit.jupiter.api.Test;

/**
 * The threads proposal in the front end: shared memories and the atomic instructions, decoded,
 * encoded, printed and validated, accepted with Wasm 3.0 and refused under Wasm 2.0.
 */
class ThreadsFrontEndTest {
  private static final String WAT =
      """
      (module
        (memory 1 2 shared)
        (func (param i32) (result i64)
          (atomic.fence)
          (drop (memory.atomic.notify offset=4 (local.get 0) (i32.const 1)))
          (drop (memory.atomic.wait64 (local.get 0) (i64.const 0) (i64.const -1)))
          (i64.atomic.rmw16.cmpxchg_u offset=2 (local.get 0) (i64.const 1) (i64.const 2))))
      """;

  // A module with a shared memory of 1 to 2 pages: limits flags 0x03.
  private static final byte[] SHARED_MEMORY = {
    0, 'a', 's', 'm', 1, 0, 0, 0, 5, 4, 1, 3, 1, 2,
  };

  @Test
  void sharedMemoriesAndAtomicsSurviveBinaryAndText() {
    WasmModule m = TextParser.parseModule(WAT);
    assertTrue(m.memories().get(0).shared());
    Validator.validate(m);
    byte[] binary = ModuleEncoder.encode(m);
    WasmModule decoded = ModuleDecoder.decode(binary);
    assertEquals(m, decoded);
    String text = TextPrinter.print(decoded);
    assertTrue(text.contains("(memory (;0;) 1 2 shared)"), text);
    assertTrue(text.contains("atomic.fence"), text);
    assertTrue(text.contains("i64.atomic.rmw16.cmpxchg_u offset=2"), text);
    assertArrayEquals(binary, ModuleEncoder.encode(TextParser.parseModule(text)));
  }

  @Test
  void theSharedFlagIsOneBitOfTheLimitsFlags() {
    WasmModule m = ModuleDecoder.decode(SHARED_MEMORY);
    assertTrue(m.memories().get(0).shared());
    assertArrayEquals(SHARED_MEMORY, ModuleEncoder.encode(m));
    byte[] unshared = SHARED_MEMORY.clone();
    unshared[11] = 1;
    assertFalse(ModuleDecoder.decode(unshared).memories().get(0).shared());
  }

  @Test
  void wasm2HasNeitherSharedMemoriesNorAtomics() {
    MalformedException e =
        assertThrows(
            MalformedException.class,
            () -> ModuleDecoder.decode(SHARED_MEMORY, WasmVersion.WASM_2_0));
    assertTrue(e.getMessage().contains("malformed limits flags 0x3"), e.getMessage());
    InvalidException i =
        assertThrows(
            InvalidException.class,
            () ->
                Validator.validate(
                    TextParser.parseModule(
                        "(module (memory 1) (func (atomic.fence)))", WasmVersion.WASM_2_0),
                    false,
                    WasmVersion.WASM_2_0));
    assertTrue(i.getMessage().contains("threads proposal"), i.getMessage());
  }

  @Test
  void aTableCannotBeShared() {
    byte[] table = {0, 'a', 's', 'm', 1, 0, 0, 0, 4, 5, 1, 0x70, 3, 1, 2};
    MalformedException e =
        assertThrows(MalformedException.class, () -> ModuleDecoder.decode(table));
    assertTrue(e.getMessage().contains("malformed limits flags"), e.getMessage());
  }

  @Test
  void aSharedMemoryNeedsAMaximum() {
    InvalidException e =
        assertThrows(
            InvalidException.class,
            () -> Validator.validate(TextParser.parseModule("(module (memory 1 shared))")));
    assertTrue(e.getMessage().contains("shared memory must have maximum"), e.getMessage());
  }

  @Test
  void atomicAccessesHaveExactlyTheirNaturalAlignment() {
    Validator.validate(
        TextParser.parseModule(
            "(module (memory 1) (func (drop (i32.atomic.load align=4 (i32.const 0)))))"));
    for (String align : new String[] {"align=2", "align=8"}) {
      InvalidException e =
          assertThrows(
              InvalidException.class,
              () ->
                  Validator.validate(
                      TextParser.parseModule(
                          "(module (memory 1) (func (drop (i32.atomic.load "
                              + align
                              + " (i32.const 0)))))")));
      assertTrue(e.getMessage().contains("natural for an atomic access"), e.getMessage());
    }
  }

  @Test
  void atomicFenceCarriesAZeroByte() {
    byte[] fence = ModuleEncoder.encode(TextParser.parseModule("(module (func (atomic.fence)))"));
    int at = indexOf(fence, (byte) 0xFE);
    assertEquals(Opcode.ATOMIC_FENCE.code(), fence[at + 1]);
    assertEquals(0, fence[at + 2]);
    fence[at + 2] = 1;
    MalformedException e =
        assertThrows(MalformedException.class, () -> ModuleDecoder.decode(fence));
    assertTrue(e.getMessage().contains("atomic.fence"), e.getMessage());
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("no byte " + b);
  }
}

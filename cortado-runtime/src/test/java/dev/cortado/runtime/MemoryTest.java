package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MemoryType;
import org.junit.jupiter.api.Test;

class MemoryTest {
  private final Engine engine = Engine.create();
  private final Store store = Store.create(engine);

  @Test
  void readsAndWritesEveryWidthLittleEndian() {
    Memory m = Memory.create(store, new MemoryType(Limits.of(1)));
    m.writeLong(8, 0x0102030405060708L);
    assertEquals(0x08, m.readByte(8));
    assertEquals(0x0708, m.readShort(8));
    assertEquals(0x05060708, m.readInt(8));
    assertEquals(0x0102030405060708L, m.readLong(8));
    m.writeFloat(100, 1.5f);
    assertEquals(1.5f, m.readFloat(100));
    m.writeDouble(200, -2.25);
    assertEquals(-2.25, m.readDouble(200));
    m.write(300, new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, m.read(300, 3));
    assertEquals(5, m.writeUtf8(400, "héllo".substring(0, 4)));
    assertEquals("héll", m.readUtf8(400, 5));
  }

  @Test
  void anAccessOutsideTheMemoryIsATrapSayingWhere() {
    Memory m = Memory.create(store, new MemoryType(Limits.of(1)));
    Trap t = assertThrows(Trap.class, () -> m.readInt(65534));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
    assertTrue(t.getMessage().contains("4 bytes at address 65534"), t.getMessage());
    assertThrows(Trap.class, () -> m.writeByte(-1, (byte) 0));
    assertThrows(Trap.class, () -> m.read(0, 65537));
  }

  @Test
  void growsUpToItsMaximumAndTheStoresLimit() {
    Store limited = Store.create(engine, StoreConfig.defaults().withMaxMemoryPages(3));
    Memory m = Memory.create(limited, new MemoryType(Limits.of(1, 10)));
    assertEquals(1, m.grow(2));
    assertEquals(3, m.pages());
    assertEquals(-1, m.grow(1));
    assertEquals(3 * 65536, m.size());
  }

  @Test
  void oneBytePagesGrowByteByByteUnderTheStoresLimitInBytes() {
    // The store's limit counts 64 KiB pages: one of them holds 65,536 one-byte pages.
    Store limited = Store.create(engine, StoreConfig.defaults().withMaxMemoryPages(1));
    Memory m = Memory.create(limited, new MemoryType(Limits.of(3), AddressType.I32, false, 0));
    assertEquals(3, m.size());
    assertEquals(3, m.grow(5));
    assertEquals(8, m.pages());
    m.writeByte(7, (byte) 9);
    assertThrows(Trap.class, () -> m.writeByte(8, (byte) 9));
    assertEquals(8, m.grow(65536 - 8));
    assertEquals(-1, m.grow(1));
    assertEquals(0, m.type().pageSizeLog2());
  }

  @Test
  void theApiRefusesPageSizesAndSharedMemoriesNoModuleCouldDeclare() {
    Store store = Store.create(engine);
    IllegalArgumentException size =
        assertThrows(
            IllegalArgumentException.class,
            () -> Memory.create(store, new MemoryType(Limits.of(1), AddressType.I32, false, 12)));
    assertTrue(size.getMessage().contains("64 KiB or one byte"), size.getMessage());
    IllegalArgumentException shared =
        assertThrows(
            IllegalArgumentException.class,
            () -> Memory.create(store, new MemoryType(Limits.of(1), AddressType.I32, true)));
    assertTrue(shared.getMessage().contains("needs a maximum"), shared.getMessage());
  }

  @Test
  void theStoresPageLimitAlsoBindsMemoryGrowInCode() {
    Store limited = Store.create(engine, StoreConfig.defaults().withMaxMemoryPages(2));
    Instance i =
        Linker.create()
            .instantiate(
                limited,
                Module.compileText(
                    engine,
                    "(module (memory 1) (func (export \"grow\") (param i32) (result i32)"
                        + " (memory.grow (local.get 0))))"));
    var grow = i.func("grow").orElseThrow().asIntUnary();
    assertEquals(1, grow.applyAsInt(1));
    assertEquals(-1, grow.applyAsInt(1));
  }

  @Test
  void aModuleNeedingMorePagesThanTheStoreAllowsDoesNotInstantiate() {
    Store limited = Store.create(engine, StoreConfig.defaults().withMaxMemoryPages(2));
    Module m = Module.compileText(engine, "(module (memory 3))");
    InstantiationException e =
        assertThrows(InstantiationException.class, () -> Linker.create().instantiate(limited, m));
    assertTrue(e.getMessage().contains("memory of 3 pages exceeds the limit of 2 pages"));
  }

  @Test
  void theHostSeesWhatCodeWrote() {
    Instance i =
        Linker.create()
            .instantiate(
                store,
                Module.compileText(
                    engine,
                    "(module (memory (export \"mem\") 1)"
                        + " (func (export \"put\") (i32.store (i32.const 4) (i32.const 42))))"));
    i.func("put").orElseThrow().call();
    assertEquals(42, i.memory("mem").orElseThrow().readInt(4));
  }
}

package dev.cortado.component.internal.keyvalue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.component.WasiKeyValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {
  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String s(Optional<byte[]> v) {
    return new String(v.orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void changesOutliveTheStore() throws IOException {
    Path file = dir.resolve("a/b/default.kv");
    try (WasiKeyValue.Store store = WasiKeyValue.fileStore(file)) {
      store.set("k", b("one"));
      store.set("k", b("two"));
      store.set("gone", b("x"));
      store.delete("gone");
      store.set("ünïcode", new byte[0]);
      assertEquals(3, store.increment("n", 3));
    }
    try (WasiKeyValue.Store store = WasiKeyValue.fileStore(file)) {
      assertEquals("two", s(store.get("k")));
      assertFalse(store.exists("gone"));
      assertArrayEquals(new byte[0], store.get("ünïcode").orElseThrow());
      assertEquals(List.of("k", "n", "ünïcode"), store.keys(Optional.empty(), 10));
      assertEquals(List.of("n"), store.keys(Optional.of("k"), 1));
      assertEquals(1, store.increment("n", -2));
    }
  }

  @Test
  void aStoreReopenedEmptyKeepsItsHeaderAndWhatComesNext() throws IOException {
    Path file = dir.resolve("e.kv");
    WasiKeyValue.fileStore(file).close();
    try (WasiKeyValue.Store store = WasiKeyValue.fileStore(file)) {
      store.set("k", b("v"));
    }
    try (WasiKeyValue.Store store = WasiKeyValue.fileStore(file)) {
      assertEquals("v", s(store.get("k")));
    }
  }

  @Test
  void aRecordCutShortIsDroppedAndTheRestKept() throws IOException {
    Path file = dir.resolve("s.kv");
    try (WasiKeyValue.Store store = WasiKeyValue.fileStore(file)) {
      store.set("kept", b("yes"));
      store.set("torn", b("a value long enough to cut"));
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
    try (WasiKeyValue.Store store = WasiKeyValue.fileStore(file)) {
      assertEquals("yes", s(store.get("kept")));
      assertFalse(store.exists("torn"));
      store.set("after", b("fine"));
    }
    try (WasiKeyValue.Store store = WasiKeyValue.fileStore(file)) {
      assertEquals("fine", s(store.get("after")), "appends after the cut are read back");
    }
  }

  @Test
  void aDamagedRecordEndsTheReplay() throws IOException {
    Path file = dir.resolve("d.kv");
    try (WasiKeyValue.Store store = WasiKeyValue.fileStore(file)) {
      store.set("first", b("1"));
      store.set("second", b("2"));
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 6] ^= 0x40; // inside the second record's value
    Files.write(file, bytes);
    try (WasiKeyValue.Store store = WasiKeyValue.fileStore(file)) {
      assertEquals("1", s(store.get("first")));
      assertFalse(store.exists("second"), "its checksum no longer matches");
    }
  }

  @Test
  void aFileThatIsNotAStoreIsRefusedAndLeftAlone() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.kv"), "my notes\n");
    IOException e = assertThrows(IOException.class, () -> WasiKeyValue.fileStore(file));
    assertTrue(e.getMessage().contains("not a Cortado key-value store"), e.getMessage());
    assertEquals("my notes\n", Files.readString(file));
  }

  @Test
  void oneProcessAtATime() throws IOException {
    Path file = dir.resolve("l.kv");
    try (WasiKeyValue.Store store = WasiKeyValue.fileStore(file)) {
      IOException e = assertThrows(IOException.class, () -> WasiKeyValue.fileStore(file));
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }
    WasiKeyValue.fileStore(file).close();
  }

  @Test
  void overwritingCompactsTheFileWithoutLosingAnything() throws IOException {
    Path file = dir.resolve("c.kv");
    byte[] value = new byte[10_000];
    try (WasiKeyValue.Store store = WasiKeyValue.fileStore(file)) {
      for (int i = 0; i < 1000; i++) {
        value[0] = (byte) i;
        store.set("k" + (i % 10), value.clone());
      }
      assertTrue(Files.size(file) < 3 * FileStore.COMPACT_FLOOR, "size " + Files.size(file));
    }
    try (WasiKeyValue.Store store = WasiKeyValue.fileStore(file)) {
      assertEquals(10, store.keys(Optional.empty(), 100).size());
      assertEquals((byte) 999, store.get("k9").orElseThrow()[0]);
      assertFalse(Files.exists(dir.resolve("c.kv.new")));
    }
  }

  @Test
  void aFullStoreRefusesToGrowButStillShrinks() throws IOException {
    try (WasiKeyValue.Store store = WasiKeyValue.fileStore(dir.resolve("q.kv"), 100)) {
      store.set("a", new byte[90]);
      WasiKeyValue.StoreException e =
          assertThrows(WasiKeyValue.StoreException.class, () -> store.set("b", new byte[20]));
      assertTrue(e.getMessage().contains("full"), e.getMessage());
      store.set("a", new byte[10]);
      store.set("b", new byte[20]);
      store.delete("a");
    }
    assertThrows(
        WasiKeyValue.StoreException.class,
        () -> WasiKeyValue.memoryStore().set("k".repeat(WasiKeyValue.MAX_KEY_BYTES + 1), b("v")));
  }

  @Test
  void countersAndCompareAndSwap() {
    WasiKeyValue.Store store = WasiKeyValue.memoryStore();
    store.set("text", b("hi"));
    assertThrows(WasiKeyValue.StoreException.class, () -> store.increment("text", 1));
    store.increment("max", Long.MAX_VALUE);
    assertThrows(WasiKeyValue.StoreException.class, () -> store.increment("max", 1));
    assertTrue(store.replace("new", Optional.empty(), b("1")));
    assertFalse(store.replace("new", Optional.empty(), b("2")));
    assertFalse(store.replace("new", Optional.of(b("0")), b("2")));
    assertTrue(store.replace("new", Optional.of(b("1")), b("2")));
    assertEquals("2", s(store.get("new")));
  }

  @Test
  void incrementsFromManyThreadsAreNotLost() throws Exception {
    try (WasiKeyValue.Store store = WasiKeyValue.fileStore(dir.resolve("t.kv"))) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    store.increment("n", 1);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      assertEquals(2001, store.increment("n", 1));
    }
  }
}

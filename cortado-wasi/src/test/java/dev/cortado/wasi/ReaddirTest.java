package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Memory;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasi.internal.Errno;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fd_readdir} called straight from a WebAssembly module: the entries, their cookies, and a
 * buffer too small for them, which is filled completely with the last entry cut short.
 */
class ReaddirTest {
  private static final String WAT =
      """
      (module
        (import "wasi_snapshot_preview1" "fd_readdir"
          (func $readdir (param i32 i32 i32 i64 i32) (result i32)))
        (memory (export "memory") 1)
        (func (export "readdir") (param i32 i32 i32 i64 i32) (result i32)
          (call $readdir (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4))))
      """;
  private static final int PREOPEN = 3;
  private static final int USED = 0;
  private static final int BUF = 1024;
  private static final byte FILL = (byte) 0xAA;

  @TempDir Path tmp;
  private WasiPreview1 wasi;
  private Instance instance;
  private Memory memory;

  /** One decoded dirent. */
  record Dirent(long next, long ino, int type, String name) {}

  @BeforeEach
  void instantiate() throws IOException {
    Files.writeString(tmp.resolve("alpha"), "a");
    Files.createDirectory(tmp.resolve("beta"));
    Files.createSymbolicLink(tmp.resolve("gamma"), Path.of("alpha"));
    Files.writeString(tmp.resolve("Действие"), "");
    Engine engine = Engine.create();
    wasi = WasiPreview1.create(WasiConfig.defaults().withPreopen(Preopen.of(tmp, "/dir")));
    Linker linker = Linker.create();
    wasi.addTo(linker);
    instance = linker.instantiate(Store.create(engine), Module.compileText(engine, WAT));
    memory = instance.memory("memory").orElseThrow();
  }

  @AfterEach
  void close() {
    wasi.close();
  }

  /** Calls fd_readdir into a buffer of {@code len} bytes filled with 0xAA; returns bytes used. */
  private int readdir(int fd, int len, long cookie) {
    memory.write(BUF, filled(len + 64));
    int errno =
        ((WasmValue.I32)
                instance
                    .func("readdir")
                    .orElseThrow()
                    .call(
                        WasmValue.i32(fd),
                        WasmValue.i32(BUF),
                        WasmValue.i32(len),
                        WasmValue.i64(cookie),
                        WasmValue.i32(USED))
                    .get(0))
            .value();
    assertEquals(Errno.SUCCESS, errno);
    int used = memory.readInt(USED);
    assertArrayEquals(filled(64), memory.read(BUF + len, 64), "nothing written past the buffer");
    return used;
  }

  private static byte[] filled(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, FILL);
    return b;
  }

  private List<Dirent> decode(int used) {
    List<Dirent> entries = new ArrayList<>();
    int at = BUF;
    while (at + 24 <= BUF + used) {
      int namlen = memory.readInt(at + 16);
      if (at + 24 + namlen > BUF + used) {
        break;
      }
      entries.add(
          new Dirent(
              memory.readLong(at),
              memory.readLong(at + 8),
              memory.readByte(at + 20),
              new String(memory.read(at + 24, namlen), StandardCharsets.UTF_8)));
      at += 24 + namlen;
    }
    return entries;
  }

  private long inode(String name) throws IOException {
    return (Long) Files.getAttribute(tmp.resolve(name), "unix:ino", LinkOption.NOFOLLOW_LINKS);
  }

  @Test
  void listsDotDotDotThenTheEntriesSortedWithCookiesTypesAndInodes() throws IOException {
    int used = readdir(PREOPEN, 4096, 0);
    List<Dirent> entries = decode(used);
    int names = 4 + 1 + 2 + 5 + 5 + "Действие".getBytes(StandardCharsets.UTF_8).length;
    assertEquals(6 * 24 + names, used, "everything fits, so less than the buffer is used");
    long self = inode("");
    assertEquals(
        List.of(
            new Dirent(1, self, 3, "."),
            new Dirent(2, self, 3, ".."),
            new Dirent(3, inode("alpha"), 4, "alpha"),
            new Dirent(4, inode("beta"), 3, "beta"),
            new Dirent(5, inode("gamma"), 7, "gamma"),
            new Dirent(6, inode("Действие"), 4, "Действие")),
        entries);
  }

  @Test
  void aCookieResumesAfterTheEntryWhoseNextItIs() {
    assertEquals(
        List.of("beta", "gamma", "Действие"),
        decode(readdir(PREOPEN, 4096, 3)).stream().map(Dirent::name).toList());
    assertEquals(0, readdir(PREOPEN, 4096, 6), "past the last entry");
    assertEquals(0, readdir(PREOPEN, 4096, -1), "a cookie beyond 2^63");
  }

  @Test
  void aSmallBufferIsFilledCompletelyWithTheLastEntryCutShort() {
    byte[] whole = memory.read(BUF, readdir(PREOPEN, 4096, 0));
    // ".", "..", and 10 bytes of alpha's dirent header.
    int len = 25 + 26 + 10;
    assertEquals(len, readdir(PREOPEN, len, 0));
    assertArrayEquals(Arrays.copyOf(whole, len), memory.read(BUF, len));
    assertEquals(List.of(".", ".."), decode(len).stream().map(Dirent::name).toList());

    // Cut inside a name: the caller grows the buffer until the name is whole.
    int cut = whole.length - 3;
    assertEquals(cut, readdir(PREOPEN, cut, 0));
    assertArrayEquals(Arrays.copyOf(whole, cut), memory.read(BUF, cut));
    assertEquals(5, decode(cut).size());

    // A buffer holding exactly the entries is full, so the caller asks once more and gets none.
    assertEquals(whole.length, readdir(PREOPEN, whole.length, 0));
    assertEquals(0, readdir(PREOPEN, 4096, 6));
  }

  @Test
  void readingOnAfterTheLastWholeEntryGivesEveryEntryOnce() {
    List<String> names = new ArrayList<>();
    long cookie = 0;
    while (true) {
      int used = readdir(PREOPEN, 40, cookie);
      List<Dirent> got = decode(used);
      got.forEach(d -> names.add(d.name()));
      if (used < 40) {
        break;
      }
      // A 40-byte buffer holds one whole entry at most.
      assertEquals(1, got.size());
      cookie = got.get(got.size() - 1).next();
    }
    // "Действие" fills the 40 bytes exactly; the call after it finds no more.
    assertEquals(List.of(".", "..", "alpha", "beta", "gamma", "Действие"), names);
  }
}

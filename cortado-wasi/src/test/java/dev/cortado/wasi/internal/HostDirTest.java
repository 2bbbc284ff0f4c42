package dev.cortado.wasi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation of a directory handle, with a secure directory stream and by path: both kinds
 * must behave the same (the by-path kind is what platforms without openat get).
 */
class HostDirTest {
  @TempDir Path tmp;

  private HostDir open(boolean secure) throws IOException {
    HostDir dir = secure ? HostDir.open(tmp) : HostDir.openPlain(tmp);
    assertEquals(secure, dir.secure());
    return dir;
  }

  @ParameterizedTest(name = "secure: {0}")
  @ValueSource(booleans = {true, false})
  void createsReadsRenamesAndRemoves(boolean secure) throws IOException {
    try (HostDir dir = open(secure)) {
      dir.mkdir("sub");
      assertEquals(Errno.EXIST, errno(() -> dir.mkdir("sub")));
      try (HostDir sub = dir.openDir("sub");
          FileChannel ch =
              sub.openFile("f", Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW))) {
        ch.write(ByteBuffer.wrap("data".getBytes(StandardCharsets.UTF_8)));
        assertEquals(4, sub.stat("f", true).size());
        assertEquals(Abi.FILETYPE_DIRECTORY, sub.stat(null, true).filetype());
      }
      assertEquals("data", Files.readString(tmp.resolve("sub/f")));

      dir.symlink("sub/f", "link");
      assertEquals("sub/f", dir.readlink("link"));
      assertEquals(Abi.FILETYPE_SYMBOLIC_LINK, dir.stat("link", false).filetype());
      dir.link("link", dir, "hard");
      assertEquals(Path.of("sub/f"), Files.readSymbolicLink(tmp.resolve("hard")));

      try (HostDir sub = dir.openDir("sub")) {
        sub.rename("f", dir, "g");
      }
      assertEquals(List.of("g", "hard", "link", "sub"), dir.list().stream().sorted().toList());
      HostStat g = dir.stat("g", true);
      assertEquals(1, g.nlink());
      assertEquals(Files.getAttribute(tmp.resolve("g"), "unix:ino"), g.ino());

      dir.setTimes("g", 5_000_000_007L, 9_000_000_000L, Abi.FSTFLAGS_ATIM | Abi.FSTFLAGS_MTIM, 0);
      assertEquals(
          FileTime.from(9_000_000_000L, TimeUnit.NANOSECONDS),
          Files.getLastModifiedTime(tmp.resolve("g")));
      dir.setTimes("link", 0, 7_000_000_000L, Abi.FSTFLAGS_MTIM, 0);
      assertEquals(
          FileTime.from(7, TimeUnit.SECONDS),
          Files.getLastModifiedTime(tmp.resolve("link"), LinkOption.NOFOLLOW_LINKS));

      assertEquals(Errno.ISDIR, errno(() -> dir.unlink("sub")));
      assertEquals(Errno.NOTDIR, errno(() -> dir.rmdir("g")));
      dir.unlink("g");
      dir.unlink("link");
      dir.unlink("hard");
      dir.rmdir("sub");
      assertEquals(List.of(), dir.list());
      assertNull(dir.statOrNull("g", false));
      assertEquals(Errno.NOENT, errno(() -> dir.stat("g", false)));
    }
  }

  private static int errno(Runnable call) {
    return assertThrows(Errno.Failure.class, call::run).errno();
  }
}

package dev.cortado.wasi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.wasi.internal.Sandbox.Follow;
import dev.cortado.wasi.internal.Sandbox.Resolved;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The resolver on its own: a table of paths and what they resolve to (the directory holding the
 * last component, relative to the base, and that component) or the errno they fail with, run with
 * secure directory handles and with the by-path fallback.
 */
class SandboxTest {
  @TempDir Path tmp;
  private Path base;

  @BeforeEach
  void tree() throws IOException {
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    Files.writeString(outside.resolve("x"), "outside");
    base = Files.createDirectory(tmp.resolve("base"));
    Files.createDirectories(base.resolve("a/b"));
    Files.writeString(base.resolve("a/b/file.txt"), "deep");
    Files.writeString(base.resolve("file.txt"), "top");
    link("a/up", "..");
    link("a/up2", "../..");
    link("abs", outside.toString());
    link("rel_out", "../outside/x");
    link("loop1", "loop2");
    link("loop2", "loop1");
    link("dangling", "nowhere");
    link("dirlink", "a");
    link("slashed", "a/");
    link("dot", ".");
    link("empty_dir_link", "a/b/..");
    // A chain of 40 links ends at file.txt; one more link in front makes 41.
    link("c40", "file.txt");
    for (int i = 39; i >= 0; i--) {
      link("c" + i, "c" + (i + 1));
    }
  }

  private void link(String name, String text) throws IOException {
    Files.createSymbolicLink(base.resolve(name), Path.of(text));
  }

  static Stream<Arguments> table() {
    String longPath = "a/".repeat(2049);
    return Stream.of(
        row("file.txt", Follow.ALWAYS, ":file.txt"),
        row("a/b/file.txt", Follow.ALWAYS, "a/b:file.txt"),
        row("a//b///file.txt", Follow.ALWAYS, "a/b:file.txt"),
        row("a/./b/../b/file.txt", Follow.ALWAYS, "a/b:file.txt"),
        row("a/up/file.txt", Follow.ALWAYS, ":file.txt"),
        row("dirlink/b/file.txt", Follow.NEVER, "a/b:file.txt"),
        row("dot/dot/a", Follow.NEVER, ":a"),
        row(".", Follow.NEVER, ":."),
        row("a/..", Follow.NEVER, ":."),
        row("a/b/..", Follow.NEVER, "a:."),
        row("empty_dir_link/b", Follow.NEVER, "a:b"),
        row("a/b/", Follow.NEVER, "a:b/"),
        row("a/b/", Follow.IF_SLASH, "a:b/"),
        row("missing", Follow.ALWAYS, ":missing"),
        row("a/missing/", Follow.ALWAYS, "a:missing/"),
        row("dangling", Follow.ALWAYS, ":nowhere"),
        row("dangling", Follow.IF_SLASH, ":dangling"),
        // The JDK's Path drops a link text's trailing slash, both writing and reading it.
        row("slashed", Follow.ALWAYS, ":a"),
        row("slashed", Follow.NEVER, ":slashed"),
        row("abs", Follow.NEVER, ":abs"),
        row("abs", Follow.IF_SLASH, ":abs"),
        row("loop1", Follow.NEVER, ":loop1"),
        row("c1", Follow.ALWAYS, ":file.txt"),
        row("c0", Follow.NEVER, ":c0"),
        // Failures
        row("", Follow.ALWAYS, Errno.NOENT),
        row("a\0b", Follow.ALWAYS, Errno.INVAL),
        row(longPath, Follow.ALWAYS, Errno.NAMETOOLONG),
        row("..", Follow.NEVER, Errno.PERM),
        row("../base/file.txt", Follow.ALWAYS, Errno.PERM),
        row("a/../..", Follow.NEVER, Errno.PERM),
        row("a/b/../../../base", Follow.NEVER, Errno.PERM),
        row("/", Follow.NEVER, Errno.PERM),
        row("/file.txt", Follow.ALWAYS, Errno.PERM),
        row("abs", Follow.ALWAYS, Errno.PERM),
        row("abs/", Follow.IF_SLASH, Errno.PERM),
        row("abs/x", Follow.NEVER, Errno.PERM),
        row("rel_out", Follow.ALWAYS, Errno.PERM),
        row("a/up2/outside/x", Follow.NEVER, Errno.PERM),
        row("a/up/a/up2", Follow.ALWAYS, Errno.PERM),
        row("loop1", Follow.ALWAYS, Errno.LOOP),
        row("loop1/x", Follow.NEVER, Errno.LOOP),
        row("c0", Follow.ALWAYS, Errno.LOOP),
        row("missing/x", Follow.NEVER, Errno.NOENT),
        row("dangling/x", Follow.NEVER, Errno.NOENT),
        row("file.txt/x", Follow.NEVER, Errno.NOTDIR),
        row("file.txt/..", Follow.NEVER, Errno.NOTDIR),
        row("x".repeat(300) + "/y", Follow.NEVER, Errno.NAMETOOLONG));
  }

  private static Arguments row(String path, Follow follow, Object expected) {
    return Arguments.of(path, follow, expected);
  }

  @ParameterizedTest(name = "secure: {0} ({1}) -> {2}")
  @MethodSource("table")
  void resolvesWithDirectoryHandles(String path, Follow follow, Object expected)
      throws IOException {
    try (HostDir dir = HostDir.open(base)) {
      assertEquals(true, dir.secure(), "Linux's JDK has secure directory streams");
      assertEquals(String.valueOf(expected), outcome(dir, path, follow));
    }
  }

  @ParameterizedTest(name = "by path: {0} ({1}) -> {2}")
  @MethodSource("table")
  void resolvesTheSameByPath(String path, Follow follow, Object expected) throws IOException {
    try (HostDir dir = HostDir.openPlain(base)) {
      assertEquals(String.valueOf(expected), outcome(dir, path, follow));
    }
  }

  /**
   * Returns "dir:name" (dir relative to the base, name "." for the directory itself, "/" if a
   * directory is required) or the errno.
   */
  private String outcome(HostDir dir, String path, Follow follow) {
    try (Resolved r = Sandbox.resolve(dir, path, follow)) {
      String where = base.toRealPath().relativize(r.dir().path()).toString();
      String name = r.name() == null ? "." : r.name() + (r.dirRequired() ? "/" : "");
      return where + ":" + name;
    } catch (Errno.Failure f) {
      return String.valueOf(f.errno());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aHandleNeverFollowsALink() throws IOException {
    try (HostDir dir = HostDir.open(base)) {
      assertEquals(Errno.LOOP, errno(() -> dir.openDir("dirlink")));
      assertEquals(
          Errno.LOOP, errno(() -> dir.openFile("rel_out", Set.of(StandardOpenOption.READ))));
      assertEquals(Errno.NOTDIR, errno(() -> dir.openDir("file.txt")));
    }
  }

  @Test
  void aDirectoryMovedDuringUseKeepsItsHandleAndRefusesCallsByPath() throws IOException {
    try (HostDir dir = HostDir.open(base);
        Resolved r = Sandbox.resolve(dir, "a/b/file.txt", Follow.NEVER)) {
      // A racer moves a/ away and puts a link to the outside in its place.
      Files.move(base.resolve("a"), base.resolve("moved"));
      Files.createSymbolicLink(base.resolve("a"), tmp.resolve("outside"));
      Files.createDirectory(tmp.resolve("outside/b"));

      // The handle still is the real b/, wherever it went.
      try (FileChannel ch = r.dir().openFile("file.txt", Set.of(StandardOpenOption.READ))) {
        ByteBuffer buf = ByteBuffer.allocate(16);
        ch.read(buf);
        assertEquals("deep", new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
      }
      // Calls the JDK offers only by path notice that the path now leads elsewhere.
      assertEquals(Errno.STALE, errno(() -> r.dir().mkdir("new")));
      assertEquals(Errno.STALE, errno(() -> r.dir().symlink("x", "new")));
      assertEquals(Errno.STALE, errno(() -> r.dir().readlink("file.txt")));
      assertEquals(
          Set.of("b"),
          Set.of(tmp.resolve("outside").toFile().list()).stream()
              .filter(n -> !n.equals("x"))
              .collect(java.util.stream.Collectors.toSet()));
      assertEquals(0, tmp.resolve("outside/b").toFile().list().length);
    }
  }

  @Test
  void resolutionClosesTheDirectoriesItOpened() throws IOException {
    try (HostDir dir = HostDir.open(base)) {
      HostDir inner;
      try (Resolved r = Sandbox.resolve(dir, "a/b/file.txt", Follow.NEVER)) {
        inner = r.dir();
      }
      assertEquals(Errno.BADF, errno(inner::retain));
      assertEquals(dir, dir.retain());
      dir.close();
    }
  }

  private static int errno(Runnable call) {
    return assertThrows(Errno.Failure.class, call::run).errno();
  }

  private static int errno(ThrowingCall call) {
    return assertThrows(Errno.Failure.class, call::run).errno();
  }

  @FunctionalInterface
  private interface ThrowingCall {
    Object run();
  }
}

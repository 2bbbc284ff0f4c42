package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code files.c}, which works with files and directories through wasi-libc. */
class FilesProgramTest {
  @TempDir Path tmp;

  @Test
  void aCProgramCreatesReadsWritesAndRemovesFilesAndDirectories() throws IOException {
    Path sandbox = Files.createDirectory(tmp.resolve("sandbox"));
    Programs.Result r =
        Programs.run(
            "files",
            WasiConfig.defaults()
                .withArgs(List.of("files", "/sandbox"))
                .withPreopen(Preopen.of(sandbox, "/sandbox")));
    String failures =
        r.stdout().lines().filter(l -> !l.startsWith("ok ")).collect(Collectors.joining("\n"));
    assertEquals("0 failures", failures, r.stdout() + r.stderr());
    assertEquals(0, r.exitCode());
    assertEquals(
        checksIn(Path.of("src/test/programs/c/files.c")),
        r.stdout().lines().filter(l -> l.startsWith("ok ")).count(),
        "the program ran every check");

    // What the program left behind, seen from the host.
    assertEquals(Set.of("dir"), names(sandbox));
    Path dir = sandbox.resolve("dir");
    assertEquals(Set.of("a.txt", "append.txt", "big.bin", "c.txt", "sym"), names(dir));
    // Times first: reading the files below updates their access times.
    BasicFileAttributes a = attributes(dir.resolve("a.txt"));
    assertEquals(nanos(1234567890, 123456789), a.lastAccessTime());
    assertEquals(nanos(1000, 0), a.lastModifiedTime());
    assertEquals(nanos(3000, 7), attributes(dir.resolve("append.txt")).lastModifiedTime());
    assertArrayEquals(
        "HELLO\0\0\0".getBytes(StandardCharsets.US_ASCII),
        Files.readAllBytes(dir.resolve("a.txt")));
    assertEquals("ONE\ntwo\nthree\n", Files.readString(dir.resolve("append.txt")));
    assertEquals("bee\n", Files.readString(dir.resolve("c.txt")));
    assertArrayEquals(new byte[4096], Files.readAllBytes(dir.resolve("big.bin")));
    assertEquals(Path.of("a.txt"), Files.readSymbolicLink(dir.resolve("sym")));
  }

  /** Counts the checks written in a test program's source. */
  static long checksIn(Path source) throws IOException {
    return Pattern.compile("\\b(check|fails)\\(\"")
        .matcher(Files.readString(source))
        .results()
        .count();
  }

  private static Set<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  private static BasicFileAttributes attributes(Path p) throws IOException {
    return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  private static FileTime nanos(long seconds, long nanos) {
    return FileTime.from(seconds * 1_000_000_000L + nanos, TimeUnit.NANOSECONDS);
  }
}

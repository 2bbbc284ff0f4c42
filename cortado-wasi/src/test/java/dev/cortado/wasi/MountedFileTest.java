package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host files mounted in a preopened directory ({@link MountedFile}), as a container's {@code
 * /etc/hosts} is: {@code mounts.c} reads, writes and tries to remove them through wasi-libc.
 */
class MountedFileTest {
  /** What every run prints first; the rest depends on whether the directory is read-only. */
  private static final String COMMON =
      """
      hosts_read 0
      hosts_via_dotdot 0
      resolv_through_symlink 0  # a symbolic link in the directory leads to a mount point
      hostname_read 0
      hostname_listed 0  # a mount without a mount point is reached but not listed
      hosts_listed 1
      hostname_size 4
      hosts_write ROFS  # as Linux: opening a read-only mount's file for writing
      hosts_truncate ROFS
      """;

  private static final String WRITABLE =
      COMMON
          + """
          hosts_unlink BUSY  # as Linux for a mount point
          hosts_rename BUSY
          hosts_as_dir NOTDIR
          hosts_mkdir EXIST
          hosts_symlink_onto EXIST
          log_write 0
          log_append 0
          log_read 0
          etc_rename BUSY  # a directory on the way to a mount stays where it is
          hosts_link XDEV  # as Linux: a link cannot cross into another mount
          rename_onto_hosts BUSY
          unlink_beside 0
          """;

  private static final String READ_ONLY =
      COMMON
          + """
          hosts_unlink NOTCAPABLE  # the read-only directory's rights come first
          hosts_rename NOTCAPABLE
          hosts_as_dir NOTDIR
          hosts_mkdir NOTCAPABLE
          hosts_symlink_onto NOTCAPABLE
          log_write 0  # a writable mount in a read-only directory takes writes
          log_append 0
          log_read 0
          create_beside NOTCAPABLE  # but the directory itself still refuses them
          """;

  @TempDir Path tmp;
  private Path root;
  private Path host;

  @BeforeEach
  void layOut() throws IOException {
    // The directory: the image's own /etc/hosts (covered by the mount), a symbolic link leading
    // to a mount point elsewhere, and no /etc/hostname (a mount without a mount point).
    root = Files.createDirectories(tmp.resolve("root"));
    Files.createDirectories(root.resolve("etc"));
    Files.createDirectories(root.resolve("run"));
    Files.createDirectories(root.resolve("data"));
    Files.writeString(root.resolve("etc/hosts"), "from the image\n");
    Files.createSymbolicLink(root.resolve("etc/resolv.conf"), Path.of("../run/resolv.conf"));
    Files.writeString(root.resolve("run/resolv.conf"), "");
    Files.writeString(root.resolve("data/log.txt"), "");
    host = Files.createDirectories(tmp.resolve("host"));
    Files.writeString(host.resolve("hosts"), "127.0.0.1 localhost\n");
    Files.writeString(host.resolve("resolv"), "nameserver 10.0.0.1\n");
    Files.writeString(host.resolve("hostname"), "box\n");
    Files.writeString(host.resolve("log"), "old\n");
  }

  private Preopen preopen(boolean readOnly) {
    return new Preopen(root, "/", readOnly)
        .withFile(new MountedFile("etc/hosts", host.resolve("hosts"), true))
        .withFile(new MountedFile("run/resolv.conf", host.resolve("resolv"), true))
        .withFile(new MountedFile("etc/hostname", host.resolve("hostname"), true))
        .withFile(new MountedFile("data/log.txt", host.resolve("log"), false));
  }

  private String run(boolean readOnly) {
    Programs.Result r =
        Programs.run(
            "mounts",
            WasiConfig.defaults()
                .withArgs(List.of("mounts", readOnly ? "ro" : "rw"))
                .withPreopen(preopen(readOnly)));
    assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
    return r.stdout();
  }

  @Test
  void mountedFilesAreReadWrittenAndCannotBeRemoved() throws IOException {
    assertEquals(CaseTable.expected(WRITABLE), CaseTable.results(run(false)));
    assertEquals("127.0.0.1 localhost\n", Files.readString(host.resolve("hosts")));
    assertEquals("written\nappended\n", Files.readString(host.resolve("log")));
    assertEquals("from the image\n", Files.readString(root.resolve("etc/hosts")));
    assertEquals(List.of("hosts", "resolv.conf"), names(root.resolve("etc")));
    assertEquals(List.of("log.txt"), names(root.resolve("data")));
  }

  @Test
  void aWritableMountInAReadOnlyDirectoryTakesWrites() throws IOException {
    assertEquals(CaseTable.expected(READ_ONLY), CaseTable.results(run(true)));
    assertEquals(List.of("log.txt"), names(root.resolve("data")));
    assertEquals("written\nappended\n", Files.readString(host.resolve("log")));
  }

  private static List<String> names(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aMissingHostFileIsRefusedWithItsPath() {
    Path missing = host.resolve("missing");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                WasiPreview1.create(
                    WasiConfig.defaults()
                        .withPreopen(
                            Preopen.of(root, "/")
                                .withFile(new MountedFile("etc/x", missing, true)))));
    assertEquals("mounted file " + missing + " does not exist", e.getMessage());
  }

  @Test
  void pathsThatAreNotPlainRelativePathsAreRefused() {
    for (String bad : List.of("", "/etc/hosts", "etc/", "etc//hosts", "etc/../hosts", "./x")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> new MountedFile(bad, host.resolve("hosts"), true),
          bad);
    }
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Preopen.of(root, "/")
                .withFile(new MountedFile("etc/hosts", host.resolve("hosts"), true))
                .withFile(new MountedFile("etc/hosts/x", host.resolve("hosts"), true)));
  }
}

package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code escape.c}, which tries every way out of its preopens it knows, against a hostile tree
 * built here, and checks each attempt's errno and that nothing outside the preopens was read,
 * created, changed, renamed or removed.
 */
class EscapeTest {
  private static final String SENTINEL = "SENTINEL-a5f0c2e9-never-to-be-read";

  /** Each attempt and its errno (or value), in the order the program makes them. */
  private static final String EXPECTED =
      """
      up_file PERM
      up_after_down PERM
      up_only PERM
      dot_up PERM
      deep_up PERM
      up_trailing_slash PERM
      absolute_etc PERM
      absolute_root PERM
      absolute_inside PERM
      double_slash_root PERM
      empty NOENT  # as POSIX and wasmtime (cap-std)
      file_as_dir NOTDIR
      link_abs_file PERM
      link_abs_file_nofollow LOOP  # O_NOFOLLOW on a link
      link_abs_dir_component PERM
      link_abs_dir PERM
      link_abs_dir_slash PERM
      link_etc PERM
      link_root PERM
      link_rel_up PERM
      link_rel_chain PERM
      link_nested_up PERM
      link_dir_then_dotdot PERM
      link_chain_then_dotdot PERM
      dangling_create PERM
      dangling_create_nofollow LOOP
      dangling_create_excl EXIST  # O_CREAT|O_EXCL never follows
      dangling_trunc PERM
      loop LOOP
      self_loop LOOP
      loop_component LOOP
      nul INVAL
      stat_up PERM
      stat_abs_link PERM
      stat_abs_link_nofollow SUCCESS
      stat_via_link_dir PERM
      times_abs_link PERM
      times_up PERM
      readlink_via_link_dir PERM
      readlink_abs_link SUCCESS
      subdir_open SUCCESS
      subdir_up PERM
      subdir_self SUCCESS
      subdir_link_up PERM
      mkdir_up PERM
      mkdir_via_link PERM
      mkdir_dangling EXIST  # mkdir never follows
      mkdir_dangling_slash EXIST
      rename_out PERM
      rename_out_via_link PERM
      rename_in PERM
      rename_in_via_link PERM
      rename_over_dangling SUCCESS  # replaces the link, inside
      link_out PERM
      link_via_link PERM
      link_follow INVAL  # as wasmtime
      link_to_out PERM
      link_of_symlink SUCCESS  # a hard link to the link itself, inside
      open_link_of_symlink PERM
      symlink_text_out SUCCESS  # link text is only text
      open_made_link PERM
      readlink_made_link SUCCESS
      symlink_text_abs_root PERM  # as wasmtime (cap-std) and wazero: text may not be absolute
      symlink_text_abs_etc PERM
      symlink_text_abs_inside PERM  # even naming the preopen's own guest path
      readlink_abs_made NOENT  # nothing was created
      symlink_in_outside PERM
      symlink_via_link PERM
      unlink_out PERM
      unlink_via_link PERM
      rmdir_out PERM
      rmdir_via_link PERM
      rmdir_link_slash NOTDIR  # the link is not a directory
      rmdir_preopen INVAL
      rmdir_preopen_dotdot NOTEMPTY
      unlink_link_keeps_target SUCCESS  # removes the link only
      preopen_listing SUCCESS
      ro_read SUCCESS
      ro_create NOTCAPABLE
      ro_trunc NOTCAPABLE
      ro_open_for_writing SUCCESS  # opens, but without write rights
      ro_write_right 0
      ro_write NOTCAPABLE
      ro_pwrite NOTCAPABLE
      ro_set_size NOTCAPABLE
      ro_allocate NOTCAPABLE
      ro_fd_times NOTCAPABLE
      ro_grow_rights NOTCAPABLE
      ro_mkdir NOTCAPABLE
      ro_unlink NOTCAPABLE
      ro_rmdir NOTCAPABLE
      ro_rename NOTCAPABLE
      ro_symlink NOTCAPABLE
      ro_link NOTCAPABLE
      ro_times NOTCAPABLE
      ro_subdir_open SUCCESS
      ro_subdir_create NOTCAPABLE
      ro_subdir_mkdir NOTCAPABLE
      ro_rename_into_sandbox NOTCAPABLE
      ro_link_into_sandbox NOTCAPABLE
      """;

  @TempDir Path tmp;
  private Path sandbox;
  private Path outside;
  private Path readOnly;

  @BeforeEach
  void buildTheHostileTree() throws IOException {
    outside = Files.createDirectory(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), SENTINEL);
    Files.createDirectory(outside.resolve("subdir"));
    Files.writeString(outside.resolve("subdir/inner.txt"), SENTINEL);

    sandbox = Files.createDirectory(tmp.resolve("sandbox"));
    Files.writeString(sandbox.resolve("inside.txt"), "inside");
    Files.writeString(sandbox.resolve("victim.txt"), "victim");
    Files.createDirectory(sandbox.resolve("d"));
    link("abs_link", outside.resolve("secret.txt").toString());
    link("abs_dir", outside.toString());
    link("etc", "/etc");
    link("root", "/");
    link("rel_up", "../outside/secret.txt");
    link("rel_chain", "d/../../outside");
    link("d/up2", "../../outside");
    link("dangling_out", "../outside/created.txt");
    link("loop_a", "loop_b");
    link("loop_b", "loop_a");
    link("self_loop", "self_loop");

    readOnly = Files.createDirectory(tmp.resolve("ro"));
    Files.writeString(readOnly.resolve("ro.txt"), "read-only");
    Files.createDirectory(readOnly.resolve("sub"));
  }

  @AfterEach
  void removeLinksOutOfTheTemporaryDirectory() throws IOException {
    // Only to spare JUnit's cleanup the warnings about links to /etc and /.
    Files.deleteIfExists(sandbox.resolve("etc"));
    Files.deleteIfExists(sandbox.resolve("root"));
  }

  private void link(String name, String text) throws IOException {
    Files.createSymbolicLink(sandbox.resolve(name), Path.of(text));
  }

  @Test
  void noAttemptLeavesThePreopens() throws IOException {
    Map<String, String> outsideBefore = snapshot(outside);
    Map<String, String> readOnlyBefore = snapshot(readOnly);
    Map<String, String> topBefore = snapshot(tmp, 1);

    Programs.Result r =
        Programs.run(
            "escape",
            WasiConfig.defaults()
                .withPreopen(Preopen.of(sandbox, "/sandbox"))
                .withPreopen(Preopen.readOnly(readOnly, "/ro")));
    assertEquals(0, r.exitCode(), r.stdout() + r.stderr());

    assertEquals(CaseTable.expected(EXPECTED), CaseTable.results(r.stdout()), r.stdout());

    assertFalse(r.stdout().contains(SENTINEL), "an outside file was read:\n" + r.stdout());
    assertFalse(r.stdout().contains("root:"), "/etc/passwd was read:\n" + r.stdout());
    assertFalse(r.stdout().contains("inner.txt"), "an outside directory was listed");
    assertEquals(outsideBefore, snapshot(outside), "the outside directory changed");
    assertEquals(readOnlyBefore, snapshot(readOnly), "the read-only preopen changed");
    assertEquals(topBefore, snapshot(tmp, 1), "something appeared beside the preopens");

    // What the allowed operations did, inside.
    assertTrue(r.stdout().contains("ro_read reads: read-only"), r.stdout());
    assertTrue(r.stdout().contains("readlink_made_link 0 text=../outside/secret.txt"));
    assertEquals("victim", Files.readString(sandbox.resolve("dangling_out")));
    assertFalse(Files.exists(sandbox.resolve("abs_link"), LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.exists(sandbox.resolve("abs_made"), LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.isSymbolicLink(sandbox.resolve("abs_link_hard")));
    assertTrue(r.stdout().contains("preopen_listing lists: . .. "));
  }

  /** Describes every entry under {@code root}: kind, and content or link text. */
  static Map<String, String> snapshot(Path root) throws IOException {
    return snapshot(root, Integer.MAX_VALUE);
  }

  private static Map<String, String> snapshot(Path root, int depth) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root, depth)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String key = root.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          m.put(key, "link " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          m.put(key, "dir");
        } else {
          m.put(key, "file " + Files.readString(p) + " " + Files.getLastModifiedTime(p).toMillis());
        }
      }
    }
    return m;
  }
}

package dev.cortado.wasi;

import static dev.cortado.wasi.internal.Errno.EXIST;
import static dev.cortado.wasi.internal.Errno.INVAL;
import static dev.cortado.wasi.internal.Errno.LOOP;
import static dev.cortado.wasi.internal.Errno.NOENT;
import static dev.cortado.wasi.internal.Errno.NOTCAPABLE;
import static dev.cortado.wasi.internal.Errno.NOTDIR;
import static dev.cortado.wasi.internal.Errno.NOTEMPTY;
import static dev.cortado.wasi.internal.Errno.PERM;
import static dev.cortado.wasi.internal.Errno.SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

    Map<String, Integer> got = new LinkedHashMap<>();
    r.stdout()
        .lines()
        .filter(l -> !l.startsWith(" "))
        .forEach(l -> got.put(l.split(" ")[0], Integer.parseInt(l.split(" ")[1])));
    assertEquals(expected(), got, r.stdout());

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
    assertTrue(Files.isSymbolicLink(sandbox.resolve("abs_link_hard")));
    assertTrue(r.stdout().contains("preopen_listing lists: . .. "));
  }

  private static Map<String, Integer> expected() {
    Map<String, Integer> e = new LinkedHashMap<>();
    // Paths
    for (String name :
        new String[] {
          "up_file",
          "up_after_down",
          "up_only",
          "dot_up",
          "deep_up",
          "up_trailing_slash",
          "absolute_etc",
          "absolute_root",
          "absolute_inside",
          "double_slash_root"
        }) {
      e.put(name, PERM);
    }
    e.put("empty", NOENT);
    e.put("nul", INVAL);
    e.put("file_as_dir", NOTDIR);
    // Symbolic links
    e.put("link_abs_file", PERM);
    e.put("link_abs_file_nofollow", LOOP);
    e.put("link_abs_dir_component", PERM);
    e.put("link_abs_dir", PERM);
    e.put("link_abs_dir_slash", PERM);
    e.put("link_etc", PERM);
    e.put("link_root", PERM);
    e.put("link_rel_up", PERM);
    e.put("link_rel_chain", PERM);
    e.put("link_nested_up", PERM);
    e.put("link_dir_then_dotdot", PERM);
    e.put("link_chain_then_dotdot", PERM);
    e.put("dangling_create", PERM);
    e.put("dangling_create_nofollow", LOOP);
    e.put("dangling_create_excl", EXIST);
    e.put("dangling_trunc", PERM);
    e.put("loop", LOOP);
    e.put("self_loop", LOOP);
    e.put("loop_component", LOOP);
    e.put("stat_up", PERM);
    e.put("stat_abs_link", PERM);
    e.put("stat_abs_link_nofollow", SUCCESS);
    e.put("stat_via_link_dir", PERM);
    e.put("times_abs_link", PERM);
    e.put("times_up", PERM);
    e.put("readlink_via_link_dir", PERM);
    e.put("readlink_abs_link", SUCCESS);
    e.put("subdir_open", SUCCESS);
    e.put("subdir_up", PERM);
    e.put("subdir_self", SUCCESS);
    e.put("subdir_link_up", PERM);
    // Changes
    e.put("mkdir_up", PERM);
    e.put("mkdir_via_link", PERM);
    e.put("mkdir_dangling", EXIST);
    e.put("mkdir_dangling_slash", EXIST);
    e.put("rename_out", PERM);
    e.put("rename_out_via_link", PERM);
    e.put("rename_in", PERM);
    e.put("rename_in_via_link", PERM);
    e.put("rename_over_dangling", SUCCESS);
    e.put("link_out", PERM);
    e.put("link_via_link", PERM);
    e.put("link_follow", INVAL);
    e.put("link_to_out", PERM);
    e.put("link_of_symlink", SUCCESS);
    e.put("open_link_of_symlink", PERM);
    e.put("symlink_text_out", SUCCESS);
    e.put("open_made_link", PERM);
    e.put("readlink_made_link", SUCCESS);
    e.put("symlink_in_outside", PERM);
    e.put("symlink_via_link", PERM);
    e.put("unlink_out", PERM);
    e.put("unlink_via_link", PERM);
    e.put("rmdir_out", PERM);
    e.put("rmdir_via_link", PERM);
    e.put("rmdir_link_slash", NOTDIR);
    e.put("rmdir_preopen", INVAL);
    e.put("rmdir_preopen_dotdot", NOTEMPTY);
    e.put("unlink_link_keeps_target", SUCCESS);
    e.put("preopen_listing", SUCCESS);
    // The read-only preopen
    e.put("ro_read", SUCCESS);
    e.put("ro_create", NOTCAPABLE);
    e.put("ro_trunc", NOTCAPABLE);
    e.put("ro_open_for_writing", SUCCESS);
    e.put("ro_write_right", 0);
    for (String name :
        new String[] {
          "ro_write",
          "ro_pwrite",
          "ro_set_size",
          "ro_allocate",
          "ro_fd_times",
          "ro_grow_rights",
          "ro_mkdir",
          "ro_unlink",
          "ro_rmdir",
          "ro_rename",
          "ro_symlink",
          "ro_link",
          "ro_times"
        }) {
      e.put(name, NOTCAPABLE);
    }
    e.put("ro_subdir_open", SUCCESS);
    e.put("ro_subdir_create", NOTCAPABLE);
    e.put("ro_subdir_mkdir", NOTCAPABLE);
    e.put("ro_rename_into_sandbox", NOTCAPABLE);
    e.put("ro_link_into_sandbox", NOTCAPABLE);
    return e;
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

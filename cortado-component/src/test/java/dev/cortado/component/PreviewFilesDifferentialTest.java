package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasi.Preopen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-system test programs of cortado-wasi (C, Rust, the escape set), each run through
 * preview1 as a core module and through WASI 0.2 as a component, in two copies of the same tree:
 * the same output, and the same files left behind. Both ABIs share one sandbox, so the escape set
 * failing the same way through 0.2 shows 0.2 keeps the guest inside its preopens too.
 */
class PreviewFilesDifferentialTest {
  private static final String SENTINEL = "SENTINEL-never-to-be-read";

  @TempDir Path tmp;

  /** What {@code root} holds: each entry's kind and content, by relative path. */
  static Map<String, String> tree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(p -> !p.equals(root))
          .collect(
              Collectors.toMap(
                  p -> root.relativize(p).toString(),
                  p -> describe(p).replace(root.toString(), "ROOT"),
                  (a, b) -> a,
                  TreeMap::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Path p) {
    try {
      if (Files.isSymbolicLink(p)) {
        return "-> " + Files.readSymbolicLink(p);
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        return "dir";
      }
      return "file " + Files.size(p) + " " + Files.readString(p).hashCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** preview1's {@code NOTCAPABLE}: WASI 0.2 has no rights, so its refusals say other things. */
  private static final String NOTCAPABLE = "76";

  /**
   * Compares the programs' outputs line by line ({@code check value ...}): the same, or refused in
   * both (preview1's {@code NOTCAPABLE} against any error), or a check {@code excused} names.
   */
  private static void sameLines(String name, String p1, String p2, Set<String> excused) {
    List<String> a = p1.lines().toList();
    List<String> b = p2.lines().toList();
    assertEquals(a.size(), b.size(), name + ": output lines\n" + p1 + "\n---\n" + p2);
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i);
      String y = b.get(i);
      if (x.equals(y) || excused.stream().anyMatch(x::contains)) {
        continue;
      }
      String[] xs = x.split(" ");
      String[] ys = y.split(" ");
      boolean bothRefused =
          xs.length == 2
              && ys.length == 2
              && xs[0].equals(ys[0])
              && xs[1].equals(NOTCAPABLE)
              && !ys[1].equals("0");
      assertTrue(bothRefused, name + ": preview1 says \"" + x + "\", WASI 0.2 \"" + y + "\"");
    }
  }

  /**
   * Builds a tree with {@code build} twice, runs program {@code name} with {@code args} and the
   * tree's {@code sandbox} folder preopened as {@code guest} (and its {@code ro} folder read-only
   * as {@code /ro}, if there is one); compares output and trees, leaving out output lines naming
   * one of {@code excusedChecks} and files named in {@code excusedFiles}.
   */
  private void same(
      String name,
      List<String> args,
      String guest,
      Function<Path, Path> build,
      Set<String> excusedChecks,
      Set<String> excusedFiles) {
    Path root1 = build.apply(mkdir(tmp.resolve("p1")));
    Path root2 = build.apply(mkdir(tmp.resolve("p2")));
    TwoAbis.Outcome p1 = TwoAbis.preview1(name, c -> preopens(c.withArgs(args), root1, guest));
    TwoAbis.Outcome p2 = TwoAbis.preview2(name, c -> preopens(c.withArgs(args), root2, guest));
    sameLines(
        name,
        p1.stdout().replace(root1.toString(), "ROOT"),
        p2.stdout().replace(root2.toString(), "ROOT"),
        excusedChecks);
    assertEquals(p1.stderr(), p2.stderr(), name + ": standard error");
    if (excusedChecks.isEmpty()) {
      assertEquals(p1.status() == 0 ? 0 : 1, p2.status(), name + ": exit status");
    }
    Map<String, String> t1 = tree(root1);
    Map<String, String> t2 = tree(root2);
    t1.keySet().removeIf(k -> excusedFiles.stream().anyMatch(k::endsWith));
    t2.keySet().removeIf(k -> excusedFiles.stream().anyMatch(k::endsWith));
    assertEquals(t1, t2, name + ": the files left behind");
  }

  private static dev.cortado.wasi.WasiConfig preopens(
      dev.cortado.wasi.WasiConfig c, Path root, String guest) {
    c = c.withPreopen(Preopen.of(root.resolve("sandbox"), guest));
    return Files.isDirectory(root.resolve("ro"))
        ? c.withPreopen(Preopen.readOnly(root.resolve("ro"), "/ro"))
        : c;
  }

  private static Path mkdir(Path p) {
    try {
      return Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path emptySandbox(Path root) {
    mkdir(root.resolve("sandbox"));
    return root;
  }

  @Test
  void cFiles() {
    same(
        "files",
        List.of("files", "/sandbox"),
        "/sandbox",
        PreviewFilesDifferentialTest::emptySandbox,
        // jco's adapter keeps a file's stream at its old position after fcntl sets O_APPEND,
        // cannot allocate, and opens a directory for reading without mutate-directory, which
        // path_filestat_set_times then needs (wasmtime's rule); `jco run` fails the same checks.
        Set.of(
            "append result",
            "allocate grows",
            "allocate never shrinks",
            "access time now",
            " failures"),
        Set.of("append.txt", "big.bin"));
  }

  @Test
  void rustFiles() {
    same(
        "rust_files",
        List.of("rust_files", "/box"),
        "/box",
        PreviewFilesDifferentialTest::emptySandbox,
        Set.of(),
        Set.of());
  }

  @Test
  void pathOperations() {
    same(
        "pathops",
        List.of("pathops"),
        "/work",
        PreviewFilesDifferentialTest::emptySandbox,
        Set.of(
            // preview1 descriptors carry rights; WASI 0.2 has read, write and mutate-directory
            // flags, which jco's adapter maps the rights onto: which calls a directory or a
            // narrowed descriptor allows, and the errors it gives, differ (wasmtime's rules).
            "dir_",
            "mkdir_under_file",
            "file_readdir",
            "grow_rights",
            "narrow",
            // The adapter ignores flag bits preview1 rejects, cannot allocate (so sizes after
            // differ), and does not set sync flags after opening.
            "bad_oflags",
            "bad_lookupflags",
            "bad_fdflags",
            "allocate",
            "seek_past_end",
            "stat_file_size",
            "set_flags_sync"),
        Set.of());
  }

  /**
   * The escape program's hostile tree: links and paths out of the sandbox, and a read-only tree.
   */
  private static Path hostile(Path root) {
    try {
      Path outside = mkdir(root.resolve("outside"));
      Files.writeString(outside.resolve("secret.txt"), SENTINEL);
      Files.writeString(mkdir(outside.resolve("subdir")).resolve("inner.txt"), SENTINEL);
      Path sandbox = mkdir(root.resolve("sandbox"));
      Files.writeString(sandbox.resolve("inside.txt"), "inside");
      Files.writeString(sandbox.resolve("victim.txt"), "victim");
      mkdir(sandbox.resolve("d"));
      String[][] links = {
        {"abs_link", outside.resolve("secret.txt").toString()},
        {"abs_dir", outside.toString()},
        {"etc", "/etc"},
        {"root", "/"},
        {"rel_up", "../outside/secret.txt"},
        {"rel_chain", "d/../../outside"},
        {"d/up2", "../../outside"},
        {"dangling_out", "../outside/created.txt"},
        {"loop_a", "loop_b"},
        {"loop_b", "loop_a"},
        {"self_loop", "self_loop"}
      };
      for (String[] l : links) {
        Files.createSymbolicLink(sandbox.resolve(l[0]), Path.of(l[1]));
      }
      Path ro = mkdir(root.resolve("ro"));
      Files.writeString(ro.resolve("ro.txt"), "read-only");
      mkdir(ro.resolve("sub"));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theEscapeSetFailsAlikeThroughBothAbis() {
    same(
        "escape",
        List.of("escape"),
        "/sandbox",
        PreviewFilesDifferentialTest::hostile,
        Set.of(),
        Set.of());
    String out =
        TwoAbis.preview2("escape", c -> preopens(c, hostile(mkdir(tmp.resolve("p3"))), "/sandbox"))
            .stdout();
    assertFalse(out.contains(SENTINEL), "an outside file was read through WASI 0.2:\n" + out);
  }
}

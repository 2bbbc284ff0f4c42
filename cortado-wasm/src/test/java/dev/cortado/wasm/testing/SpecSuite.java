package dev.cortado.wasm.testing;

import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.text.Command;
import dev.cortado.wasm.text.TextParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the official WebAssembly spec test suite: {@code $CORTADO_TESTSUITE}, the {@code
 * cortado.testsuite} system property (set by the build to {@code ../shared/testsuite}), or {@code
 * ../shared/testsuite} from the working directory's ancestors. It is never copied into the repo.
 */
public final class SpecSuite {
  /**
   * The scripts of the Wasm 3.0 suite (top level) about garbage collection: structs, arrays, i31s,
   * casts, recursion groups and subtypes.
   */
  public static final List<String> GC_SCRIPTS =
      List.of(
          "struct.wast",
          "array.wast",
          "array_copy.wast",
          "array_fill.wast",
          "array_init_data.wast",
          "array_init_elem.wast",
          "array_new_data.wast",
          "array_new_elem.wast",
          "i31.wast",
          "ref_cast.wast",
          "ref_test.wast",
          "ref_eq.wast",
          "br_on_cast.wast",
          "br_on_cast_fail.wast",
          "extern.wast",
          "type-canon.wast",
          "type-equivalence.wast",
          "type-rec.wast",
          "type-subtyping.wast");

  private SpecSuite() {}

  /** Returns the suite's root folder, or fails with a message saying where it was looked for. */
  public static Path root() {
    String env = System.getenv("CORTADO_TESTSUITE");
    if (env != null && !env.isBlank()) {
      return existing(Path.of(env), "$CORTADO_TESTSUITE");
    }
    String prop = System.getProperty("cortado.testsuite");
    if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop).normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("../shared/testsuite").normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "the WebAssembly spec test suite was not found: set CORTADO_TESTSUITE to its folder, or"
            + " put it at ../shared/testsuite beside the repository");
  }

  private static Path existing(Path p, String what) {
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException(what + " points to " + p + ", which is not a folder");
    }
    return p.normalize();
  }

  /** Returns the .wast files directly in {@code folder} (relative to the root), sorted by name. */
  public static List<Path> wastFiles(String folder) {
    Path dir = folder.isEmpty() ? root() : root().resolve(folder);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".wast")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the Wasm 2.0 suite (the {@code pre-3.0} folder). */
  public static List<Path> wasm2() {
    return wastFiles("pre-3.0");
  }

  /** Returns {@code file}'s text. */
  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the commands of the script {@code text} read from {@code file}, or none if the text
   * parser cannot read it yet (a script of a proposal it does not know).
   */
  public static List<Command> commandsIfReadable(String text, Path file) {
    try {
      return TextParser.parseScript(text, file.toString()).commands();
    } catch (MalformedException e) {
      return List.of();
    }
  }
}

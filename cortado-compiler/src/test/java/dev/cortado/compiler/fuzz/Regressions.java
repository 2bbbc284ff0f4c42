package dev.cortado.compiler.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The modules on which the engines once diverged ({@code src/test/resources/fuzz-regressions}), and
 * the checked-in list of those that still do, each with its reason ({@code known-divergences.txt}:
 * {@code file.wasm reason} per line, {@code #} comments). The target is an empty list.
 */
final class Regressions {
  static final String KNOWN = "known-divergences.txt";

  private Regressions() {}

  /** The folder in the module's sources, where found divergences are written to be committed. */
  static Path folder() {
    Path base = Path.of(System.getProperty("basedir", "."));
    return base.resolve("src/test/resources/fuzz-regressions");
  }

  /** Every regression module, by name. */
  static List<Path> files() {
    try (Stream<Path> s = Files.list(folder())) {
      return s.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The known divergences: file name to reason. */
  static Map<String, String> known() {
    Map<String, String> reasons = new HashMap<>();
    Path list = folder().resolve(KNOWN);
    if (!Files.exists(list)) {
      return reasons;
    }
    try {
      for (String raw : Files.readAllLines(list)) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int space = line.indexOf(' ');
        if (space < 0) {
          throw new IllegalArgumentException("known divergence without a reason: " + line);
        }
        reasons.put(line.substring(0, space), line.substring(space + 1).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reasons;
  }

  /** Whether a {@code /regex/} entry of {@code known} matches either side of {@code verdict}. */
  static Optional<String> knownCause(Map<String, String> known, Verdict verdict) {
    for (Map.Entry<String, String> e : known.entrySet()) {
      String key = e.getKey();
      if (key.length() > 2 && key.startsWith("/") && key.endsWith("/")) {
        Pattern p = Pattern.compile(key.substring(1, key.length() - 1));
        boolean matches =
            verdict.interpreter().map(v -> p.matcher(v.toString()).find()).orElse(false)
                || verdict.compiler().map(v -> p.matcher(v.toString()).find()).orElse(false);
        if (matches) {
          return Optional.of(e.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /** The regression file holding exactly {@code wasm}, if there is one. */
  static Optional<String> match(byte[] wasm) {
    for (Path p : files()) {
      try {
        if (Files.size(p) == wasm.length && Arrays.equals(Files.readAllBytes(p), wasm)) {
          return Optional.of(p.getFileName().toString());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Optional.empty();
  }

  /** Writes a newly found divergence as {@code name}.wasm and returns its path. */
  static Path save(byte[] wasm, String name) {
    try {
      Files.createDirectories(folder());
      Path p = folder().resolve(name + ".wasm");
      Files.write(p, wasm);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.cortado.server.internal;

import dev.cortado.server.Component;
import dev.cortado.server.Component.FileMount;
import dev.cortado.server.ServeException;
import dev.cortado.wasi.Preopen;
import dev.cortado.wasm.internal.IoReasons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A component's {@code files}, as read-only preopens: files matched by globs (less {@code
 * exclude_files}) and single-file mappings are linked (or copied, across file systems) into a
 * staging folder seen as {@code /}; folder mappings are preopened where they are.
 */
final class FileStaging implements AutoCloseable {
  private final List<Preopen> preopens = new ArrayList<>();
  private Path staging;

  private FileStaging() {}

  /** Stages {@code component}'s files, found relative to {@code folder}. */
  static FileStaging of(Component component, Path folder) {
    FileStaging s = new FileStaging();
    try {
      s.stage(component, folder);
    } catch (IOException | UncheckedIOException e) {
      s.close();
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      throw new ServeException(
          "component \"" + component.id() + "\": cannot prepare its files: " + IoReasons.of(cause),
          e);
    }
    return s;
  }

  /** Returns the preopens: the staging folder as {@code /}, then folder mappings. */
  List<Preopen> preopens() {
    return preopens;
  }

  private void stage(Component component, Path folder) throws IOException {
    List<PathMatcher> excluded = new ArrayList<>();
    for (String x : component.excludeFiles()) {
      excluded.add(glob(x));
    }
    List<Preopen> folders = new ArrayList<>();
    for (FileMount m : component.files()) {
      switch (m) {
        case FileMount.Glob g -> {
          PathMatcher matcher = glob(g.pattern());
          try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
              Path relative = folder.relativize(p);
              if (matcher.matches(relative)
                  && excluded.stream().noneMatch(x -> x.matches(relative))) {
                place(p, relative.toString());
              }
            }
          }
        }
        case FileMount.Mapping map -> {
          if (Files.isDirectory(map.source())) {
            folders.add(Preopen.readOnly(map.source(), map.destination()));
          } else {
            place(map.source(), map.destination().substring(1));
          }
        }
      }
    }
    if (staging != null) {
      preopens.add(Preopen.readOnly(staging, "/"));
    }
    preopens.addAll(folders);
  }

  /**
   * Returns a matcher of {@code pattern} as Spin's globs read it: {@code **}{@code /} also matches
   * no folder at all ({@code static/**}{@code /*.css} matches {@code static/a.css}), which Java's
   * globs do not.
   */
  static PathMatcher glob(String pattern) {
    PathMatcher exact = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    if (!pattern.contains("**/")) {
      return exact;
    }
    PathMatcher flat =
        FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("**/", ""));
    return p -> exact.matches(p) || flat.matches(p);
  }

  private void place(Path source, String relative) throws IOException {
    if (staging == null) {
      staging = Files.createTempDirectory("cortado-serve-");
    }
    Path target = staging.resolve(relative).normalize();
    if (!target.startsWith(staging)) {
      throw new IOException("\"" + relative + "\" leaves the component's file system");
    }
    Files.createDirectories(target.getParent());
    Files.deleteIfExists(target);
    try {
      Files.createLink(target, source);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(source, target);
    }
  }

  @Override
  public void close() {
    if (staging == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(staging)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A staging folder left in the temporary directory is harmless.
    }
  }
}

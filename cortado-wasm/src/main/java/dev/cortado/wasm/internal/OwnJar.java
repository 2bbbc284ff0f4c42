package dev.cortado.wasm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Resources read from the jar a class came from, not through its class loader. Asked for a
 * resource, the application class loader opens every jar of the class path in turn until one has
 * it; a start whose classes come from the AOT cache or CDS archive has opened none of them, so
 * reading {@code version.properties} that way cost {@code cortado run} 10-28 ms (RATIONALE.md:
 * "Start-up reads its own jars only").
 */
public final class OwnJar {
  private OwnJar() {}

  /** Returns the jar {@code c} was loaded from; empty when it came from a folder (tests) or JDK. */
  public static Optional<Path> of(Class<?> c) {
    var source = c.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path p = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns the resources {@code names} (relative to {@code c}'s package, as {@link
   * Class#getResourceAsStream} takes them) that exist, by name: from {@code c}'s own jar, opened
   * once, or through {@code c} where it did not come from a jar.
   *
   * @throws IOException if a resource cannot be read
   */
  public static Map<String, byte[]> resources(Class<?> c, List<String> names) throws IOException {
    Map<String, byte[]> found = new HashMap<>();
    Optional<Path> jar = of(c);
    if (jar.isPresent()) {
      String folder = c.getPackageName().replace('.', '/') + "/";
      try (ZipFile zip = new ZipFile(jar.get().toFile())) {
        for (String name : names) {
          ZipEntry e = zip.getEntry(folder + name);
          if (e != null) {
            try (InputStream in = zip.getInputStream(e)) {
              found.put(name, in.readAllBytes());
            }
          }
        }
      }
      return found;
    }
    for (String name : names) {
      try (InputStream in = c.getResourceAsStream(name)) {
        if (in != null) {
          found.put(name, in.readAllBytes());
        }
      }
    }
    return found;
  }
}

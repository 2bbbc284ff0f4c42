package dev.cortado.container.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a bundle is a Wasm container, and finds its module on the host. It is when the
 * annotation {@value #VARIANT} (what crun and WasmEdge read) is {@code compat}, or {@code
 * compat-smart} and the entrypoint starts with the Wasm header, or when {@code process.args[0]}
 * names a {@code .wasm} file. The entrypoint is looked up as the container would see it: through
 * its bind mounts, else in the rootfs, a bare name along the container's {@code PATH}.
 */
public final class WasmEntrypoint {
  /** The annotation that marks an image or container as Wasm. */
  public static final String VARIANT = "module.wasm.image/variant";

  private static final byte[] MAGIC = {0, 'a', 's', 'm'};

  private WasmEntrypoint() {}

  /**
   * Returns the module file of a Wasm container on the host, or empty for a bundle another runtime
   * should run.
   *
   * @throws RuncException if the bundle is Wasm but its module cannot be found
   */
  public static Optional<Path> of(BundleConfig config) {
    String entry = config.args().get(0);
    String variant = config.annotations().getOrDefault(VARIANT, "");
    Optional<Path> found = find(config, entry);
    boolean wasm =
        switch (variant) {
          case "compat" -> true;
          case "compat-smart" -> found.isPresent() && startsWithMagic(found.get());
          default -> entry.endsWith(".wasm");
        };
    if (!wasm) {
      return Optional.empty();
    }
    if (found.isEmpty()) {
      throw new RuncException(
          "the Wasm entrypoint "
              + entry
              + " is not a file in the container (rootfs "
              + config.rootfs()
              + ")");
    }
    return found;
  }

  /** Returns the host file that the container's path (or command name) {@code entry} is. */
  static Optional<Path> find(BundleConfig config, String entry) {
    GuestPaths paths = GuestPaths.of(config);
    if (entry.contains("/")) {
      String guest = entry.startsWith("/") ? entry : join(config.cwd(), entry);
      return paths.file(guest);
    }
    for (String dir : searchPath(config.env())) {
      Optional<Path> p = paths.file(join(dir, entry));
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  private static List<String> searchPath(List<String> env) {
    for (String e : env) {
      if (e.startsWith("PATH=")) {
        return Arrays.asList(e.substring(5).split(":"));
      }
    }
    return List.of("/usr/local/bin", "/usr/bin", "/bin");
  }

  private static String join(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  private static boolean startsWithMagic(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(4), MAGIC);
    } catch (IOException e) {
      return false;
    }
  }
}

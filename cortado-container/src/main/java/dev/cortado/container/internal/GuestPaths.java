package dev.cortado.container.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Paths as a container sees them, mapped to the host: through the bind mount with the longest
 * destination that holds the path, else in the rootfs. A link that leads out of its mount or rootfs
 * finds nothing, so a bundle cannot make the runtime read a host file by name.
 */
final class GuestPaths {
  private record Root(String guest, Path host) {}

  private final List<Root> roots;

  private GuestPaths(List<Root> roots) {
    this.roots = roots;
  }

  static GuestPaths of(BundleConfig config) {
    List<Root> roots = new ArrayList<>();
    for (BundleConfig.Mount m : config.mounts()) {
      if (m.isBind() && !m.source().isEmpty()) {
        roots.add(new Root(normal(m.destination()), Path.of(m.source())));
      }
    }
    roots.add(new Root("/", config.rootfs()));
    // Longest destination first; among equals, the later mount (it is mounted over the earlier).
    List<Root> ordered = new ArrayList<>();
    for (int i = roots.size() - 1; i >= 0; i--) {
      ordered.add(roots.get(i));
    }
    ordered.sort((a, b) -> Integer.compare(b.guest().length(), a.guest().length()));
    return new GuestPaths(ordered);
  }

  /** Returns the host file for the absolute guest path, if it is a regular file. */
  Optional<Path> file(String guestPath) {
    String path = normal(guestPath);
    for (Root r : roots) {
      if (!within(path, r.guest())) {
        continue;
      }
      String rest = r.guest().equals("/") ? path.substring(1) : path.substring(r.guest().length());
      rest = rest.startsWith("/") ? rest.substring(1) : rest;
      Path host = rest.isEmpty() ? r.host() : r.host().resolve(rest);
      try {
        Path real = host.toRealPath();
        Path base = r.host().toRealPath();
        if (real.startsWith(base) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
          return Optional.of(real);
        }
      } catch (IOException missing) {
        // not there: a mount hides whatever lies below it in the rootfs, so look no further
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean within(String path, String dir) {
    return dir.equals("/") || path.equals(dir) || path.startsWith(dir + "/");
  }

  /** Removes doubled and trailing slashes and resolves {@code .} and {@code ..} lexically. */
  static String normal(String path) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(p);
      }
    }
    return "/" + String.join("/", parts);
  }
}

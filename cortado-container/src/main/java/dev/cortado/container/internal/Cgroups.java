package dev.cortado.container.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * Puts a container's init process in its cgroup ({@code linux.cgroupsPath}) through the cgroup file
 * system, as runc's cgroupfs driver does, so that containerd's metrics and limits see it; and
 * applies the memory limit there. cgroup v2 (one hierarchy with {@code cgroup.controllers}) and v1
 * (one hierarchy per controller folder) are both handled. Where cgroups cannot be written (no
 * permission, read-only, not mounted) the process stays in the runtime's cgroup and the log says
 * so: the container still runs, with the JVM's own memory limit.
 */
public final class Cgroups {
  private final Path mount;

  private Cgroups(Path mount) {
    this.mount = mount;
  }

  /** The cgroup file system mounted at {@code mount} (usually {@code /sys/fs/cgroup}). */
  public static Cgroups at(Path mount) {
    return new Cgroups(mount);
  }

  /**
   * The cgroup path relative to a hierarchy's root: {@code /a/b} as it is; systemd's {@code
   * slice:prefix:name} as the folders systemd makes ({@code a-b.slice} lives in {@code a.slice}).
   */
  static String relativePath(String cgroupsPath) {
    String[] parts = cgroupsPath.split(":", -1);
    if (parts.length == 3 && !cgroupsPath.startsWith("/")) {
      String slice = parts[0].isEmpty() ? "system.slice" : parts[0];
      StringBuilder path = new StringBuilder();
      String base = slice.substring(0, slice.length() - ".slice".length());
      if (slice.endsWith(".slice") && !slice.equals("-.slice")) {
        String[] words = base.split("-");
        String prefix = "";
        for (String w : words) {
          prefix = prefix.isEmpty() ? w : prefix + "-" + w;
          path.append('/').append(prefix).append(".slice");
        }
      } else {
        path.append('/').append(slice);
      }
      String unit = parts[1].isEmpty() ? parts[2] : parts[1] + "-" + parts[2];
      return path.substring(1)
          + "/"
          + (unit.endsWith(".scope") || unit.endsWith(".slice") ? unit : unit + ".scope");
    }
    return GuestPaths.normal(cgroupsPath).substring(1);
  }

  /**
   * Moves {@code pid} into {@code cgroupsPath} in every hierarchy and applies {@code memoryLimit};
   * returns the folders it created (for {@link #remove}). Failures are logged and end the attempt.
   */
  public List<String> join(String cgroupsPath, long pid, OptionalLong memoryLimit, RuncLog log) {
    List<String> created = new ArrayList<>();
    if (cgroupsPath.isEmpty()) {
      return created;
    }
    String relative = relativePath(cgroupsPath);
    List<Path> hierarchies;
    try {
      hierarchies = hierarchies();
    } catch (IOException e) {
      hierarchies = List.of();
    }
    if (hierarchies.isEmpty()) {
      log.warn("cgroups: none mounted at " + mount + "; the container stays in the runtime's");
      return created;
    }
    boolean v2 = Files.exists(mount.resolve("cgroup.controllers"));
    for (Path hierarchy : hierarchies) {
      Path dir = hierarchy.resolve(relative);
      try {
        String name = hierarchy.getFileName() == null ? "" : hierarchy.getFileName().toString();
        for (Path made : makeDirectories(hierarchy, dir)) {
          created.add(made.toString());
        }
        if (name.equals("cpuset")) {
          Path level = hierarchy;
          for (Path part : hierarchy.relativize(dir)) {
            level = level.resolve(part);
            inheritCpuset(level);
          }
        }
        if (memoryLimit.isPresent() && (v2 || name.equals("memory"))) {
          String file = v2 ? "memory.max" : "memory.limit_in_bytes";
          Files.writeString(dir.resolve(file), Long.toString(memoryLimit.getAsLong()));
        }
        Files.writeString(dir.resolve("cgroup.procs"), Long.toString(pid));
      } catch (IOException | RuntimeException e) {
        log.warn(
            "cgroups: cannot use "
                + dir
                + " ("
                + e.getMessage()
                + "); the container stays in the runtime's cgroup there");
      }
    }
    return created;
  }

  /**
   * A new v1 cpuset cgroup starts with no cpus and no memory nodes, and takes no process until it
   * has some: each folder on the way that has none gets its parent's, as runc gives them.
   */
  private static void inheritCpuset(Path dir) throws IOException {
    for (String file : List.of("cpuset.cpus", "cpuset.mems")) {
      Path own = dir.resolve(file);
      Path parent = dir.getParent().resolve(file);
      if (Files.exists(own) && Files.readString(own).isBlank() && Files.exists(parent)) {
        Files.writeString(own, Files.readString(parent).strip());
      }
    }
  }

  /** Removes the folders {@link #join} created, deepest first; a busy one is logged and left. */
  public static void remove(List<String> created, RuncLog log) {
    List<String> order = new ArrayList<>(created);
    Collections.reverse(order);
    for (String d : order) {
      try {
        Files.deleteIfExists(Path.of(d));
      } catch (IOException e) {
        log.warn("cgroups: cannot remove " + d + ": " + e.getMessage());
      }
    }
  }

  /** The hierarchies: the mount itself for v2, else each controller folder (links skipped). */
  private List<Path> hierarchies() throws IOException {
    List<Path> out = new ArrayList<>();
    if (Files.exists(mount.resolve("cgroup.controllers"))) {
      out.add(mount);
      return out;
    }
    if (!Files.isDirectory(mount)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(mount)) {
      for (Path p : s) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
            && Files.exists(p.resolve("cgroup.procs"))) {
          out.add(p);
        }
      }
    }
    Collections.sort(out);
    return out;
  }

  /**
   * Makes the missing folders from {@code hierarchy} down to {@code dir}; returns them, top first.
   */
  private static List<Path> makeDirectories(Path hierarchy, Path dir) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir; p != null && !p.equals(hierarchy) && !Files.exists(p); p = p.getParent()) {
      missing.add(p);
    }
    Collections.reverse(missing);
    for (Path p : missing) {
      Files.createDirectory(p);
    }
    return missing;
  }
}

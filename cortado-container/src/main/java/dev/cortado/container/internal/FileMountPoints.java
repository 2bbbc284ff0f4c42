package dev.cortado.container.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where a bind mount of a single file appears in a Wasm container's rootfs. runc mounts it at its
 * destination with the rootfs' symbolic links followed and kept inside the rootfs (securejoin), and
 * first creates what is missing there: directories, then an empty file. This does the same, so that
 * a listing shows the mount point and a path through a link reaches the file, and gives the literal
 * destination too: the WASI sandbox refuses absolute links, which images use (an {@code
 * /etc/resolv.conf} leading to {@code /run/...}), so the mount also covers the link itself.
 */
final class FileMountPoints {
  /** The most symbolic links one destination expands (Linux's MAXSYMLINKS). */
  private static final int MAX_LINKS = 40;

  private FileMountPoints() {}

  /**
   * Returns the paths in {@code rootfs} where the file mounted at {@code destination} (relative,
   * normal: no {@code .}, {@code ..} or empty component) shows: {@code destination}, then the path
   * its links lead to if that differs; creates the mount point where it is missing. A destination
   * that cannot be prepared (a file where a directory must be, too many links) keeps its literal
   * path only, with a log line.
   */
  static List<String> prepare(Path rootfs, String destination, RuncLog log) {
    List<String> paths = new ArrayList<>(List.of(destination));
    try {
      String resolved = resolve(rootfs, destination);
      if (!resolved.equals(destination) && !resolved.isEmpty()) {
        paths.add(resolved);
      }
    } catch (IOException e) {
      log.info(
          "mount /"
              + destination
              + ": no mount point in the rootfs ("
              + e.getMessage()
              + "); the file is reached by its own path only");
    }
    return paths;
  }

  /**
   * Walks {@code destination} in {@code rootfs} from component to component: links followed, an
   * absolute one from the rootfs, {@code ..} never above it; missing directories and the final file
   * created. Only the rootfs is written, before the container starts, so nothing changes the walk
   * under it; no path with a link in it is ever handed to the host.
   */
  private static String resolve(Path rootfs, String destination) throws IOException {
    Deque<String> todo = new ArrayDeque<>(List.of(destination.split("/")));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String c = todo.pollFirst();
      if (c.isEmpty() || c.equals(".")) {
        continue;
      } else if (c.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      Path here = done.isEmpty() ? rootfs : rootfs.resolve(String.join("/", done));
      Path p = here.resolve(c);
      boolean last = todo.isEmpty();
      BasicFileAttributes a = attributes(p);
      if (a == null) {
        if (last) {
          Files.createFile(p);
        } else {
          Files.createDirectory(p);
        }
      } else if (a.isSymbolicLink()) {
        if (++links > MAX_LINKS) {
          throw new IOException("more than " + MAX_LINKS + " symbolic links");
        }
        String text = Files.readSymbolicLink(p).toString();
        if (text.startsWith("/")) {
          done.clear();
        }
        String[] parts = text.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
          todo.addFirst(parts[i]);
        }
        continue;
      } else if (!last && !a.isDirectory()) {
        throw new IOException("/" + String.join("/", done) + "/" + c + " is not a directory");
      } else if (last && a.isDirectory()) {
        throw new IOException("/" + String.join("/", done) + "/" + c + " is a directory");
      }
      done.add(c);
    }
    return String.join("/", done);
  }

  private static BasicFileAttributes attributes(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }
}

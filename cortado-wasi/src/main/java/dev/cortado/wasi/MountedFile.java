package dev.cortado.wasi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A single host file shown inside a preopened directory, as a bind mount of a file shows it on
 * Linux (a container's {@code /etc/hosts}): the guest reaches it at {@code path}, whatever the
 * directory holds there, and cannot remove, rename or replace it ({@code BUSY}).
 *
 * <p>The mount is matched where the guest's walk arrives, so a path that reaches the same place
 * through {@code ..} or a symbolic link sees it too. Listings show the entry only if the directory
 * has one of that name (a mount point), as on Linux, where the mount point must exist.
 *
 * @param path where the file appears, relative to the preopened directory: components separated by
 *     {@code /}, for example {@code "etc/hosts"}; no {@code .}, {@code ..} or empty component
 * @param hostFile the file on the host (a symbolic link is followed once, when the preopen opens)
 * @param readOnly whether the guest may only read it
 */
public record MountedFile(String path, Path hostFile, boolean readOnly) {
  /** Checks the path is relative and plain. */
  public MountedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(hostFile, "hostFile");
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException(
          "a mounted file's path must be relative and name a file: \"" + path + "\"");
    }
    for (String c : path.split("/", -1)) {
      if (c.isEmpty() || c.equals(".") || c.equals("..") || c.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(
            "a mounted file's path must not hold empty, \".\" or \"..\" components: \""
                + path
                + "\"");
      }
    }
  }
}

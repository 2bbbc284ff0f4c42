package dev.cortado.wasi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory the program may use, under a guest path. The program reaches nothing outside its
 * preopens: not through {@code ..}, absolute paths or symbolic links.
 *
 * @param hostPath the directory on the host
 * @param guestPath the name the program sees, for example {@code "/data"} or {@code "."}
 * @param readOnly whether the program may only read (no creating, writing, renaming, deleting)
 */
public record Preopen(Path hostPath, String guestPath, boolean readOnly) {
  /** Checks every part is present. */
  public Preopen {
    Objects.requireNonNull(hostPath, "hostPath");
    Objects.requireNonNull(guestPath, "guestPath");
    if (guestPath.isEmpty()) {
      throw new IllegalArgumentException("the guest path must not be empty");
    }
  }

  /** Returns a read-write preopen of {@code hostPath} as {@code guestPath}. */
  public static Preopen of(Path hostPath, String guestPath) {
    return new Preopen(hostPath, guestPath, false);
  }

  /** Returns a read-only preopen of {@code hostPath} as {@code guestPath}. */
  public static Preopen readOnly(Path hostPath, String guestPath) {
    return new Preopen(hostPath, guestPath, true);
  }
}

package dev.cortado.wasi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A host directory the program may use, under a guest path. The program reaches nothing outside its
 * preopens: not through {@code ..}, absolute paths or symbolic links, except the single host files
 * mounted inside it ({@link #withFile}).
 *
 * @param hostPath the directory on the host
 * @param guestPath the name the program sees, for example {@code "/data"} or {@code "."}
 * @param readOnly whether the program may only read (no creating, writing, renaming, deleting)
 * @param files host files shown inside the directory, each at its own path
 */
public record Preopen(Path hostPath, String guestPath, boolean readOnly, List<MountedFile> files) {
  /** Checks every part is present and no two files are mounted at one path. */
  public Preopen {
    Objects.requireNonNull(hostPath, "hostPath");
    Objects.requireNonNull(guestPath, "guestPath");
    if (guestPath.isEmpty()) {
      throw new IllegalArgumentException("the guest path must not be empty");
    }
    files = List.copyOf(files);
    for (int i = 0; i < files.size(); i++) {
      for (int j = 0; j < i; j++) {
        String a = files.get(i).path();
        String b = files.get(j).path();
        if (a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/")) {
          throw new IllegalArgumentException(
              "files mounted at " + b + " and " + a + " in " + guestPath + " overlap");
        }
      }
    }
  }

  /** A preopen with no mounted files. */
  public Preopen(Path hostPath, String guestPath, boolean readOnly) {
    this(hostPath, guestPath, readOnly, List.of());
  }

  /** Returns a read-write preopen of {@code hostPath} as {@code guestPath}. */
  public static Preopen of(Path hostPath, String guestPath) {
    return new Preopen(hostPath, guestPath, false);
  }

  /** Returns a read-only preopen of {@code hostPath} as {@code guestPath}. */
  public static Preopen readOnly(Path hostPath, String guestPath) {
    return new Preopen(hostPath, guestPath, true);
  }

  /**
   * Returns this preopen with {@code file} mounted in it too.
   *
   * @throws IllegalArgumentException if it overlaps a file mounted already
   */
  public Preopen withFile(MountedFile file) {
    List<MountedFile> more = new ArrayList<>(files);
    more.add(Objects.requireNonNull(file, "file"));
    return new Preopen(hostPath, guestPath, readOnly, more);
  }
}

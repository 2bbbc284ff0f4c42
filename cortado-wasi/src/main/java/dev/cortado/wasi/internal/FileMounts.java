package dev.cortado.wasi.internal;

import dev.cortado.wasi.MountedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host files mounted in one preopened directory ({@link MountedFile}), by their path in it.
 * Every {@link HostDir} reached from the preopen knows its own path there, so {@link Sandbox} can
 * ask, at each step of a walk, whether a mount covers the entry it arrives at.
 */
final class FileMounts {
  /** No mounted file. */
  static final FileMounts NONE = new FileMounts(Map.of(), Set.of());

  /**
   * A mounted file.
   *
   * @param hostFile the host file, its real path (the last component is the file itself)
   * @param readOnly whether the guest may only read it
   * @param path its path in the preopen, as the guest sees it
   */
  record Mount(Path hostFile, boolean readOnly, String path) {}

  private final Map<String, Mount> byPath;
  private final Set<String> holders;
  private final long rights;

  private FileMounts(Map<String, Mount> byPath, Set<String> holders) {
    this.byPath = byPath;
    this.holders = holders;
    long r = 0;
    for (Mount m : byPath.values()) {
      r |= m.readOnly() ? Abi.RIGHTS_FILE & ~Abi.RIGHTS_WRITING : Abi.RIGHTS_FILE;
    }
    this.rights = r;
  }

  /** Returns the rights a mounted file may have: writing ones if one is writable; 0 if none. */
  long rights() {
    return rights;
  }

  /**
   * Resolves {@code files}' host paths now, so that what the guest reaches cannot change later.
   *
   * @throws IllegalArgumentException if a host file does not exist or is a directory
   */
  static FileMounts of(List<MountedFile> files) {
    if (files.isEmpty()) {
      return NONE;
    }
    Map<String, Mount> byPath = new HashMap<>();
    Set<String> holders = new HashSet<>();
    for (MountedFile f : files) {
      Path real;
      try {
        real = f.hostFile().toRealPath();
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("mounted file " + f.hostFile() + " does not exist", e);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "mounted file " + f.hostFile() + " cannot be reached: " + e.getMessage(), e);
      }
      if (Files.isDirectory(real)) {
        throw new IllegalArgumentException(
            "mounted file " + f.hostFile() + " is a directory (preopen it instead)");
      }
      byPath.put(f.path(), new Mount(real, f.readOnly(), f.path()));
      for (int slash = f.path().indexOf('/');
          slash >= 0;
          slash = f.path().indexOf('/', slash + 1)) {
        holders.add(f.path().substring(0, slash));
      }
    }
    return new FileMounts(Map.copyOf(byPath), Set.copyOf(holders));
  }

  /** Returns whether nothing is mounted. */
  boolean isEmpty() {
    return byPath.isEmpty();
  }

  /** Returns the file mounted at {@code path}, or null. */
  Mount at(String path) {
    return byPath.get(path);
  }

  /** Returns whether {@code path} is a directory on the way to a mounted file. */
  boolean holds(String path) {
    return holders.contains(path);
  }

  /** Returns the path of entry {@code name} of the directory at {@code where} ("" for the top). */
  static String child(String where, String name) {
    return where.isEmpty() ? name : where + "/" + name;
  }
}

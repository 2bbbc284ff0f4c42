package dev.cortado.oci.internal;

import dev.cortado.wasm.internal.TempFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that readers see the old content or the new, never a part: a temporary file in
 * the same folder, then a rename over the target.
 */
public final class AtomicFiles {
  /** The prefix of temporary files; nothing else in Cortado's folders starts with it. */
  public static final String TEMP_PREFIX = ".tmp-";

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private AtomicFiles() {}

  /** Creates {@code dir} and its parents; {@code ownerOnly} makes new ones {@code rwx------}. */
  public static void createDirectories(Path dir, boolean ownerOnly) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (ownerOnly && POSIX) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  /**
   * Creates an empty temporary file beside {@code target}; {@code ownerOnly} makes it {@code
   * rw-------} from the start, so a secret is never readable by others, not even briefly.
   */
  public static Path createTemp(Path target, boolean ownerOnly) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (!(ownerOnly && POSIX)) {
      return TempFiles.create(dir, TEMP_PREFIX, ".part");
    }
    FileAttribute<?> owner =
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    return Files.createTempFile(dir, TEMP_PREFIX, ".part", owner);
  }

  /** Renames {@code temp} over {@code target} atomically (the two are in the same folder). */
  public static void moveInto(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Writes {@code bytes} to {@code target} atomically. */
  public static void write(Path target, byte[] bytes, boolean ownerOnly) throws IOException {
    createDirectories(target.toAbsolutePath().getParent(), ownerOnly);
    Path temp = createTemp(target, ownerOnly);
    try {
      Files.write(temp, bytes);
      moveInto(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}

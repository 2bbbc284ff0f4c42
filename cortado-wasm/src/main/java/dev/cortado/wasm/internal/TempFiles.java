package dev.cortado.wasm.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Temporary files that become a user's files when renamed into place (a jar written with {@code
 * -o}, a blob of the local store). {@link Files#createTempFile} makes them {@code rw-------} on
 * POSIX whatever the umask, so a file written through it stays unreadable to everyone else; these
 * get what the umask gives any new file, as {@code cp} or a compiler's output would.
 */
public final class TempFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TempFiles() {}

  /**
   * Creates a new empty file in {@code folder}, named {@code prefix}, a random part and {@code
   * suffix}, with the default permissions of a new file.
   */
  public static Path create(Path folder, String prefix, String suffix) throws IOException {
    while (true) {
      Path p = folder.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
      try {
        return Files.createFile(p);
      } catch (FileAlreadyExistsException e) {
        // Another writer drew the same name: draw again.
      }
    }
  }
}

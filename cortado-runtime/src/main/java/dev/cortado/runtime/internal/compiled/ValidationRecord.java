package dev.cortado.runtime.internal.compiled;

import dev.cortado.wasm.internal.KnownValid;
import dev.cortado.wasm.internal.LazyLogger;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The code cache's record of binaries this build has fully decoded and validated: an empty file
 * {@code <cache>/validated/<sha256>-<build>}, named by the binary's own SHA-256 and a {@link
 * TextChecksum} of the Cortado version and a checksum of the decoder's and validator's class files
 * ({@link KnownValid#frontEndDigest}). A binary with a record is decoded and validated lazily
 * ({@link KnownValid}). Whoever can write the cache folder can already place compiled code there,
 * so a record is trusted as much as an entry.
 */
public final class ValidationRecord {
  private static final System.Logger LOG = LazyLogger.of(ValidationRecord.class);

  private ValidationRecord() {}

  /**
   * Returns whether the binary with SHA-256 {@code sha256} was recorded as valid in {@code cache}.
   */
  public static boolean has(Path cache, String sha256) {
    return Files.exists(file(cache, sha256));
  }

  /** Records that the binary with SHA-256 {@code sha256} is valid; a failure only costs speed. */
  public static void add(Path cache, String sha256) {
    Path f = file(cache, sha256);
    try {
      Files.createDirectories(f.getParent());
      Files.createFile(f);
    } catch (FileAlreadyExistsException e) {
      // Another process recorded it first.
    } catch (IOException | UnsupportedOperationException e) {
      LOG.log(Level.DEBUG, "cannot record a validated module in " + cache, e);
    }
  }

  private static Path file(Path cache, String sha256) {
    // The binary's own SHA-256 binds the record to it; the build's part is ours (TextChecksum).
    String build = TextChecksum.hex(CodeVersion.CORTADO + "\n" + KnownValid.frontEndDigest());
    return cache.resolve("validated").resolve(sha256 + "-" + build);
  }
}

package dev.cortado.runtime.internal.compiled;

import dev.cortado.wasm.internal.KnownValid;
import dev.cortado.wasm.internal.LazyLogger;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The code cache's record of binaries this build has fully decoded and validated: an empty file
 * {@code <cache>/validated/<key>} whose name is a SHA-256 over the binary's own SHA-256, the
 * Cortado version and a digest of the decoder's and validator's class files. A binary with a record
 * is decoded and validated lazily ({@link KnownValid}). Whoever can write the cache folder can
 * already place compiled code there, so a record is trusted as much as an entry.
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
    try {
      MessageDigest key = MessageDigest.getInstance("SHA-256");
      String text = sha256 + "\n" + CodeVersion.CORTADO + "\n" + KnownValid.frontEndDigest();
      return cache
          .resolve("validated")
          .resolve(HexFormat.of().formatHex(key.digest(text.getBytes(StandardCharsets.UTF_8))));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

package dev.cortado.runtime.internal.compiled;

import dev.cortado.wasm.internal.FileStamp;
import dev.cortado.wasm.internal.LazyLogger;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The code cache's memory of module files' SHA-256s, so that a big module read again from an
 * unchanged file is not hashed again: with a cold JIT, hashing a 48 MB module takes 0.15–0.25 s of
 * a core (the hash intrinsic arrives only with C2), longer than decoding it.
 *
 * <p>A memo is a file {@code <cache>/digests/<key>}, the key a {@link TextChecksum} of the file's
 * path, device and inode, holding the file's {@link FileStamp} and its SHA-256. It is used only
 * when the file's stamp is the same now. Like git's index, it is recorded only for a file whose
 * last change is at least {@link #SETTLED} older than the clock: a write in the same clock tick as
 * the one hashed would otherwise leave the stamp unchanged. Whoever can write the cache folder can
 * already place compiled code there, so a memo is trusted as much as an entry.
 */
public final class DigestMemo {
  private static final System.Logger LOG = LazyLogger.of(DigestMemo.class);

  /** How long a file must have stayed unchanged before its digest is remembered. */
  static final long SETTLED = TimeUnit.SECONDS.toNanos(2);

  private static final String HEADER = "cortado-digest-memo 1";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private DigestMemo() {}

  /** Returns the remembered SHA-256 of the file stamped {@code stamp}, if it has not changed. */
  public static Optional<String> find(Path cache, FileStamp stamp) {
    Path memo = file(cache, stamp);
    try {
      String[] lines = Files.readString(memo, StandardCharsets.UTF_8).split("\n", -1);
      if (lines.length == 4
          && lines[0].equals(HEADER)
          && lines[1].equals(describe(stamp))
          && SHA256.matcher(lines[2]).matches()
          && lines[3].isEmpty()) {
        return Optional.of(lines[2]);
      }
    } catch (IOException | RuntimeException e) {
      // No memo, or one that is damaged: the module is hashed.
    }
    return Optional.empty();
  }

  /**
   * Remembers {@code sha256} as the digest of the file stamped {@code stamp}, unless the file
   * changed less than {@link #SETTLED} before {@code nowNanos} (nanoseconds since the epoch); a
   * failure only costs speed.
   */
  public static void record(Path cache, FileStamp stamp, String sha256, long nowNanos) {
    if (nowNanos - Math.max(stamp.changed(), stamp.modified()) < SETTLED
        || !SHA256.matcher(sha256).matches()) {
      return;
    }
    Path memo = file(cache, stamp);
    try {
      Files.createDirectories(memo.getParent());
      Path partial = Files.createTempFile(memo.getParent(), "memo", ".partial");
      try {
        Files.writeString(partial, HEADER + "\n" + describe(stamp) + "\n" + sha256 + "\n");
        Files.move(partial, memo, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException | UnsupportedOperationException e) {
      LOG.log(Level.DEBUG, "cannot remember a module's digest in " + cache, e);
    }
  }

  /** Returns the current time in nanoseconds since the epoch, the clock file times use. */
  public static long now() {
    java.time.Instant t = java.time.Instant.now();
    return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
  }

  private static String describe(FileStamp s) {
    return s.device() + " " + s.inode() + " " + s.size() + " " + s.modified() + " " + s.changed();
  }

  private static Path file(Path cache, FileStamp stamp) {
    // Named by a checksum, not a SHA-256, of the file's identity: another file whose name collides
    // finds the stamp inside not its own, and hashes (see TextChecksum).
    String text = stamp.path() + "\n" + stamp.device() + "\n" + stamp.inode();
    return cache.resolve("digests").resolve(TextChecksum.hex(text));
  }
}

package dev.cortado.compiler.internal;

import dev.cortado.wasm.internal.LazyLogger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The on-disk code cache: one file per {@link CacheKey} ({@code <key hex>.classes} in the cache
 * folder) in {@link CacheEntryFormat}. Entries are written to a temporary file in the same folder
 * and moved into place atomically, so readers (other threads, other processes) only ever see
 * complete entries; two writers of one key each move a complete entry, and the last wins. Reading
 * never fails a compilation: a missing, damaged or foreign entry is a miss, and the caller then
 * rebuilds it. Writing never fails one either: a folder that cannot be written is logged and
 * skipped.
 */
final class CodeCache {
  private static final System.Logger LOG = LazyLogger.of(CodeCache.class);
  static final String SUFFIX = ".classes";

  /** How old a temporary file must be to count as abandoned by its writer. */
  static final Duration ABANDONED = Duration.ofHours(1);

  private final Path folder;

  CodeCache(Path folder) {
    this.folder = folder;
  }

  /** Returns the file of the entry for {@code key}. */
  Path entryFile(CacheKey key) {
    return folder.resolve(key.hex() + SUFFIX);
  }

  /** Returns the classes cached for {@code key}; empty if there are none that can be trusted. */
  Optional<ModuleClasses> load(CacheKey key) {
    Path file = entryFile(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | OutOfMemoryError | SecurityException e) {
      LOG.log(Level.WARNING, "cannot read code cache entry {0}: {1}", file, e.toString());
      return Optional.empty();
    }
    CacheEntryFormat.Result r = CacheEntryFormat.read(key, bytes);
    if (r.classes().isEmpty()) {
      CacheStats.REJECTED.incrementAndGet();
      LOG.log(
          Level.WARNING,
          "code cache entry {0} is not usable ({1}); rebuilding it",
          file,
          r.problem());
      return Optional.empty();
    }
    // Counted, not logged: a log call, even one at debug level that prints nothing, starts the
    // logging backend, about 30 ms of every run that finds its code here (see LazyLogger).
    CacheStats.HITS.incrementAndGet();
    return r.classes();
  }

  /**
   * Stores {@code classes} under {@code key}, logging instead of failing when the cache cannot be
   * written; returns the entry's file when it was written.
   */
  Optional<Path> storeQuietly(CacheKey key, ModuleClasses classes) {
    try {
      return Optional.of(store(key, classes));
    } catch (IOException | UncheckedIOException | SecurityException e) {
      CacheStats.WRITE_FAILURES.incrementAndGet();
      LOG.log(
          Level.WARNING,
          "cannot write to the code cache {0} ({1}); going on without caching",
          folder,
          e.toString());
      return Optional.empty();
    }
  }

  /** Stores {@code classes} under {@code key} and returns the entry's file. */
  Path store(CacheKey key, ModuleClasses classes) throws IOException {
    byte[] entry = CacheEntryFormat.write(key, classes);
    Files.createDirectories(folder);
    Path target = entryFile(key);
    Path temp = Files.createTempFile(folder, ".tmp-" + key.hex().substring(0, 16) + "-", SUFFIX);
    try {
      Files.write(temp, entry);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Same folder, so only exotic file systems get here; readers verify the checksum anyway.
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    CacheStats.WRITES.incrementAndGet();
    sweepAbandonedTemporaries();
    return target;
  }

  /**
   * Deletes temporary files that writers killed mid-write left behind: those older than {@link
   * #ABANDONED}, which no live writer still needs. Best effort, on writes only (a miss costs far
   * more than listing the folder).
   */
  private void sweepAbandonedTemporaries() {
    Instant before = Instant.now().minus(ABANDONED);
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, ".tmp-*" + SUFFIX)) {
      for (Path t : temps) {
        try {
          if (Files.getLastModifiedTime(t).toInstant().isBefore(before)) {
            Files.deleteIfExists(t);
          }
        } catch (IOException e) {
          // Another process swept it, or it cannot be removed: either way not ours to fail on.
        }
      }
    } catch (IOException | DirectoryIteratorException e) {
      LOG.log(Level.DEBUG, "cannot sweep {0}: {1}", folder, e.toString());
    }
  }
}

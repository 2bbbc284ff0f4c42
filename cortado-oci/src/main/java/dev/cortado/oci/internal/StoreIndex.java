package dev.cortado.oci.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The store's {@code index.json} (reference → manifest digest and facts). Readers see one whole
 * version or the next (each update renames a new file over the old); updates are serialized across
 * processes by an OS lock on {@code index.lock} and across threads of one JVM by a lock per file
 * (the OS lock belongs to the whole process).
 */
public final class StoreIndex {
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  private final Path lockFile;

  /** Returns the index in {@code root}. */
  public StoreIndex(Path root) {
    this.file = root.resolve("index.json");
    this.lockFile = root.resolve("index.lock");
  }

  /** Returns the current content ({@code {"images":{...}}}). */
  public ObjectNode read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Json.object();
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, file + ": cannot read: " + e, e);
    }
    try {
      return (ObjectNode) Json.parse(bytes, Kind.LOCAL_IO, file.toString());
    } catch (OciException e) {
      // Written only by this class, atomically: damaged by hand or by the disk. Say the way out.
      throw new OciException(
          Kind.LOCAL_IO,
          e.getMessage()
              + "; move it aside to start an empty index (the stored modules stay, and pulling"
              + " them again lists them)",
          e);
    }
  }

  /** Applies {@code change} to the content under both locks and writes the result atomically. */
  public void update(Consumer<ObjectNode> change) {
    ReentrantLock jvmLock =
        JVM_LOCKS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
    jvmLock.lock();
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      ObjectNode content = read();
      change.accept(content);
      AtomicFiles.write(file, Json.pretty(content), false);
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, file + ": cannot update: " + e, e);
    } finally {
      jvmLock.unlock();
    }
  }
}

package dev.cortado.wasm.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What identifies one version of a file without reading it: its absolute path, device, inode, size,
 * modification and status-change times. Any write to the file changes its status-change time
 * ({@code ctime}), which, unlike the modification time, no user can set back; a file replaced by
 * another has another inode. So as long as the clock does not go back, an unchanged stamp means
 * unchanged contents, the way build tools (Bazel's digest cache, git's index) trust it.
 *
 * @param path the file's absolute, normalized path
 * @param device the device holding the file
 * @param inode the file's inode number
 * @param size its size in bytes
 * @param modified its modification time, in nanoseconds since the epoch
 * @param changed its status-change time, in nanoseconds since the epoch
 */
public record FileStamp(
    String path, long device, long inode, long size, long modified, long changed) {

  /**
   * Returns the stamp of {@code file} now, or empty where the file system does not tell inodes and
   * status-change times (not a Unix file system) or the file cannot be looked at.
   */
  public static Optional<FileStamp> of(Path file) {
    try {
      Map<String, Object> a =
          Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime");
      return Optional.of(
          new FileStamp(
              file.toAbsolutePath().normalize().toString(),
              ((Number) a.get("dev")).longValue(),
              ((Number) a.get("ino")).longValue(),
              ((Number) a.get("size")).longValue(),
              nanos((FileTime) a.get("lastModifiedTime")),
              nanos((FileTime) a.get("ctime"))));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return Optional.empty();
    } catch (ClassCastException | NullPointerException e) {
      return Optional.empty(); // a file system provider that names these attributes otherwise
    }
  }

  // Written out: a record's own equals and hashCode link an invokedynamic call site on first use,
  // which spins method handles, about 20 ms of a cold start that compares a stamp on every run
  // (the class-data-sharing archive keeps classes, not linked call sites).
  @Override
  public boolean equals(Object o) {
    return o instanceof FileStamp s
        && path.equals(s.path)
        && device == s.device
        && inode == s.inode
        && size == s.size
        && modified == s.modified
        && changed == s.changed;
  }

  @Override
  public int hashCode() {
    int h = path.hashCode();
    for (long v : new long[] {device, inode, size, modified, changed}) {
      h = 31 * h + Long.hashCode(v);
    }
    return h;
  }

  private static long nanos(FileTime t) {
    return t.to(TimeUnit.NANOSECONDS);
  }
}

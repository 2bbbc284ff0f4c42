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

  private static long nanos(FileTime t) {
    return t.to(TimeUnit.NANOSECONDS);
  }
}

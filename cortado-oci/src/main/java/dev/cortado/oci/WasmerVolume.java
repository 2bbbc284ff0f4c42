package dev.cortado.oci;

import dev.cortado.oci.internal.wasmer.PackagePaths;
import dev.cortado.oci.internal.wasmer.VolumeExtraction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A named tree of folders and files in a {@link WasmerPackage}. Paths are relative, {@code /}
 * separated, and were checked when the package was read: no empty, {@code .} or {@code ..}
 * components, no absolute paths, no links.
 */
public final class WasmerVolume {
  /**
   * A file of a volume.
   *
   * @param path the file's path in the volume ({@code lib/python.py})
   * @param content the file's bytes, read-only
   */
  public record File(String path, ByteBuffer content) {
    /** Checks that every part is present and keeps a read-only view of the content. */
    public File {
      Objects.requireNonNull(path, "path");
      content = content.asReadOnlyBuffer();
    }

    /** Returns the file's size in bytes. */
    public long size() {
      return content.remaining();
    }

    /** Returns a copy of the file's bytes. */
    public byte[] bytes() {
      byte[] b = new byte[content.remaining()];
      content.duplicate().get(b);
      return b;
    }
  }

  private final String name;
  private final NavigableMap<String, File> files;
  private final NavigableSet<String> directories;

  private WasmerVolume(String name, NavigableMap<String, File> files, NavigableSet<String> dirs) {
    this.name = name;
    this.files = Collections.unmodifiableNavigableMap(files);
    this.directories = Collections.unmodifiableNavigableSet(dirs);
  }

  /**
   * Returns a volume of {@code files} (by path) and {@code directories} (every folder, also the
   * parents of files, which are added when missing).
   *
   * @throws IllegalArgumentException for a path that is not plain and relative (an empty, {@code .}
   *     or {@code ..} component, a leading {@code /}, a backslash or NUL)
   */
  public static WasmerVolume of(
      String name, Map<String, File> files, Iterable<String> directories) {
    NavigableSet<String> dirs = new TreeSet<>();
    directories.forEach(dirs::add);
    dirs.forEach(WasmerVolume::checkPath);
    for (String path : files.keySet()) {
      checkPath(path);
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        dirs.add(path.substring(0, slash));
      }
    }
    return new WasmerVolume(Objects.requireNonNull(name, "name"), new TreeMap<>(files), dirs);
  }

  private static void checkPath(String path) {
    if (!PackagePaths.isPlain(path)) {
      throw new IllegalArgumentException("not a plain relative path: '" + path + "'");
    }
  }

  /** Returns the volume's name ({@code atom}, {@code /public}, ...). */
  public String name() {
    return name;
  }

  /** Returns the files by path, sorted. */
  public NavigableMap<String, File> files() {
    return files;
  }

  /** Returns every folder's path, sorted (the root, {@code ""}, is not listed). */
  public NavigableSet<String> directories() {
    return directories;
  }

  /** Returns the number of files. */
  public int fileCount() {
    return files.size();
  }

  /** Returns the total size of the files in bytes. */
  public long size() {
    long total = 0;
    for (File f : files.values()) {
      total += f.size();
    }
    return total;
  }

  /**
   * Returns the volume's content address: the SHA-256 of its sorted folder paths and of its files'
   * paths with their contents' SHA-256s. Two volumes with the same tree have the same digest,
   * whatever their names or packages.
   */
  public Digest digest() {
    MessageDigest md = Digest.newSha256();
    for (String dir : directories) {
      md.update(("d " + dir + "\n").getBytes(StandardCharsets.UTF_8));
    }
    HexFormat hex = HexFormat.of();
    for (File f : files.values()) {
      MessageDigest content = Digest.newSha256();
      content.update(f.content().duplicate());
      md.update(
          ("f " + f.path() + " " + hex.formatHex(content.digest()) + "\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    return Digest.sha256Of(md);
  }

  /**
   * Writes the volume's tree under {@code cacheRoot}, in a folder named by its {@link #digest()},
   * unless it is there already, and returns that folder. The tree is written into a fresh temporary
   * folder and moved into place whole, so a folder under a digest name is complete; every file is
   * created new, never through an existing name or link.
   *
   * @throws OciException {@link OciException.Kind#LOCAL_IO} when the cache cannot be written
   */
  public Path extract(Path cacheRoot) {
    return VolumeExtraction.extract(this, cacheRoot);
  }

  @Override
  public String toString() {
    return "volume " + name + " (" + files.size() + " files)";
  }
}

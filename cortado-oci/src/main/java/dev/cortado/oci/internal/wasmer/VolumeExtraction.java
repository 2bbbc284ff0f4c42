package dev.cortado.oci.internal.wasmer;

import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.WasmerVolume;
import dev.cortado.oci.internal.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a volume into the cache as {@code <cache>/volumes/<sha256 hex>/}: into a fresh temporary
 * folder first (files created new, folders checked to be folders, never links), then moved into
 * place in one step. A folder under a digest name is therefore always complete; two processes
 * extracting the same volume both succeed, one of them keeping the other's folder.
 */
public final class VolumeExtraction {
  private VolumeExtraction() {}

  /** Writes {@code volume} under {@code cacheRoot} unless it is there; returns its folder. */
  public static Path extract(WasmerVolume volume, Path cacheRoot) {
    Path volumes = cacheRoot.resolve("volumes");
    Path target = volumes.resolve(volume.digest().hex());
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      return target;
    }
    Path temp = null;
    try {
      AtomicFiles.createDirectories(volumes, false);
      temp = Files.createTempDirectory(volumes, AtomicFiles.TEMP_PREFIX);
      Path root = temp.toAbsolutePath().normalize();
      for (String dir : volume.directories()) {
        Files.createDirectories(inside(root, dir));
      }
      for (WasmerVolume.File f : volume.files().values()) {
        Path file = inside(root, f.path());
        Files.createDirectories(file.getParent());
        try (OutputStream out =
            Files.newOutputStream(
                file,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
          Channels.newChannel(out).write(f.content().duplicate());
        }
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException
          | DirectoryNotEmptyException
          | AtomicMoveNotSupportedException e) {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          throw e;
        }
        deleteTree(temp);
      }
      return target;
    } catch (IOException e) {
      if (temp != null) {
        deleteTree(temp);
      }
      throw new OciException(
          Kind.LOCAL_IO,
          "cannot write volume " + volume.name() + " to " + volumes + ": " + e.getMessage(),
          e);
    }
  }

  /** Resolves a checked relative path under {@code root}, and checks once more it stays there. */
  private static Path inside(Path root, String path) throws IOException {
    Path p = root.resolve(path).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IOException("the path '" + path + "' leaves the volume's folder");
    }
    return p;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temporary folder is ignored by every reader; nothing else to do.
    }
  }
}

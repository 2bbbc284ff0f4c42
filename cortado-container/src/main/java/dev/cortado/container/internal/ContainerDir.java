package dev.cortado.container.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * A container's folder under {@code --root}: {@code ROOT/ID}, as runc keeps its own. Ours holds
 * {@value #STATE}; a container handed to another runtime has that runtime's files and our marker
 * {@value #DELEGATE} (naming the runtime), and is removed by that runtime's {@code delete}.
 */
public final class ContainerDir {
  /** Our state file. */
  static final String STATE = "cortado.json";

  /** The marker of a delegated container: its content is the runtime's path. */
  static final String DELEGATE = "cortado-delegate";

  /** runc's rule for container ids. */
  private static final Pattern ID = Pattern.compile("^[\\w+\\-.]+$");

  private final Path root;
  private final String id;

  private ContainerDir(Path root, String id) {
    this.root = root;
    this.id = id;
  }

  /** The folder of container {@code id} under {@code root}; fails for an id runc would refuse. */
  public static ContainerDir of(Path root, String id) {
    if (!isValidId(id)) {
      throw new RuncException(
          "invalid container id \"" + id + "\" (letters, digits and + - _ . only)");
    }
    return new ContainerDir(root, id);
  }

  /** Whether runc would accept {@code id} as a container id. */
  public static boolean isValidId(String id) {
    return ID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
  }

  /** The container id. */
  public String id() {
    return id;
  }

  /** The folder. */
  public Path path() {
    return root.resolve(id);
  }

  /** Our state file. */
  public Path state() {
    return path().resolve(STATE);
  }

  /** What the init process reads: the module, its arguments, preopens and limits. */
  public Path launchPlan() {
    return path().resolve("launch.json");
  }

  /** The fifo the init process waits on until {@code start} opens it (runc's exec fifo). */
  public Path execFifo() {
    return path().resolve("exec.fifo");
  }

  /** Where the init process writes its pid first thing (it is started through a fork). */
  public Path initPid() {
    return path().resolve("init.pid");
  }

  /** Where the init process says it is ready ({@code ready}) or why it cannot run. */
  public Path initStatus() {
    return path().resolve("init.status");
  }

  /** The delegation marker. */
  public Path delegateMarker() {
    return path().resolve(DELEGATE);
  }

  /** Whether this is a Wasm container of ours. */
  public boolean isOurs() {
    return Files.isRegularFile(state());
  }

  /** Whether this container was handed to another runtime. */
  public boolean isDelegated() {
    return Files.isRegularFile(delegateMarker());
  }

  /** Removes the folder and everything in it. */
  public void remove() {
    Path dir = path();
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new RuncException("cannot remove " + dir + ": " + e.getMessage());
    }
  }
}

package dev.cortado.container.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the init process runs, decided by {@code create} from the bundle and written beside the
 * container's state ({@code launch.json}): the module on the host, the guest's arguments and
 * environment, its preopened directories and its memory limit.
 *
 * @param module the module file on the host
 * @param args the guest's arguments ({@code process.args}; the first is its own name)
 * @param env the guest's environment
 * @param preopens the directories the guest sees: the rootfs as {@code /}, then bind mounts of
 *     directories; bind mounts of single files are among the files of the directory holding them
 * @param maxMemoryPages the guest's memory limit in 64 KiB pages, 0 for the runtime's default
 */
public record LaunchPlan(
    String module,
    List<String> args,
    Map<String, String> env,
    List<Dir> preopens,
    int maxMemoryPages) {

  /**
   * A preopened directory.
   *
   * @param host the host directory
   * @param guest the path the guest sees
   * @param readOnly whether the guest may only read
   * @param files the host files mounted in it
   */
  public record Dir(String host, String guest, boolean readOnly, List<File> files) {
    /** Copies the files; a plan written before files were mounted has none. */
    public Dir {
      files = files == null ? List.of() : List.copyOf(files);
    }

    /** A directory with no mounted files. */
    public Dir(String host, String guest, boolean readOnly) {
      this(host, guest, readOnly, List.of());
    }
  }

  /**
   * A host file mounted in a preopened directory.
   *
   * @param path where it shows, relative to the directory
   * @param host the host file
   * @param readOnly whether the guest may only read it
   */
  public record File(String path, String host, boolean readOnly) {}

  /**
   * Returns the plan for {@code config}'s Wasm container running {@code module}: the rootfs as
   * {@code /} (read-only when {@code root.readonly}), every bind mount of a directory at its
   * destination (read-only with option {@code ro}), every bind mount of a single file (a Kubernetes
   * pod's {@code /etc/hosts}) in the directory holding its destination, its mount point made in the
   * rootfs as runc makes it ({@link FileMountPoints}); other mounts ({@code proc}, {@code tmpfs})
   * have no WASI equivalent and are left out, each with a log line. WASI preview1 has no working
   * directory: a program starts in {@code /}; {@code process.cwd} is given as {@code PWD} unless
   * the environment sets it.
   *
   * @throws RuncException if a bind mount's source does not exist, as runc fails then
   */
  public static LaunchPlan of(
      BundleConfig config, Path module, Optional<MemoryBudget> budget, RuncLog log) {
    List<Dir> dirs = new ArrayList<>();
    dirs.add(new Dir(config.rootfs().toString(), "/", config.rootReadOnly()));
    List<BundleConfig.Mount> files = new ArrayList<>();
    for (BundleConfig.Mount m : config.mounts()) {
      if (!m.isBind()) {
        log.info("mount " + m.destination() + " of type " + m.type() + " has no WASI equivalent");
        continue;
      }
      Path source = Path.of(m.source());
      if (!Files.exists(source)) {
        throw new RuncException(
            "mount " + m.destination() + ": its source " + m.source() + " does not exist");
      } else if (Files.isDirectory(source)) {
        dirs.add(new Dir(source.toString(), GuestPaths.normal(m.destination()), m.readOnly()));
      } else {
        files.add(m);
      }
    }
    dirs = withFiles(dirs, files, config.rootfs(), log);
    Map<String, String> env = new LinkedHashMap<>();
    for (String e : config.env()) {
      int eq = e.indexOf('=');
      if (eq > 0) {
        env.put(e.substring(0, eq), e.substring(eq + 1));
      }
    }
    env.putIfAbsent("PWD", config.cwd());
    return new LaunchPlan(
        module.toString(),
        config.args(),
        env,
        dirs,
        budget.map(MemoryBudget::guestPages).orElse(0));
  }

  /**
   * Returns {@code dirs} with the files of {@code mounts} among their files, each in the directory
   * with the longest guest path holding it; a later mount at a path replaces an earlier one.
   */
  private static List<Dir> withFiles(
      List<Dir> dirs, List<BundleConfig.Mount> mounts, Path rootfs, RuncLog log) {
    List<Map<String, File>> files = new ArrayList<>();
    for (int i = 0; i < dirs.size(); i++) {
      files.add(new LinkedHashMap<>());
    }
    for (BundleConfig.Mount m : mounts) {
      String guest = GuestPaths.normal(m.destination());
      int holder = -1;
      for (int i = 0; i < dirs.size(); i++) {
        String g = dirs.get(i).guest();
        boolean within = g.equals("/") || guest.startsWith(g + "/");
        if (within && (holder < 0 || g.length() >= dirs.get(holder).guest().length())) {
          holder = i;
        }
      }
      String g = dirs.get(holder).guest();
      String rest = guest.substring(g.equals("/") ? 1 : g.length() + 1);
      if (rest.isEmpty()) {
        log.info("mount " + m.destination() + ": a file cannot be mounted over /; left out");
        continue;
      }
      // Only the rootfs, the container's own, gets mount points made in it, as runc makes them.
      List<String> paths = holder == 0 ? FileMountPoints.prepare(rootfs, rest, log) : List.of(rest);
      for (String path : paths) {
        files.get(holder).put(path, new File(path, m.source(), m.readOnly()));
      }
    }
    List<Dir> out = new ArrayList<>();
    for (int i = 0; i < dirs.size(); i++) {
      Dir d = dirs.get(i);
      out.add(new Dir(d.host(), d.guest(), d.readOnly(), List.copyOf(files.get(i).values())));
    }
    return out;
  }

  /** Writes the plan to {@code file}. */
  public void write(Path file) {
    try {
      Json.MAPPER.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new RuncException("cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Reads the plan in {@code file}. */
  public static LaunchPlan read(Path file) throws IOException {
    return Json.MAPPER.readValue(Files.readAllBytes(file), LaunchPlan.class);
  }
}

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
 * @param preopens the directories the guest sees: the rootfs as {@code /}, then bind mounts
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
   */
  public record Dir(String host, String guest, boolean readOnly) {}

  /**
   * Returns the plan for {@code config}'s Wasm container running {@code module}: the rootfs as
   * {@code /} (read-only when {@code root.readonly}), every bind mount of a directory at its
   * destination (read-only with option {@code ro}); other mounts ({@code proc}, {@code tmpfs}, bind
   * mounts of single files) have no WASI equivalent and are left out, each with a log line. WASI
   * preview1 has no working directory: a program starts in {@code /}; {@code process.cwd} is given
   * as {@code PWD} unless the environment sets it.
   */
  public static LaunchPlan of(
      BundleConfig config, Path module, Optional<MemoryBudget> budget, RuncLog log) {
    List<Dir> dirs = new ArrayList<>();
    dirs.add(new Dir(config.rootfs().toString(), "/", config.rootReadOnly()));
    for (BundleConfig.Mount m : config.mounts()) {
      if (!m.isBind()) {
        continue;
      }
      Path source = Path.of(m.source());
      if (!Files.isDirectory(source)) {
        log.info(
            "mount "
                + m.destination()
                + ": "
                + m.source()
                + " is not a directory; WASI preopens only directories, so it is left out");
        continue;
      }
      dirs.add(new Dir(source.toString(), GuestPaths.normal(m.destination()), m.readOnly()));
    }
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

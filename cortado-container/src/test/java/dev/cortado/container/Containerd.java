package dev.cortado.container;

import dev.cortado.wasm.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private containerd for the end-to-end tests: its own config, root and state in a short folder
 * under {@code /tmp} (a unix socket's path holds at most 107 bytes), no CRI plugin, the native
 * snapshotter (no overlay needed). {@link #close} kills its shims and tasks, stops it, unmounts and
 * removes its folder and what its shims left in {@code /run/containerd}. Skips (or, with {@code
 * CORTADO_REQUIRE_TOOLS=1}, fails) where containerd, ctr or runc is missing or not run as root.
 */
final class Containerd implements AutoCloseable {
  /** The repository's root (tests run in the module's folder). */
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  /** The runtime under test. */
  static final Path CORTADO_RUNC = REPO.resolve("bin/cortado-runc");

  private static final Path RUN_CONTAINERD = Path.of("/run/containerd");

  private final Path dir;
  private final Path socket;
  private final Process process;
  private final Set<Path> runLeftoversBefore;
  private final boolean runContainerdExisted;

  private Containerd(Path dir, Map<String, String> env) throws Exception {
    this.dir = dir;
    this.socket = dir.resolve("c.sock");
    this.runContainerdExisted = Files.exists(RUN_CONTAINERD);
    this.runLeftoversBefore = runContainerdEntries();
    Path config =
        Files.writeString(
            dir.resolve("config.toml"),
            """
            version = 2
            root = "%1$s/root"
            state = "%1$s/state"
            disabled_plugins = ["io.containerd.grpc.v1.cri"]
            [grpc]
              address = "%2$s"
            [ttrpc]
              address = "%2$s.ttrpc"
            [debug]
              address = ""
            """
                .formatted(dir, socket));
    ProcessBuilder pb =
        new ProcessBuilder(
                ExternalTool.require("containerd", "containerd").toString(),
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("containerd.log").toFile());
    pb.environment().putAll(env);
    process = pb.start();
    awaitReady();
  }

  /**
   * Starts a containerd whose cortado-runc keeps its class-data archive and code cache in {@code
   * target/}, not in the user's cache.
   */
  static Containerd start() throws Exception {
    Path target = Path.of("target").toAbsolutePath();
    return start(
        Map.of(
            "CORTADO_RUNC_CACHE", target.resolve("runc-cache").toString(),
            "CORTADO_CACHE_DIR", target.resolve("code-cache").toString()));
  }

  /**
   * Starts a containerd whose shims (and so cortado-runc) see {@code env} added to this process's
   * environment; skips the test where it cannot.
   */
  static Containerd start(Map<String, String> env) throws Exception {
    ExternalTool.require("ctr", "containerd");
    ExternalTool.require("runc", "runc");
    if (!"root".equals(System.getProperty("user.name"))) {
      String message = "containerd tests need root (containerd and runc manage mounts and cgroups)";
      if ("1".equals(System.getenv("CORTADO_REQUIRE_TOOLS"))) {
        throw new AssertionError(message + " (CORTADO_REQUIRE_TOOLS=1 makes this a failure)");
      }
      System.err.println("SKIPPED: " + message);
      Assumptions.abort(message);
    }
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "ctd");
    return new Containerd(dir, env);
  }

  /** The private folder (config, root, state, log). */
  Path dir() {
    return dir;
  }

  /** One run of {@code ctr}. */
  record Result(int status, String out, String err) {
    String all() {
      return out + err;
    }
  }

  /** Runs {@code ctr --address SOCKET args} and waits for it (two minutes at most). */
  Result ctr(String... args) throws Exception {
    return await(ctrProcess(args), args);
  }

  /** Starts {@code ctr --address SOCKET args}; {@link #await} collects it. */
  Process ctrProcess(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("ctr", "--address", socket.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    outputs.put(p, new Path[] {out, err});
    return p;
  }

  private final Map<Process, Path[]> outputs = new java.util.concurrent.ConcurrentHashMap<>();

  /** What a {@link #ctrProcess} has printed on standard output so far. */
  String outputSoFar(Process p) throws IOException {
    return Files.readString(outputs.get(p)[0], StandardCharsets.UTF_8);
  }

  /** Waits for a {@link #ctrProcess} (two minutes at most) and returns its outcome. */
  Result await(Process p, String... args) throws Exception {
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("ctr " + String.join(" ", args) + " did not finish");
    }
    Path[] files = outputs.remove(p);
    return new Result(
        p.exitValue(),
        Files.readString(files[0], StandardCharsets.UTF_8),
        Files.readString(files[1], StandardCharsets.UTF_8));
  }

  /**
   * The start of a {@code ctr run} with cortado-runc as the runtime, its runc root and IO fifos in
   * the private folder: append the options, the rootfs, the id and the command.
   */
  List<String> run(String... options) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "run",
                "--fifo-dir",
                dir.resolve("fifo").toString(),
                "--runc-binary",
                CORTADO_RUNC.toString(),
                "--runc-root",
                dir.resolve("runc").toString()));
    a.addAll(List.of(options));
    return a;
  }

  /** The containerd log, for failure messages. */
  String log() throws IOException {
    return Files.readString(dir.resolve("containerd.log"));
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("containerd exited: " + log());
      }
      if (Files.exists(socket) && ctr("version").status() == 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("containerd did not start: " + log());
  }

  @Override
  public void close() throws Exception {
    // Shims outlive containerd (they are daemons of their own): find them by our socket.
    List<ProcessHandle> shims =
        ProcessHandle.allProcesses()
            .filter(
                h ->
                    h.info()
                        .arguments()
                        .map(a -> List.of(a).contains(socket.toString()))
                        .orElse(false))
            .toList();
    for (ProcessHandle shim : shims) {
      shim.descendants().forEach(ProcessHandle::destroyForcibly);
      shim.destroyForcibly();
    }
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    unmountBelow(dir);
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    for (Path p : runContainerdEntries()) {
      if (!runLeftoversBefore.contains(p)) {
        p.toFile().delete();
      }
    }
    if (!runContainerdExisted) {
      for (String sub : List.of("s", "fifo", "")) {
        RUN_CONTAINERD.resolve(sub).toFile().delete(); // only when empty
      }
    }
  }

  /**
   * Shim sockets and fifo folders that containerd 1.6 keeps in /run/containerd whatever --state.
   */
  private static Set<Path> runContainerdEntries() throws IOException {
    Set<Path> entries = new HashSet<>();
    for (String sub : List.of("s", "fifo")) {
      Path d = RUN_CONTAINERD.resolve(sub);
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.list(d)) {
          s.forEach(entries::add);
        }
      }
    }
    return entries;
  }

  private static void unmountBelow(Path dir) throws Exception {
    List<String> mounts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
      String[] f = line.split(" ");
      if (f.length > 1 && f[1].startsWith(dir.toString())) {
        mounts.add(f[1]);
      }
    }
    mounts.sort(Comparator.reverseOrder());
    for (String m : mounts) {
      new ProcessBuilder("umount", "-l", m).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }
  }
}

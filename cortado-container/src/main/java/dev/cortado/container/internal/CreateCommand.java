package dev.cortado.container.internal;

import dev.cortado.runtime.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code create [--bundle B] [--pid-file F] [--console-socket S] [--no-pivot] [--no-new-keyring]
 * ID}: reads the bundle; a Wasm bundle gets an init process that loads the module and waits for
 * {@code start}, its pid in the pid file and its state under {@code --root/ID}; any other bundle is
 * created by the delegate runtime with the same command line.
 */
@Command(name = "create", description = "Create a container from a bundle.")
final class CreateCommand implements Callable<Integer> {
  /** How long the init process may take to load and compile its module. */
  private static final long READY_TIMEOUT_SECONDS = 300;

  private final Context context;

  @Option(
      names = {"--bundle", "-b"},
      paramLabel = "DIR",
      description = "the bundle (default: the current folder)")
  Path bundle = Path.of("");

  @Option(names = "--pid-file", paramLabel = "FILE", description = "write the init's pid here")
  Path pidFile;

  @Option(names = "--console-socket", paramLabel = "SOCKET", description = "for a terminal")
  String consoleSocket;

  @Option(names = "--no-pivot", description = "accepted (Wasm containers do not pivot_root)")
  boolean noPivot;

  @Option(names = "--no-new-keyring", description = "accepted (no session keyring is made)")
  boolean noNewKeyring;

  @Option(names = "--preserve-fds", paramLabel = "N", description = "accepted; must be 0")
  int preserveFds;

  @Parameters(index = "0", paramLabel = "ID", description = "the container id")
  String id;

  CreateCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ContainerDir dir = context.container(id);
    if (Files.exists(dir.path())) {
      throw new RuncException("container with id exists: " + id);
    }
    BundleConfig config = BundleConfig.read(bundle.toAbsolutePath().normalize());
    Optional<Path> module = WasmEntrypoint.of(config);
    if (module.isEmpty()) {
      return delegate(dir, config);
    }
    if (config.terminal() || consoleSocket != null) {
      throw new RuncException(
          "Wasm containers have no terminal: run " + id + " without one (no -t / tty: false)");
    }
    if (preserveFds != 0) {
      throw new RuncException("Wasm containers take no extra file descriptors (--preserve-fds)");
    }
    createWasm(dir, config, module.get());
    return 0;
  }

  private int delegate(ContainerDir dir, BundleConfig config) {
    Path runtime =
        context.requireDelegate("bundle " + config.bundle() + " (" + config.args().get(0) + ")");
    int status = Delegate.run(runtime, context.rawArgs());
    if (status == 0 && Files.isDirectory(dir.path())) {
      try {
        Files.writeString(dir.delegateMarker(), runtime.toString());
      } catch (IOException e) {
        context.log().warn("cannot mark " + id + " as delegated: " + e.getMessage());
      }
    }
    return status;
  }

  private void createWasm(ContainerDir dir, BundleConfig config, Path module) {
    Optional<MemoryBudget> budget =
        MemoryBudget.of(config.memoryLimit(), StoreConfig.defaults().maxMemoryPages());
    try {
      Files.createDirectories(dir.path());
    } catch (IOException e) {
      throw new RuncException("cannot make the state folder " + dir.path() + ": " + e.getMessage());
    }
    long pid = -1;
    List<String> cgroups = List.of();
    try {
      LaunchPlan.of(config, module, budget, context.log()).write(dir.launchPlan());
      ExecFifo.make(dir.execFifo());
      Process started = InitLauncher.start(dir, budget);
      pid = InitLauncher.forks() ? awaitPid(dir, started) : started.pid();
      cgroups =
          Cgroups.at(Path.of("/sys/fs/cgroup"))
              .join(config.cgroupsPath(), pid, config.memoryLimit(), context.log());
      awaitReady(dir, pid);
      long startTicks =
          ProcessStatus.of(pid)
              .map(ProcessStatus::startTicks)
              .orElseThrow(() -> new RuncException("the container's process vanished"));
      new ContainerState(
              id,
              config.bundle().toString(),
              config.rootfs().toString(),
              pid,
              startTicks,
              Instant.now().toString(),
              config.annotations(),
              cgroups)
          .save(dir);
      if (pidFile != null) {
        writePidFile(pid);
      }
    } catch (RuntimeException e) {
      if (pid > 0) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
      Cgroups.remove(cgroups, context.log());
      dir.remove();
      throw e;
    }
  }

  /**
   * Waits for the forked init process to write its pid; fails if {@code setsid} failed or the
   * process never starts.
   */
  private static long awaitPid(ContainerDir dir, Process setsid) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try {
      while (true) {
        if (Files.exists(dir.initPid())) {
          return Long.parseLong(Files.readString(dir.initPid()).strip());
        }
        if (!setsid.isAlive() && setsid.exitValue() != 0) {
          throw new RuncException(
              "cannot start the container's process (setsid exited with "
                  + setsid.exitValue()
                  + ")");
        }
        if (System.nanoTime() > deadline) {
          throw new RuncException("the container's process did not start");
        }
        Thread.sleep(2);
      }
    } catch (IOException | NumberFormatException e) {
      throw new RuncException("cannot read " + dir.initPid() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuncException("interrupted while the container started");
    }
  }

  /** Waits for the init process {@code pid} to say it is ready, or why it cannot run. */
  private static void awaitReady(ContainerDir dir, long pid) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
    try {
      while (true) {
        if (Files.exists(dir.initStatus())) {
          String status = Files.readString(dir.initStatus()).strip();
          if (status.equals("ready")) {
            return;
          }
          throw new RuncException(status.replaceFirst("^error: ", ""));
        }
        boolean running =
            ProcessStatus.of(pid).map(s -> s.state() != 'Z' && s.state() != 'X').orElse(false);
        if (!running && !Files.exists(dir.initStatus())) {
          throw new RuncException("the container's process exited while loading");
        }
        if (System.nanoTime() > deadline) {
          throw new RuncException(
              "the container's process was not ready after " + READY_TIMEOUT_SECONDS + " s");
        }
        Thread.sleep(5);
      }
    } catch (IOException e) {
      throw new RuncException("cannot read " + dir.initStatus() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuncException("interrupted while the container loaded");
    }
  }

  /** Writes the pid file as runc does: through a temporary file, so a reader sees a whole pid. */
  private void writePidFile(long pid) {
    Path target = pidFile.toAbsolutePath();
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, Long.toString(pid));
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new RuncException("cannot write the pid file " + target + ": " + e.getMessage());
    }
  }
}

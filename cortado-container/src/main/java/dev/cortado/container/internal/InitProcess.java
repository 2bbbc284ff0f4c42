package dev.cortado.container.internal;

import dev.cortado.component.Component;
import dev.cortado.component.ComponentFunction;
import dev.cortado.component.ComponentInstance;
import dev.cortado.component.ComponentLinkException;
import dev.cortado.component.ComponentLinker;
import dev.cortado.component.ComponentValue;
import dev.cortado.component.WasiPreview2;
import dev.cortado.runtime.Engine;
import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.StoreConfig;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.UncaughtException;
import dev.cortado.runtime.UnlinkableException;
import dev.cortado.wasi.MountedFile;
import dev.cortado.wasi.Preopen;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasi.WasiExitException;
import dev.cortado.wasi.WasiPreview1;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.WasmException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The init process of a Wasm container: a JVM of its own, started by {@code create}, whose pid the
 * shim watches. It loads and compiles the module, says it is ready, waits on the exec fifo until
 * {@code start} opens it, then runs the guest's {@code _start} and exits with the guest's status:
 * its exit code (1 for one outside 0..255), {@value #TRAP_STATUS} for a trap (the trap on standard
 * error), {@value #TERMINATED_STATUS} when SIGTERM stopped it, 1 when it cannot be linked.
 */
public final class InitProcess {
  /** The status of a guest that trapped (128 + SIGABRT, as {@code cortado run} and wasmtime). */
  public static final int TRAP_STATUS = 134;

  /** The status of a guest stopped by SIGTERM (128 + 15, what the JVM exits with then too). */
  public static final int TERMINATED_STATUS = 143;

  /** The stack of the thread running the guest: room for the store's call depth, compiled. */
  private static final long GUEST_STACK = 512L << 20;

  private final ContainerDir dir;
  private final PrintStream err;

  private InitProcess(ContainerDir dir, PrintStream err) {
    this.dir = dir;
    this.err = err;
  }

  /** Runs the container in folder {@code args[0]} and exits with the guest's status. */
  public static void main(String[] args) {
    Path path = Path.of(args[0]);
    ContainerDir dir = ContainerDir.of(path.getParent(), path.getFileName().toString());
    writeAtomically(dir.initPid(), Long.toString(ProcessHandle.current().pid()), System.err);
    int[] status = {1};
    Thread guest =
        new Thread(
            null, () -> status[0] = new InitProcess(dir, System.err).run(), "main", GUEST_STACK);
    guest.start();
    try {
      guest.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.exit(status[0]);
  }

  /**
   * What {@code start} runs: a core module with its WASI preview1 world, or a component (a wasi:cli
   * command) with the configuration of its WASI 0.2 world.
   */
  private record Prepared(
      Optional<Module> module,
      Optional<Component> component,
      Store store,
      WasiConfig wasi,
      String name) {}

  private int run() {
    Prepared p;
    try {
      p = prepare();
    } catch (IOException | WasmException | RuncException | IllegalArgumentException e) {
      report("error: " + e.getMessage());
      return 1;
    }
    report("ready");
    try {
      awaitStart();
    } catch (IOException e) {
      err.println("cortado-runc: the container was removed before it started");
      return 1;
    }
    // SIGTERM makes the JVM exit with 143 after its shutdown hooks: stop the guest cleanly first.
    Runtime.getRuntime().addShutdownHook(new Thread(p.store()::interrupt));
    return execute(p);
  }

  /**
   * Loads and runs the container in {@code dir} at once, without waiting for {@code start}: what
   * the launcher's class-data-sharing training runs, so the archive holds an init process's
   * classes. Returns the guest's status.
   */
  static int rehearse(ContainerDir dir, PrintStream err) throws IOException {
    InitProcess init = new InitProcess(dir, err);
    return init.execute(init.prepare());
  }

  private Prepared prepare() throws IOException {
    LaunchPlan plan = LaunchPlan.read(dir.launchPlan());
    Engine engine = Engine.create();
    Path file = Path.of(plan.module());
    Bytes bytes = Bytes.read(file);
    boolean isComponent = Component.isComponent(bytes);
    Optional<Module> module =
        isComponent ? Optional.empty() : Optional.of(Module.compile(engine, bytes));
    Optional<Component> component =
        isComponent ? Optional.of(Component.decode(bytes)) : Optional.empty();
    StoreConfig storeConfig = StoreConfig.defaults();
    if (plan.maxMemoryPages() > 0) {
      storeConfig =
          storeConfig.withMaxMemoryPages(
              Math.min(plan.maxMemoryPages(), storeConfig.maxMemoryPages()));
    }
    WasiConfig wasi =
        WasiConfig.defaults().withInheritedStdio().withArgs(plan.args()).withEnv(plan.env());
    for (LaunchPlan.Dir d : plan.preopens()) {
      // Checked now, so that create fails, not the start.
      if (!Files.isDirectory(Path.of(d.host()))) {
        throw new IllegalArgumentException(
            "the mount source " + d.host() + " is not a directory (only directories are mounted)");
      }
      Preopen preopen = new Preopen(Path.of(d.host()), d.guest(), d.readOnly());
      for (LaunchPlan.File f : d.files()) {
        if (!Files.exists(Path.of(f.host()))) {
          throw new IllegalArgumentException(
              "the mount source " + f.host() + " of /" + f.path() + " does not exist");
        }
        preopen = preopen.withFile(new MountedFile(f.path(), Path.of(f.host()), f.readOnly()));
      }
      wasi = wasi.withPreopen(preopen);
    }
    return new Prepared(
        module, component, Store.create(engine, storeConfig), wasi, plan.args().get(0));
  }

  private int execute(Prepared p) {
    try {
      return p.component().isPresent() ? runComponent(p) : runModule(p);
    } catch (WasiExitException e) {
      return e.exitCode() >= 0 && e.exitCode() <= 255 ? e.exitCode() : 1;
    } catch (Trap t) {
      err.println("cortado-runc: " + p.name() + ": " + t.describe());
      return TRAP_STATUS;
    } catch (UncaughtException e) {
      err.println("cortado-runc: " + p.name() + ": " + e.getMessage());
      return TRAP_STATUS;
    } catch (ExecutionInterruptedException e) {
      return TERMINATED_STATUS;
    } catch (UnlinkableException
        | ComponentLinkException
        | RuncException
        | IllegalArgumentException e) {
      err.println("cortado-runc: " + p.name() + ": " + e.getMessage());
      return 1;
    } finally {
      err.flush();
    }
  }

  private static int runModule(Prepared p) {
    try (WasiPreview1 wasi = WasiPreview1.create(p.wasi())) {
      Linker linker = Linker.create();
      wasi.addTo(linker);
      Instance instance = linker.instantiate(p.store(), p.module().orElseThrow());
      Func start =
          instance
              .func("_start")
              .orElseThrow(
                  () ->
                      new RuncException(
                          p.name() + ": the module exports no _start function to run"));
      start.call();
      return 0;
    }
  }

  /** Runs a component's {@code wasi:cli/run}: 0 if it returns ok, 1 for an error. */
  private static int runComponent(Prepared p) {
    try (WasiPreview2 wasi = WasiPreview2.create(p.wasi())) {
      ComponentLinker linker = wasi.addTo(ComponentLinker.create());
      wasi.enter(p.store());
      ComponentInstance instance = linker.instantiate(p.store(), p.component().orElseThrow());
      ComponentFunction run =
          instance
              .function("wasi:cli/run@0.2.0", "run")
              .orElseThrow(
                  () ->
                      new RuncException(
                          p.name()
                              + ": the component exports no wasi:cli/run, so it is not a command"));
      return run.call().orElse(null) instanceof ComponentValue.ResultV r && r.ok() ? 0 : 1;
    }
  }

  /** Tells {@code create} the outcome of preparing, atomically (it polls for the file). */
  private void report(String status) {
    writeAtomically(dir.initStatus(), status, err);
  }

  private static void writeAtomically(Path target, String text, PrintStream err) {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, text);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      err.println("cortado-runc: cannot report to create: " + e.getMessage());
    }
  }

  /** Opens the exec fifo for writing: blocks until {@code start} opens it for reading. */
  private void awaitStart() throws IOException {
    try (OutputStream out = new FileOutputStream(dir.execFifo().toFile())) {
      out.write('0');
    }
  }
}

package dev.cortado.cli;

import dev.cortado.component.Component;
import dev.cortado.oci.NpmReference;
import dev.cortado.oci.Oci;
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
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasi.Preopen;
import dev.cortado.wasi.SocketPolicy;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasi.WasiExitException;
import dev.cortado.wasi.WasiPreview1;
import dev.cortado.wasi.WasiThreads;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.ValType;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cortado run}: runs a WASI program (its {@code _start}), or one exported function with
 * {@code --invoke}. The exit status is the program's exit code (1 for a code outside 0 to 255,
 * which a Unix exit status cannot hold: see {@link #exitStatus}); a trap prints the trap and the
 * WebAssembly stack trace and exits with {@value #TRAP_STATUS}; running out of fuel or time exits
 * with {@value #INTERRUPTED_STATUS}.
 */
@Command(
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    name = "run",
    description = {
      "Run a WebAssembly program built for WASI preview1 (wasip1), or one of its functions, or a"
          + " component built as a wasi:cli command (WASI 0.2).",
      "Exit status: the program's exit code (1 if that code is outside 0..255, so that any"
          + " failure stays a failure); 134 if it traps; 124 if it runs out of fuel or time; 1 if"
          + " it cannot be loaded or linked.",
      "Options after MODULE are passed to the program."
    },
    sortOptions = false)
final class RunCommand implements Callable<Integer> {
  @Mixin EngineOption engineOption = new EngineOption();

  static final int TRAP_STATUS = 134;
  static final int INTERRUPTED_STATUS = 124;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "HOST[::GUEST]",
      description = "Give the program a host directory, as GUEST (default: the same path).")
  List<String> dirs = new ArrayList<>();

  @Option(
      names = "--dir-ro",
      paramLabel = "HOST[::GUEST]",
      description = "Like --dir, but the program may only read.")
  List<String> readOnlyDirs = new ArrayList<>();

  @Option(
      names = "--env",
      paramLabel = "NAME[=VALUE]",
      description = "Set an environment variable (NAME alone copies the host's value).")
  List<String> env = new ArrayList<>();

  @Option(names = "--argv0", paramLabel = "NAME", description = "The program's own name (argv[0]).")
  String argv0;

  @Option(
      names = "--invoke",
      paramLabel = "FUNCTION",
      description =
          "Call this exported function with ARGS as its arguments; print its results. For a"
              + " component, values are WAVE text: --invoke 'greet(\"you\", [1, 2])'.")
  String invoke;

  @Option(names = "--fuel", paramLabel = "N", description = "Stop after about N instructions.")
  Long fuel;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Stop after this long, for example 500ms, 10s or 2m.")
  String timeout;

  @Option(
      names = "--max-memory",
      paramLabel = "SIZE",
      description = "Limit each memory to SIZE, for example 64MiB or 1GiB.")
  String maxMemory;

  @Option(
      names = "--tcplisten",
      paramLabel = "HOST:PORT",
      description = "Listen on this address; the program accepts connections on descriptor 3, ...")
  List<String> listen = new ArrayList<>();

  @Option(
      names = "--allow-connect",
      paramLabel = "HOST:PORTS",
      description =
          "Let a component (wasi:sockets) open TCP connections to these addresses. HOST is an"
              + " IPv4 address or block (10.0.0.0/8), [IPv6] or [block], localhost or *; PORTS"
              + " is a port, a range LOW-HIGH or *. Repeatable; by default nothing is allowed.")
  List<String> allowConnect = new ArrayList<>();

  @Option(
      names = "--allow-bind",
      paramLabel = "HOST:PORTS",
      description =
          "Let a component bind TCP and UDP sockets to these local addresses (a server binds"
              + " before it listens; port 0, an ephemeral port, needs a range with 0 or *).")
  List<String> allowBind = new ArrayList<>();

  @Option(
      names = "--allow-udp",
      paramLabel = "HOST:PORTS",
      description =
          "Let a component send UDP datagrams to these addresses (and bind a UDP socket to an"
              + " ephemeral port to send from).")
  List<String> allowUdp = new ArrayList<>();

  @Option(
      names = "--allow-dns",
      description =
          "Let a component resolve host names; a lookup returns only the addresses the --allow-*"
              + " options cover.")
  boolean allowDns;

  @Option(
      names = "--full-stack",
      description =
          "On a trap, print every frame of the WebAssembly stack trace (so does --debug); by"
              + " default repeated frames are folded and a deep trace shows its two ends.")
  boolean fullStack;

  @Option(
      names = "--insecure",
      description = "Pull MODULE references over plain HTTP (loopback registries always are).")
  boolean insecure;

  @Option(
      names = "--npm-registry",
      paramLabel = "URL",
      description = "The npm registry for npm: modules (default: .npmrc's, else npmjs.org).")
  String npmRegistry;

  @Option(
      names = "--command",
      paramLabel = "NAME",
      description =
          "For a Wasmer package: the command to run (default: its entrypoint); may also follow"
              + " the package.")
  String command;

  @Parameters(
      index = "0",
      paramLabel = "MODULE",
      description =
          "a .wasm or .wat file, an OCI reference (registry/repo:tag or @sha256:...),"
              + " npm:PACKAGE[@VERSION|@TAG][/PATH.wasm], or a Wasmer package (.webc, wapm"
              + " .tar.gz)")
  String moduleArgument;

  /** The module file: the argument itself, or where a reference was pulled to. */
  private Path module;

  /** What the --allow-* options grant a component, read before anything else is done. */
  private SocketPolicy network = SocketPolicy.none();

  /** The Wasmer package's command, when MODULE is a package. */
  private WasmerRun wasmer;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "the program's arguments")
  List<String> args = new ArrayList<>();

  // The streams of a command run without picocli (see plain), which has no spec.
  private PrintWriter plainOut;
  private PrintWriter plainErr;

  /**
   * Returns whether {@code args} is {@code run [--engine=ENGINE] MODULE [ARGS...]} with no other
   * option of {@code run}'s: the module does not start with {@code -}, and nothing needs picocli's
   * reading of arguments (an {@code @file} it would expand, a {@code --} it might take as the end
   * of options). {@code bin/cortado} applies the same rule (and sends a {@code .wat} module to the
   * other archive) to pick the archive trained on plain runs: keep the two alike.
   */
  static boolean isPlain(String[] args) {
    int module = args.length > 1 && args[1].startsWith(ENGINE) ? 2 : 1;
    if (args.length <= module || !args[0].equals("run") || args[module].startsWith("-")) {
      return false;
    }
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("@") || args[i].equals("--")) {
        return false;
      }
    }
    return true;
  }

  private static final String ENGINE = "--engine=";

  /**
   * Returns the command {@code args} (see {@link #isPlain}) means, writing to the streams given.
   */
  static RunCommand plain(String[] args, PrintWriter out, PrintWriter err) {
    RunCommand c = new RunCommand();
    int module = 1;
    if (args[1].startsWith(ENGINE)) {
      c.engineOption.engine = args[1].substring(ENGINE.length());
      module = 2;
    }
    c.moduleArgument = args[module];
    c.args = new ArrayList<>(List.of(args).subList(module + 1, args.length));
    c.plainOut = out;
    c.plainErr = err;
    return c;
  }

  /**
   * Checks {@code --fuel} and reads {@code --timeout}, before anything is loaded: a wrong limit is
   * the user's mistake, reported as such.
   */
  private Optional<Duration> limits() {
    if (fuel != null) {
      Quantities.fuel(fuel);
    }
    return Optional.ofNullable(timeout).map(Quantities::timeout);
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec != null ? spec.commandLine().getOut() : plainOut;
    PrintWriter err = spec != null ? spec.commandLine().getErr() : plainErr;
    network = HostOptions.socketPolicy(allowConnect, allowBind, allowUdp, allowDns);
    Optional<Duration> deadline = limits();
    Engine engine = engineOption.create();
    if (WasmerRun.isPackage(moduleArgument)) {
      wasmer = WasmerRun.prepare(Path.of(moduleArgument), command, args, err);
      args = new ArrayList<>(wasmer.args());
    } else if (command != null) {
      throw new UserException(
          "--command names a command of a Wasmer package (.webc, wapm .tar.gz)");
    }
    module =
        wasmer != null
            ? wasmer.module()
            : NpmReference.isNpm(moduleArgument) && !Files.exists(Path.of(moduleArgument))
                ? OciSupport.call(
                    () -> OciSupport.npm(npmRegistry).resolve(NpmReference.parse(moduleArgument)))
                : Oci.isReference(moduleArgument)
                    ? OciSupport.call(() -> OciSupport.oci(insecure).resolve(moduleArgument))
                    : Path.of(moduleArgument);
    Bytes bytes = ModuleFiles.read(module);
    Activity.now("loading " + moduleArgument);
    boolean component = Component.isComponent(bytes);
    if (component && !listen.isEmpty()) {
      throw new UserException(
          moduleArgument
              + ": --tcplisten gives a preview1 program a socket; give a component (wasi:sockets)"
              + " --allow-bind HOST:PORT, and it listens itself");
    }
    if (!component && !network.isEmpty()) {
      throw new UserException(
          moduleArgument
              + ": --allow-connect, --allow-bind, --allow-udp and --allow-dns grant wasi:sockets"
              + " to components; this is a preview1 module, whose only sockets are --tcplisten's");
    }
    Module compiled = component ? null : compile(engine, bytes);
    Store store = Store.create(engine, storeConfig());
    if (fuel != null) {
      store.setFuel(fuel);
    }
    deadline.ifPresent(store::setTimeout);
    try {
      if (component) {
        return ComponentRun.run(
            moduleArgument, store, bytes, wasiConfig(), Optional.ofNullable(invoke), args, out);
      }
      return runModule(store, compiled, out);
    } catch (WasiExitException e) {
      return exitStatus(e.exitCode());
    } catch (Trap t) {
      out.flush();
      err.println(
          "cortado run: "
              + (fullStack || Main.debug(spec) ? t.describeEveryFrame() : t.describe()));
      err.flush();
      return TRAP_STATUS;
    } catch (UncaughtException e) {
      out.flush();
      err.println("cortado run: " + e.describe());
      err.flush();
      return TRAP_STATUS;
    } catch (ExecutionInterruptedException e) {
      out.flush();
      err.println("cortado run: " + e.getMessage());
      err.flush();
      return INTERRUPTED_STATUS;
    }
  }

  private Module compile(Engine engine, Bytes bytes) {
    Module compiled = ModuleFiles.compile(engine, module, bytes);
    ImportProblems.first(compiled.definition())
        .ifPresent(
            m -> {
              throw new UserException(moduleArgument + ": " + m);
            });
    return compiled;
  }

  private int runModule(Store store, Module compiled, PrintWriter out) throws IOException {
    try (WasiPreview1 wasi = WasiPreview1.create(wasiConfig())) {
      Linker linker = Linker.create();
      wasi.addTo(linker);
      WasiThreads threads = null;
      Instance instance;
      try {
        if (WasiThreads.isUsedBy(compiled)) {
          threads = WasiThreads.addTo(linker, store, compiled);
        }
        instance = linker.instantiate(store, compiled);
      } catch (UnlinkableException | IllegalArgumentException e) {
        throw new UserException(moduleArgument + ": " + e.getMessage());
      }
      Activity.now("running " + moduleArgument);
      try {
        int status = invoke == null ? start(instance) : invokeFunction(instance, out);
        if (threads != null && threads.ending().isPresent()) {
          throw threads.ending().get();
        }
        return status;
      } catch (ExecutionInterruptedException e) {
        // Another thread's proc_exit or trap stops the main thread: report that instead.
        throw threads == null ? e : threads.endingOr(e);
      } finally {
        if (threads != null) {
          threads.close();
        }
      }
    }
  }

  /**
   * Returns the process exit status for the code a program gave {@code proc_exit}: the code itself
   * when a Unix status can hold it (0 to 255), else 1, as wasmtime does. Passing it to {@code
   * System.exit} as it is would keep only its low 8 bits, so that 256 would read as success.
   */
  static int exitStatus(int guestCode) {
    return guestCode >= 0 && guestCode <= 255 ? guestCode : 1;
  }

  private int start(Instance instance) {
    Func start =
        instance
            .func("_start")
            .orElseThrow(
                () ->
                    new UserException(
                        moduleArgument
                            + ": the module exports no _start function; name one with --invoke"
                            + " (it exports: "
                            + exportedFunctions(instance)
                            + ")"));
    start.call();
    return 0;
  }

  private int invokeFunction(Instance instance, PrintWriter out) {
    Func f =
        instance
            .func(invoke)
            .orElseThrow(
                () ->
                    new UserException(
                        moduleArgument
                            + ": no exported function \""
                            + invoke
                            + "\" (it exports: "
                            + exportedFunctions(instance)
                            + ")"));
    // A WASI "reactor" initializes itself in _initialize before any export is called.
    instance.func("_initialize").ifPresent(Func::call);
    List<ValType> params = f.type().params();
    if (args.size() != params.size()) {
      throw new UserException(
          invoke + " takes " + params.size() + " arguments " + params + ", not " + args.size());
    }
    WasmValue[] values = new WasmValue[params.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = InvokeValues.parse(args.get(i), params.get(i));
    }
    for (WasmValue result : f.call(values)) {
      out.println(InvokeValues.format(result));
    }
    out.flush();
    return 0;
  }

  private static String exportedFunctions(Instance instance) {
    List<String> names = new ArrayList<>();
    instance
        .exports()
        .forEach(
            (name, e) -> {
              if (e instanceof Func) {
                names.add(name);
              }
            });
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  private StoreConfig storeConfig() {
    StoreConfig c = StoreConfig.defaults();
    if (maxMemory != null) {
      long pages = Quantities.bytes(maxMemory) / MemoryType.PAGE_SIZE;
      if (pages < 1 || pages > c.maxMemoryPages()) {
        throw new UserException(
            "--max-memory must be between 64KiB and "
                + (long) c.maxMemoryPages() * MemoryType.PAGE_SIZE / (1 << 20)
                + "MiB, not "
                + maxMemory);
      }
      c = c.withMaxMemoryPages((int) pages);
    }
    return c;
  }

  private WasiConfig wasiConfig() throws IOException {
    List<String> argv = new ArrayList<>();
    argv.add(argv0 != null ? argv0 : programName());
    if (invoke == null) {
      argv.addAll(args);
    }
    Map<String, String> environment = new LinkedHashMap<>();
    if (wasmer != null) {
      environment.putAll(wasmer.env());
    }
    environment.putAll(HostOptions.environment(env));
    WasiConfig c = WasiConfig.defaults().withInheritedStdio().withArgs(argv).withEnv(environment);
    if (wasmer != null) {
      for (Preopen p : wasmer.preopens()) {
        c = c.withPreopen(p);
      }
    }
    for (String d : dirs) {
      c = c.withPreopen(HostOptions.preopen(d, false));
    }
    for (String d : readOnlyDirs) {
      c = c.withPreopen(HostOptions.preopen(d, true));
    }
    for (String address : listen) {
      c = c.withListeningSocket(listen(address));
    }
    return c.withSocketPolicy(network);
  }

  /** Returns argv[0]: the file's name, or the repository's last segment for a reference. */
  private String programName() {
    if (wasmer != null) {
      return wasmer.programName();
    }
    if (!moduleArgument.equals(module.toString())) {
      String repo = moduleArgument.replaceFirst("[@:][^/]*$", "");
      return repo.substring(repo.lastIndexOf('/') + 1);
    }
    return module.getFileName().toString();
  }

  private static ServerSocketChannel listen(String address) throws IOException {
    InetSocketAddress at = HostOptions.address("--tcplisten", address);
    ServerSocketChannel channel = ServerSocketChannel.open();
    try {
      channel.bind(at);
    } catch (IOException e) {
      channel.close();
      throw new UserException("--tcplisten " + address + ": " + e.getMessage(), e);
    }
    return channel;
  }
}

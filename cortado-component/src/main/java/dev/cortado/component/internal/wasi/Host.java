package dev.cortado.component.internal.wasi;

import dev.cortado.component.ComponentLinker;
import dev.cortado.component.ResourceType;
import dev.cortado.runtime.Store;
import dev.cortado.wasi.Preopen;
import dev.cortado.wasi.SocketPolicy;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasi.internal.ConfigAccess;
import dev.cortado.wasi.internal.Descriptor;
import dev.cortado.wasi.internal.DirectoryDescriptor;
import dev.cortado.wasi.internal.WasiContext;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * One program's WASI 0.2 world: its arguments, environment, standard streams, clocks, randomness,
 * preopened directories and network grants, as a {@link WasiConfig} describes them, and the
 * resource types its interfaces hand out. {@link #define} puts every interface into a component
 * linker.
 */
public final class Host implements AutoCloseable {
  /** The version the host's interfaces are defined at; any 0.2.x import links to them. */
  static final String VERSION = "@0.2.12";

  final WasiContext ctx;
  final List<String> args;
  final Map<String, String> env;
  private final WasiConfig config;
  private RandomGenerator random;
  final RandomGenerator insecure = RandomGenerator.of("L64X128MixRandom");

  // The resource types are the same for every host, so that one linker serves every run (and
  // wasi:http's bodies, streams of a request, which outlives no host, can be made without one).
  static final ResourceType IO_ERROR = ResourceType.host("error", rep -> {});
  static final ResourceType POLLABLE = ResourceType.host("pollable", rep -> {});
  static final ResourceType INPUT_STREAM = ResourceType.host("input-stream", Host::closeInput);
  static final ResourceType OUTPUT_STREAM = ResourceType.host("output-stream", Host::closeOutput);
  static final ResourceType TERMINAL_INPUT = ResourceType.host("terminal-input", rep -> {});
  static final ResourceType TERMINAL_OUTPUT = ResourceType.host("terminal-output", rep -> {});
  static final ResourceType DESCRIPTOR =
      ResourceType.host("descriptor", (store, rep) -> of(store).closeDescriptor(rep));
  static final ResourceType DIRECTORY_ENTRY_STREAM =
      ResourceType.host("directory-entry-stream", rep -> {});
  static final ResourceType NETWORK = ResourceType.host("network", rep -> {});
  static final ResourceType RESOLVE_ADDRESS_STREAM =
      ResourceType.host("resolve-address-stream", rep -> {});
  static final ResourceType TCP_SOCKET =
      ResourceType.host("tcp-socket", rep -> ((TcpSocket) rep).drop());
  static final ResourceType UDP_SOCKET =
      ResourceType.host("udp-socket", rep -> ((UdpSocket) rep).close());
  static final ResourceType INCOMING_DATAGRAM_STREAM =
      ResourceType.host("incoming-datagram-stream", rep -> {});
  static final ResourceType OUTGOING_DATAGRAM_STREAM =
      ResourceType.host("outgoing-datagram-stream", rep -> {});

  final Streams.Input stdin;
  final Streams.Output stdout;
  final Streams.Output stderr;
  final List<Preopen> preopens;
  private final Set<Descriptor> openDescriptors = new HashSet<>();
  final SocketPolicy socketPolicy;
  // Sockets the program has not dropped (connections whose streams live on included), closed with
  // the host.
  private final Set<AutoCloseable> openSockets = new LinkedHashSet<>();

  private Host(WasiConfig config) {
    this.config = config;
    this.args = config.args();
    this.env = config.env();
    this.ctx = new WasiContext(args, env, config.clock(), config::random);
    ConfigAccess.Opener o = ConfigAccess.opener();
    this.stdin = Streams.of(o.stdin(config));
    this.stdout = Streams.of(o.stdout(config));
    this.stderr = Streams.of(o.stderr(config));
    this.preopens = config.preopens();
    this.socketPolicy = config.socketPolicy();
    for (Preopen p : preopens) {
      // Opened now to report a missing directory before the program runs; each
      // get-directories call opens its own descriptors.
      DirectoryDescriptor.preopen(p).close();
    }
  }

  /**
   * Returns the world {@code config} describes.
   *
   * @throws IllegalArgumentException if a preopened directory does not exist
   */
  public static Host create(WasiConfig config) {
    return new Host(Objects.requireNonNull(config, "config"));
  }

  /**
   * Defines every WASI 0.2 interface in {@code linker}, each function serving the host entered into
   * the store that calls it ({@link #enter}).
   */
  public static void define(ComponentLinker linker) {
    HostLinker l = new HostLinker(linker);
    CliInterfaces.define(l);
    IoInterfaces.define(l);
    ClockInterfaces.define(l);
    RandomInterfaces.define(l);
    FilesystemInterfaces.define(l);
    SocketInterfaces.define(l);
  }

  /**
   * Makes this host the one {@code store}'s calls are served by, and records the store, so that
   * waits notice its interruption.
   */
  public void enter(Store store) {
    ctx.enter(store);
    store.attach(Host.class, this);
  }

  /**
   * Returns the host entered into {@code store}.
   *
   * @throws IllegalStateException if none was: the embedder did not call {@code WasiPreview2.enter}
   */
  static Host of(Store store) {
    return store
        .attachment(Host.class)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "a WASI 0.2 function was called in a store no WASI world was entered into"
                        + " (call WasiPreview2.enter(store) before instantiating)"));
  }

  RandomGenerator random() {
    if (random == null) {
      random = config.random();
    }
    return random;
  }

  /** Records {@code d} as open, so that {@link #close} closes it if the program does not. */
  <T extends Descriptor> T open(T d) {
    openDescriptors.add(d);
    return d;
  }

  /** Records socket {@code s} as open, so that {@link #close} closes it. */
  <T extends AutoCloseable> T openSocket(T s) {
    openSockets.add(s);
    return s;
  }

  /** A socket closed: nothing left for {@link #close}. */
  void closedSocket(Object s) {
    openSockets.remove(s);
  }

  private void closeDescriptor(Object rep) {
    Descriptor d = (Descriptor) rep;
    if (openDescriptors.remove(d)) {
      d.close();
    }
  }

  private static void closeInput(Object rep) {
    try {
      ((Streams.Input) rep).close();
    } catch (IOException e) {
      // Nothing the program could do about it: the stream is gone either way.
    }
  }

  private static void closeOutput(Object rep) {
    try {
      ((Streams.Output) rep).close();
    } catch (IOException e) {
      // A stream the program drops after its reader went away: nothing to report to it.
    }
  }

  /**
   * Flushes standard output and error, and closes the descriptors and sockets the program left
   * open.
   */
  @Override
  public void close() {
    for (Descriptor d : List.copyOf(openDescriptors)) {
      closeDescriptor(d);
    }
    for (AutoCloseable s : List.copyOf(openSockets)) {
      try {
        s.close();
      } catch (Exception e) {
        // Sockets close without failing; the JDK's signature says otherwise.
      }
    }
    try {
      stdout.flush();
      stderr.flush();
    } catch (IOException e) {
      // The reader of standard output went away; the program has ended anyway.
    }
  }
}

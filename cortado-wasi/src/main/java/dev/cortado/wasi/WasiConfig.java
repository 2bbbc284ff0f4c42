package dev.cortado.wasi;

import java.nio.channels.ServerSocketChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a WASI program sees: arguments, environment, standard streams, preopened directories and
 * sockets, clocks and randomness. Immutable: each {@code withX} returns a changed copy.
 *
 * <p>The defaults give a program nothing: no arguments, no environment, empty standard input,
 * standard output and error discarded, no directories, no network ({@link SocketPolicy#none()}),
 * the system clocks, a secure random generator.
 */
public final class WasiConfig {
  static {
    dev.cortado.wasi.internal.ConfigAccess.register(
        new dev.cortado.wasi.internal.ConfigAccess.Opener() {
          @Override
          public dev.cortado.wasi.internal.ProgramInput stdin(WasiConfig c) {
            return c.stdin.open();
          }

          @Override
          public java.io.OutputStream stdout(WasiConfig c) {
            return c.stdout.stream();
          }

          @Override
          public java.io.OutputStream stderr(WasiConfig c) {
            return c.stderr.stream();
          }
        });
  }

  private static final WasiConfig DEFAULTS =
      new WasiConfig(
          List.of(),
          Map.of(),
          WasiInput.empty(),
          WasiOutput.discard(),
          WasiOutput.discard(),
          List.of(),
          List.of(),
          WasiClock.system(),
          null,
          SocketPolicy.none());

  private final List<String> args;
  private final Map<String, String> env;
  private final WasiInput stdin;
  private final WasiOutput stdout;
  private final WasiOutput stderr;
  private final List<Preopen> preopens;
  private final List<ServerSocketChannel> sockets;
  private final WasiClock clock;
  private final RandomGenerator random;
  private final SocketPolicy network;

  private WasiConfig(
      List<String> args,
      Map<String, String> env,
      WasiInput stdin,
      WasiOutput stdout,
      WasiOutput stderr,
      List<Preopen> preopens,
      List<ServerSocketChannel> sockets,
      WasiClock clock,
      RandomGenerator random,
      SocketPolicy network) {
    this.args = List.copyOf(args);
    this.env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.preopens = List.copyOf(preopens);
    this.sockets = List.copyOf(sockets);
    this.clock = clock;
    this.random = random;
    this.network = network;
  }

  /** Returns the configuration that gives a program nothing. */
  public static WasiConfig defaults() {
    return DEFAULTS;
  }

  private WasiConfig with(
      List<String> args,
      Map<String, String> env,
      WasiInput stdin,
      WasiOutput stdout,
      WasiOutput stderr,
      List<Preopen> preopens,
      List<ServerSocketChannel> sockets,
      WasiClock clock,
      RandomGenerator random,
      SocketPolicy network) {
    return new WasiConfig(
        args, env, stdin, stdout, stderr, preopens, sockets, clock, random, network);
  }

  /** Returns a copy with {@code args} as the arguments; the first is the program's name. */
  public WasiConfig withArgs(List<String> args) {
    return with(args, env, stdin, stdout, stderr, preopens, sockets, clock, random, network);
  }

  /** Returns a copy with {@code env} as the whole environment, in its iteration order. */
  public WasiConfig withEnv(Map<String, String> env) {
    for (String key : env.keySet()) {
      checkEnvKey(key);
    }
    return with(args, env, stdin, stdout, stderr, preopens, sockets, clock, random, network);
  }

  /** Returns a copy with {@code key=value} added to (or replaced in) the environment. */
  public WasiConfig withEnv(String key, String value) {
    checkEnvKey(key);
    Map<String, String> m = new LinkedHashMap<>(env);
    m.put(key, Objects.requireNonNull(value, "value"));
    return with(args, m, stdin, stdout, stderr, preopens, sockets, clock, random, network);
  }

  private static void checkEnvKey(String key) {
    if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not an environment variable name: \"" + key + "\"");
    }
  }

  /** Returns a copy reading standard input from {@code in}. */
  public WasiConfig withStdin(WasiInput in) {
    return with(
        args,
        env,
        Objects.requireNonNull(in),
        stdout,
        stderr,
        preopens,
        sockets,
        clock,
        random,
        network);
  }

  /** Returns a copy writing standard output to {@code out}. */
  public WasiConfig withStdout(WasiOutput out) {
    return with(
        args,
        env,
        stdin,
        Objects.requireNonNull(out),
        stderr,
        preopens,
        sockets,
        clock,
        random,
        network);
  }

  /** Returns a copy writing standard error to {@code err}. */
  public WasiConfig withStderr(WasiOutput err) {
    return with(
        args,
        env,
        stdin,
        stdout,
        Objects.requireNonNull(err),
        preopens,
        sockets,
        clock,
        random,
        network);
  }

  /** Returns a copy using the JVM's standard input, output and error. */
  public WasiConfig withInheritedStdio() {
    return with(
        args,
        env,
        WasiInput.inherit(),
        WasiOutput.inheritStdout(),
        WasiOutput.inheritStderr(),
        preopens,
        sockets,
        clock,
        random,
        network);
  }

  /** Returns a copy with {@code preopen} added after the existing ones. */
  public WasiConfig withPreopen(Preopen preopen) {
    List<Preopen> list = new ArrayList<>(preopens);
    list.add(Objects.requireNonNull(preopen, "preopen"));
    return with(args, env, stdin, stdout, stderr, list, sockets, clock, random, network);
  }

  /**
   * Returns a copy with a listening socket the program may {@code sock_accept} on. Sockets get the
   * descriptors right after standard error (3, 4, ...), before preopened directories.
   */
  public WasiConfig withListeningSocket(ServerSocketChannel socket) {
    List<ServerSocketChannel> list = new ArrayList<>(sockets);
    list.add(Objects.requireNonNull(socket, "socket"));
    return with(args, env, stdin, stdout, stderr, preopens, list, clock, random, network);
  }

  /** Returns a copy reading time from {@code clock}. */
  public WasiConfig withClock(WasiClock clock) {
    return with(
        args,
        env,
        stdin,
        stdout,
        stderr,
        preopens,
        sockets,
        Objects.requireNonNull(clock),
        random,
        network);
  }

  /** Returns a copy drawing {@code random_get} bytes from {@code random} (seed it for tests). */
  public WasiConfig withRandom(RandomGenerator random) {
    return with(
        args,
        env,
        stdin,
        stdout,
        stderr,
        preopens,
        sockets,
        clock,
        Objects.requireNonNull(random),
        network);
  }

  /**
   * Returns a copy whose {@code wasi:sockets} (WASI 0.2 components) may do what {@code policy}
   * grants; by default nothing.
   */
  public WasiConfig withSocketPolicy(SocketPolicy policy) {
    return with(
        args,
        env,
        stdin,
        stdout,
        stderr,
        preopens,
        sockets,
        clock,
        random,
        Objects.requireNonNull(policy, "policy"));
  }

  /** Returns the arguments. */
  public List<String> args() {
    return args;
  }

  /** Returns the environment, in order. */
  public Map<String, String> env() {
    return env;
  }

  /** Returns the standard input. */
  public WasiInput stdin() {
    return stdin;
  }

  /** Returns the standard output. */
  public WasiOutput stdout() {
    return stdout;
  }

  /** Returns the standard error. */
  public WasiOutput stderr() {
    return stderr;
  }

  /** Returns the preopened directories, in descriptor order. */
  public List<Preopen> preopens() {
    return preopens;
  }

  /** Returns the preopened listening sockets, in descriptor order. */
  public List<ServerSocketChannel> sockets() {
    return sockets;
  }

  /** Returns the clocks. */
  public WasiClock clock() {
    return clock;
  }

  /** Returns what the program's {@code wasi:sockets} may do. */
  public SocketPolicy socketPolicy() {
    return network;
  }

  /** Returns the random generator (a new secure one if none was set). */
  public RandomGenerator random() {
    return random != null ? random : new SecureRandom();
  }
}

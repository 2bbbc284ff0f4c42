package dev.cortado.component;

import dev.cortado.component.internal.wasi.Host;
import dev.cortado.runtime.Store;
import dev.cortado.wasi.WasiConfig;
import java.util.Objects;

/**
 * One program's WASI 0.2 world, for components: {@code wasi:cli} (arguments, environment, exit,
 * standard streams, terminals), {@code wasi:io} (errors, pollables, streams), {@code wasi:clocks},
 * {@code wasi:random}, {@code wasi:filesystem} (its preopened directories and every descriptor
 * method, on preview1's sandbox) and {@code wasi:sockets} (TCP, UDP and name lookup, as far as
 * {@link WasiConfig#socketPolicy()} grants), configured by the same {@link WasiConfig} as preview1.
 * {@code wasi:http} is {@link WasiHttp}'s. Define the interfaces in a component linker once with
 * {@link #define}; create a world per program run, {@link #enter} it into the run's store, and
 * {@link #close()} it when the program is done.
 *
 * <pre>{@code
 * ComponentLinker linker = WasiPreview2.define(ComponentLinker.create());
 * try (WasiPreview2 wasi = WasiPreview2.create(WasiConfig.defaults().withInheritedStdio())) {
 *   Store store = Store.create(engine);
 *   wasi.enter(store);
 *   ComponentInstance app = linker.instantiate(store, component);
 *   app.function("wasi:cli/run@0.2.0", "run").orElseThrow().call();
 * }
 * }</pre>
 */
public final class WasiPreview2 implements AutoCloseable {
  private final Host host;

  private WasiPreview2(Host host) {
    this.host = host;
  }

  /**
   * Returns the world {@code config} describes.
   *
   * @throws IllegalArgumentException if a preopened directory does not exist or is not one
   */
  public static WasiPreview2 create(WasiConfig config) {
    return new WasiPreview2(Host.create(Objects.requireNonNull(config, "config")));
  }

  /**
   * Defines every WASI 0.2 interface in {@code linker}, and returns the linker. Each function
   * serves the world entered into the store of the instance calling it ({@link #enter}), so one
   * linker, defined once, serves any number of runs, each in a store of its own: what a server
   * instantiating a component per request wants.
   */
  public static ComponentLinker define(ComponentLinker linker) {
    Host.define(Objects.requireNonNull(linker, "linker"));
    return linker;
  }

  /**
   * Defines every interface of WASI 0.2 in {@code linker}, and returns the linker: the same as
   * {@link #define}, since the functions serve the world entered into the calling store.
   */
  public ComponentLinker addTo(ComponentLinker linker) {
    return define(linker);
  }

  /**
   * Makes this world the one that serves calls from components running in {@code store} (one world
   * per store; entering another replaces it), and names the store, so that blocking calls (reading
   * standard input, waiting on a pollable) stop when it is interrupted or its deadline passes. Call
   * it before instantiating.
   */
  public void enter(Store store) {
    host.enter(Objects.requireNonNull(store, "store"));
  }

  /** Flushes the standard streams, and closes the files and sockets the program left open. */
  @Override
  public void close() {
    host.close();
  }
}

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
 * {@code wasi:http} is {@link WasiHttp}'s. Create one per program run, define its interfaces in a
 * component linker with {@link #addTo}, and {@link #close()} it when the program is done.
 *
 * <pre>{@code
 * try (WasiPreview2 wasi = WasiPreview2.create(WasiConfig.defaults().withInheritedStdio())) {
 *   ComponentLinker linker = wasi.addTo(ComponentLinker.create());
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

  /** Defines every interface of this world in {@code linker}, and returns the linker. */
  public ComponentLinker addTo(ComponentLinker linker) {
    host.define(Objects.requireNonNull(linker, "linker"));
    return linker;
  }

  /**
   * Names the store the component runs in, so that blocking calls (reading standard input, waiting
   * on a pollable) stop when it is interrupted or its deadline passes.
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

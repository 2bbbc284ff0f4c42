package dev.cortado.wasi;

import dev.cortado.runtime.Linker;
import dev.cortado.wasi.internal.DirectoryDescriptor;
import dev.cortado.wasi.internal.SocketDescriptor;
import dev.cortado.wasi.internal.StreamDescriptor;
import dev.cortado.wasi.internal.WasiContext;
import dev.cortado.wasi.internal.WasiFunctions;
import java.util.Objects;

/**
 * One program's WASI preview1 world: its descriptors (standard streams, preopened sockets and
 * directories), arguments, environment and clocks, as {@link WasiConfig} describes them. Create one
 * per program run, define its functions in a linker with {@link #addTo}, and {@link #close()} it
 * when the program is done.
 */
public final class WasiPreview1 implements AutoCloseable {
  private final WasiContext context;

  private WasiPreview1(WasiContext context) {
    this.context = context;
  }

  /**
   * Returns a WASI world configured by {@code config}: descriptor 0 is standard input, 1 standard
   * output, 2 standard error, then the listening sockets, then the preopened directories, in the
   * order the configuration lists them.
   *
   * @throws IllegalArgumentException if a preopened directory does not exist or is not a folder
   */
  public static WasiPreview1 create(WasiConfig config) {
    Objects.requireNonNull(config, "config");
    WasiContext ctx = new WasiContext(config.args(), config.env(), config.clock(), config::random);
    ctx.fds.insert(StreamDescriptor.reading(ctx, config.stdin().open()));
    ctx.fds.insert(StreamDescriptor.writing(config.stdout().stream()));
    ctx.fds.insert(StreamDescriptor.writing(config.stderr().stream()));
    for (var socket : config.sockets()) {
      ctx.fds.insert(SocketDescriptor.listening(ctx, socket));
    }
    try {
      for (Preopen preopen : config.preopens()) {
        ctx.fds.insert(DirectoryDescriptor.preopen(preopen));
      }
    } catch (IllegalArgumentException e) {
      ctx.fds.closeAll();
      throw e;
    }
    return new WasiPreview1(ctx);
  }

  /** Defines every {@code wasi_snapshot_preview1} function in {@code linker}. */
  public WasiPreview1 addTo(Linker linker) {
    WasiFunctions.define(Objects.requireNonNull(linker, "linker"), context);
    return this;
  }

  /** Closes every descriptor the program still holds, flushing its outputs. */
  @Override
  public void close() {
    context.fds.closeAll();
  }
}

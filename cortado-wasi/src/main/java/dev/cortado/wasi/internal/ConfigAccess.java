package dev.cortado.wasi.internal;

import dev.cortado.wasi.WasiConfig;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Opens a {@link WasiConfig}'s standard streams for a WASI host in another package (the WASI 0.2
 * host in {@code dev.cortado.component}), without making the opening part of the public API: the
 * configuration classes register how, once, when {@link WasiConfig} is initialized.
 */
public final class ConfigAccess {
  /** How a configuration's standard streams are opened for one program run. */
  public interface Opener {
    /** Returns standard input, opened for one run. */
    ProgramInput stdin(WasiConfig config);

    /** Returns the stream standard output writes to. */
    OutputStream stdout(WasiConfig config);

    /** Returns the stream standard error writes to. */
    OutputStream stderr(WasiConfig config);
  }

  private static volatile Opener opener;

  private ConfigAccess() {}

  /** Registers the opener; {@link WasiConfig} calls this when it is initialized. */
  public static void register(Opener o) {
    opener = Objects.requireNonNull(o);
  }

  /** Returns the opener. */
  public static Opener opener() {
    if (opener == null) {
      WasiConfig.defaults(); // initializes WasiConfig, which registers
    }
    return opener;
  }
}

package dev.cortado.container;

import dev.cortado.container.internal.Dispatcher;

/**
 * {@code cortado-runc}: an OCI runtime with runc's command line, which containerd's runc shim
 * ({@code io.containerd.runc.v2}) runs as its {@code BinaryName}. A bundle whose entrypoint is a
 * {@code .wasm} file (or annotated {@code module.wasm.image/variant=compat}) runs on Cortado, in a
 * JVM of its own; any other bundle is handed to runc with the same arguments. Launched by {@code
 * bin/cortado-runc}.
 */
public final class CortadoRunc {
  private CortadoRunc() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(Dispatcher.run(args, System.out, System.err, System.getenv()));
  }
}

package dev.cortado.wasi;

import dev.cortado.wasm.WasmException;

/**
 * The program called {@code proc_exit}: it finished with an exit code. Not an error: catch it
 * around the call to {@code _start} and use {@link #exitCode()}.
 */
public final class WasiExitException extends WasmException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** Creates the exception for {@code exitCode}. */
  public WasiExitException(int exitCode) {
    super("exit", "the program exited with code " + exitCode, "", null);
    this.exitCode = exitCode;
  }

  /** Returns the exit code the program gave {@code proc_exit}. */
  public int exitCode() {
    return exitCode;
  }
}

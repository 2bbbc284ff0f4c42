package dev.cortado.container.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What every subcommand gets: the global options, the log, the streams, and the command line as it
 * came (without our own options) for a delegated container.
 *
 * @param root the state folder ({@code --root})
 * @param log the log ({@code --log}, {@code --log-format})
 * @param systemdCgroup {@code --systemd-cgroup}
 * @param delegate the runtime for bundles that are not Wasm, if one is configured or found
 * @param rawArgs the command line to pass to that runtime
 * @param out standard output
 * @param err standard error
 */
public record Context(
    Path root,
    RuncLog log,
    boolean systemdCgroup,
    Optional<Path> delegate,
    List<String> rawArgs,
    PrintStream out,
    PrintStream err) {

  /** The folder of container {@code id}. */
  public ContainerDir container(String id) {
    return ContainerDir.of(root, id);
  }

  /** The delegate runtime, or a failure saying there is none to run {@code what}. */
  public Path requireDelegate(String what) {
    return delegate.orElseThrow(
        () ->
            new RuncException(
                what
                    + " is not a Wasm container, and there is no runc to hand it to: install runc,"
                    + " or name a runtime with --delegate-runtime or CORTADO_RUNC_DELEGATE"));
  }
}

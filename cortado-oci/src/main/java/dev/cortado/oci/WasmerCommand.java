package dev.cortado.oci;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command of a {@link WasmerPackage}: which atom runs, under which runner, with which arguments
 * before the user's.
 *
 * @param name the command's name ({@code cortado run --command NAME})
 * @param runner the runner's URI, for example {@value #WASI_RUNNER}; a wapm tarball's module ABI
 *     maps {@code wasi} to it
 * @param atom the name of the atom (the WebAssembly module) the command runs
 * @param atomDependency the dependency the atom comes from, if not from this package
 * @param mainArgs arguments placed before the user's (after the program name)
 * @param env environment variables, {@code NAME=VALUE}
 * @param cwd the working directory the command expects, if it names one
 * @see <a href="https://docs.rs/webc/latest/webc/metadata/annotations/index.html">webc command
 *     annotations</a>
 */
public record WasmerCommand(
    String name,
    String runner,
    String atom,
    Optional<String> atomDependency,
    List<String> mainArgs,
    List<String> env,
    Optional<String> cwd) {
  /** The runner of WASI commands. */
  public static final String WASI_RUNNER = "https://webc.org/runner/wasi";

  /** Checks that every part is present and copies the lists. */
  public WasmerCommand {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(runner, "runner");
    Objects.requireNonNull(atom, "atom");
    Objects.requireNonNull(atomDependency, "atomDependency");
    mainArgs = List.copyOf(mainArgs);
    env = List.copyOf(env);
    Objects.requireNonNull(cwd, "cwd");
  }

  /** Returns whether the command runs as a WASI program (its runner is the WASI runner). */
  public boolean isWasi() {
    return runner.startsWith(WASI_RUNNER);
  }
}

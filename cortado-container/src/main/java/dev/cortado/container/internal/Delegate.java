package dev.cortado.container.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runtime that runs containers which are not Wasm: runc (or any runtime with its command line)
 * run with exactly the arguments {@code cortado-runc} was given, standard streams passed through,
 * its exit status returned as ours.
 */
public final class Delegate {
  /** The environment variable naming the delegate runtime. */
  public static final String ENV = "CORTADO_RUNC_DELEGATE";

  private Delegate() {}

  /**
   * Finds the runtime: {@code option} if given, else {@code $CORTADO_RUNC_DELEGATE}, else {@code
   * runc} on {@code path}, never {@code self} (cortado-runc installed under the name runc).
   */
  public static Optional<Path> find(
      Optional<String> option, Optional<String> env, String path, Optional<Path> self) {
    if (option.isPresent() && !option.get().isEmpty()) {
      return Optional.of(Path.of(option.get()));
    }
    if (env.isPresent() && !env.get().isEmpty()) {
      return Optional.of(Path.of(env.get()));
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "runc");
      if (Files.isExecutable(candidate) && !sameFile(candidate, self)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean sameFile(Path candidate, Optional<Path> self) {
    try {
      return self.isPresent() && Files.isSameFile(candidate, self.get());
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs {@code runtime} with {@code args} and returns its exit status. */
  public static int run(Path runtime, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(runtime.toString());
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).inheritIO().start();
      return p.waitFor();
    } catch (IOException e) {
      throw new RuncException("cannot run " + runtime + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuncException("interrupted while " + runtime + " ran");
    }
  }

  /** Returns {@code args} without cortado-runc's own global options (the delegate has none). */
  public static List<String> withoutOwnOptions(List<String> args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--delegate-runtime")) {
        i++;
      } else if (!a.startsWith("--delegate-runtime=")) {
        out.add(a);
      }
    }
    return out;
  }
}

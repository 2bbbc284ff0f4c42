package dev.cortado.cli;

import dev.cortado.oci.LocalStore;
import dev.cortado.oci.Npm;
import dev.cortado.oci.NpmSettings;
import dev.cortado.oci.Oci;
import dev.cortado.oci.OciException;
import dev.cortado.oci.Reference;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/** What the registry commands share: the user's Oci, references, errors, sizes. */
final class OciSupport {
  private OciSupport() {}

  /** Returns the user's store and credentials; {@code insecure} uses plain HTTP everywhere. */
  static Oci oci(boolean insecure) {
    return call(() -> Oci.defaults(insecure));
  }

  /**
   * Returns the user's npm settings (their {@code .npmrc} files, read from the working folder) and
   * store; {@code registry}, when not null, replaces the default registry.
   */
  static Npm npm(String registry) {
    return call(
        () -> {
          NpmSettings settings = NpmSettings.fromEnvironment(Path.of(""));
          if (registry != null) {
            try {
              settings = settings.withRegistry(new URI(registry));
            } catch (URISyntaxException | IllegalArgumentException e) {
              throw new UserException(
                  "--npm-registry '" + registry + "' is not an http:// or https:// URL");
            }
          }
          return Npm.create(settings, LocalStore.defaultStore());
        });
  }

  /** Parses a reference, or fails with the reason. */
  static Reference reference(String text) {
    return call(() -> Reference.parse(text));
  }

  /**
   * Parses a registry given alone ({@code ghcr.io}, {@code https://ghcr.io/}, {@code
   * localhost:5000}), through a reference so that Docker Hub's names agree.
   */
  static Reference registry(String text) {
    String host = text.replaceFirst("^[a-zA-Z]+://", "").replaceFirst("/.*$", "");
    if (host.isEmpty()) {
      throw new UserException("'" + text + "' is not a registry");
    }
    return call(() -> Reference.parse(host + "/cortado/login"));
  }

  /** Runs {@code action}; a registry, network or store failure becomes a one-line error. */
  static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (OciException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /** Returns {@code n noun} for people: {@code 1 file}, {@code 2 files}. */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Returns {@code bytes} for people: {@code 812 B}, {@code 1.4 MiB}. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /**
   * Returns whether the process talks to a terminal: {@code System.console()} exists and, on JDKs
   * whose console exists for redirected streams too (22+), says it is a terminal.
   */
  static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}

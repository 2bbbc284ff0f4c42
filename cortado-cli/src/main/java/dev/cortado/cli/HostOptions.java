package dev.cortado.cli;

import dev.cortado.wasi.Preopen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options that give a program part of the host, shared by {@code run} and {@code serve}: {@code
 * --env NAME=VALUE} (or {@code NAME}, copying the host's) and {@code --dir HOST[::GUEST]}.
 */
final class HostOptions {
  private HostOptions() {}

  /**
   * Returns the variables {@code --env} options give, in order; a host variable unset is left out.
   */
  static Map<String, String> environment(List<String> env) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String e : env) {
      int eq = e.indexOf('=');
      String name = eq < 0 ? e : e.substring(0, eq);
      if (name.isEmpty()) {
        throw new UserException("--env needs NAME=VALUE or NAME, not \"" + e + "\"");
      }
      String value = eq < 0 ? System.getenv(name) : e.substring(eq + 1);
      if (value != null) {
        m.put(name, value);
      }
    }
    return m;
  }

  /** Returns the preopen a {@code --dir HOST[::GUEST]} option gives. */
  static Preopen preopen(String spec, boolean readOnly) {
    int sep = spec.indexOf("::");
    String host = sep < 0 ? spec : spec.substring(0, sep);
    String guest = sep < 0 ? spec : spec.substring(sep + 2);
    Path path = Path.of(host);
    if (!Files.isDirectory(path)) {
      throw new UserException(
          "--dir "
              + spec
              + ": "
              + host
              + (Files.exists(path) ? " is not a directory" : " does not exist"));
    }
    if (guest.isEmpty()) {
      throw new UserException("--dir " + spec + ": the guest path is empty");
    }
    return new Preopen(path, guest, readOnly);
  }
}

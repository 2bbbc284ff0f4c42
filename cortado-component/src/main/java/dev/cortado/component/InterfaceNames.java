package dev.cortado.component;

import java.util.Optional;

/**
 * Interface names with versions ({@code wasi:cli/environment@0.2.12}) and which versions satisfy
 * which: the same major version, and for 0.x versions the same minor one, as semantic versioning
 * makes them compatible; so a host's 0.2.x interface serves components built against any 0.2.y.
 */
final class InterfaceNames {
  private InterfaceNames() {}

  /** Returns the name without its version. */
  static String unversioned(String name) {
    int at = name.indexOf('@');
    return at < 0 ? name : name.substring(0, at);
  }

  private static Optional<int[]> version(String name) {
    int at = name.indexOf('@');
    if (at < 0) {
      return Optional.empty();
    }
    String v = name.substring(at + 1);
    int pre = v.indexOf('-');
    String[] parts = (pre < 0 ? v : v.substring(0, pre)).split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    int[] out = new int[3];
    try {
      for (int i = 0; i < 3; i++) {
        out[i] = Integer.parseInt(parts[i]);
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  /**
   * Returns whether an interface named {@code offered} can serve an import named {@code wanted}.
   */
  static boolean satisfies(String offered, String wanted) {
    if (offered.equals(wanted)) {
      return true;
    }
    if (!unversioned(offered).equals(unversioned(wanted))) {
      return false;
    }
    Optional<int[]> o = version(offered);
    Optional<int[]> w = version(wanted);
    if (o.isEmpty() || w.isEmpty()) {
      return false;
    }
    int[] a = o.get();
    int[] b = w.get();
    if (a[0] != b[0]) {
      return false;
    }
    if (a[0] == 0 && a[1] != b[1]) {
      return false;
    }
    return a[0] != 0 || a[1] != 0 || a[2] == b[2];
  }
}

package dev.cortado.oci.internal.wasmer;

import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for names inside a package: a path is relative, made of components that are not
 * empty, {@code .} or {@code ..}, and hold no {@code /}, {@code \} or NUL. Anything else is
 * refused, so that no name can reach outside the folder a volume is written to.
 */
public final class PackagePaths {
  private static final int MAX_PATH = 4096;

  private PackagePaths() {}

  /** Checks one component of a path (a name in a volume's folder). */
  static String name(String name, String where, String what) {
    if (name.indexOf('/') >= 0 || !isPlain(name)) {
      throw unsafe(what, "the name '" + printable(name) + "' in " + where + " is not a plain name");
    }
    return name;
  }

  /**
   * Returns {@code path} (a path in a package's manifest or archive, {@code /} separated) made
   * relative: leading {@code /} and {@code ./} removed, {@code ""} for the root. A {@code ..}
   * anywhere is refused.
   */
  static String relative(String path, String where, String what) {
    if (path.length() > MAX_PATH || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
      throw unsafe(what, where + " '" + printable(path) + "' is not a plain path");
    }
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.equals("..")) {
        throw unsafe(what, where + " '" + printable(path) + "' climbs out with '..'");
      }
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }

  /** Returns whether {@code path} is relative and every component a plain name. */
  public static boolean isPlain(String path) {
    if (path.isEmpty() || path.length() > MAX_PATH) {
      return false;
    }
    for (String part : path.split("/", -1)) {
      if (part.isEmpty()
          || part.equals(".")
          || part.equals("..")
          || part.indexOf('\\') >= 0
          || part.indexOf('\0') >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Returns {@code prefix/name}, or {@code name} at the root. */
  static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .limit(200)
        .forEach(
            c ->
                b.append(
                    c < 0x20 || c == 0x7f
                        ? "\\x" + Integer.toHexString(c)
                        : Character.toString(c)));
    return b.toString();
  }

  /** Returns the failure for an unsafe package, naming {@code what} and why. */
  public static OciException unsafe(String what, String why) {
    return new OciException(Kind.UNSAFE_ARCHIVE, what + " is unsafe and was not used: " + why);
  }
}

package dev.cortado.oci;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Wasm module in an npm package: {@code npm:PACKAGE[@VERSION|@TAG|@RANGE][/PATH]}, e.g. {@code
 * npm:tree-sitter-json@0.24.8}, {@code npm:@scope/name@latest/dist/x.wasm}. Without a version the
 * {@code latest} dist-tag is meant; without a path, the package's only {@code .wasm} file.
 *
 * @see <a href="https://docs.npmjs.com/cli/v10/configuring-npm/package-json#name">npm package
 *     names</a>
 */
public final class NpmReference implements SourceReference {
  /** The prefix that marks an npm reference. */
  public static final String PREFIX = "npm:";

  private static final Pattern NAME_PART = Pattern.compile("[a-z0-9~-][a-z0-9._~-]*");
  private static final Pattern SPEC = Pattern.compile("[A-Za-z0-9.+~^<>=|*_ -]+");

  private final String name;
  private final String spec;
  private final String path;

  private NpmReference(String name, String spec, String path) {
    this.name = name;
    this.spec = spec;
    this.path = path;
  }

  /** Returns whether {@code text} is meant as an npm reference (it starts with {@code npm:}). */
  public static boolean isNpm(String text) {
    return text.strip().startsWith(PREFIX);
  }

  /**
   * Parses {@code text}.
   *
   * @throws OciException of kind {@link OciException.Kind#INVALID_REFERENCE} with the reason
   */
  public static NpmReference parse(String text) {
    String s = text.strip();
    if (!s.startsWith(PREFIX)) {
      throw invalid(text, "it does not start with npm:");
    }
    s = s.substring(PREFIX.length());
    int nameEnd = s.startsWith("@") ? s.indexOf('/') + 1 : 0;
    if (s.startsWith("@") && nameEnd == 0) {
      throw invalid(text, "a scoped package is written @scope/name");
    }
    while (nameEnd < s.length() && s.charAt(nameEnd) != '@' && s.charAt(nameEnd) != '/') {
      nameEnd++;
    }
    String name = s.substring(0, nameEnd);
    checkName(text, name);
    String rest = s.substring(nameEnd);
    String spec = null;
    if (rest.startsWith("@")) {
      int slash = rest.indexOf('/');
      spec = slash < 0 ? rest.substring(1) : rest.substring(1, slash);
      rest = slash < 0 ? "" : rest.substring(slash);
      if (spec.isEmpty() || !SPEC.matcher(spec).matches()) {
        throw invalid(text, "'" + spec + "' is not a version, tag or range");
      }
    }
    String path = null;
    if (rest.startsWith("/")) {
      path = rest.substring(1);
      checkPath(text, path);
    }
    return new NpmReference(name, spec, path);
  }

  private static void checkName(String text, String name) {
    if (name.isEmpty()) {
      throw invalid(text, "the package name is missing");
    }
    if (name.length() > 214) {
      throw invalid(text, "a package name has at most 214 characters");
    }
    String[] parts = name.startsWith("@") ? name.substring(1).split("/", -1) : new String[] {name};
    for (String part : parts) {
      if (!NAME_PART.matcher(part).matches()) {
        throw invalid(
            text,
            "'"
                + name
                + "' is not an npm package name (lowercase letters, digits and -._~, not"
                + " starting with . or _)");
      }
    }
  }

  private static void checkPath(String text, String path) {
    if (path.isEmpty() || path.endsWith("/")) {
      throw invalid(text, "the path after the package must name a file, e.g. /dist/x.wasm");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw invalid(text, "the path must be plain folder names inside the package");
      }
    }
    if (path.contains("\\") || path.indexOf('\0') >= 0) {
      throw invalid(text, "the path must use / between folder names");
    }
  }

  private static OciException invalid(String text, String why) {
    return new OciException(
        OciException.Kind.INVALID_REFERENCE, "invalid npm reference '" + text + "': " + why);
  }

  /** Returns the reference to exactly {@code version} of this package, at {@code path}. */
  public NpmReference resolved(String version, String path) {
    return new NpmReference(name, version, path);
  }

  /** Returns the package name, e.g. {@code @scope/name}. */
  public String packageName() {
    return name;
  }

  /** Returns the scope ({@code @scope}) of a scoped package. */
  public Optional<String> scope() {
    return name.startsWith("@")
        ? Optional.of(name.substring(0, name.indexOf('/')))
        : Optional.empty();
  }

  /** Returns the version, dist-tag or range as written, if one was. */
  public Optional<String> spec() {
    return Optional.ofNullable(spec);
  }

  /** Returns the path of the module inside the package, if one was given. */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /** Returns the version, dist-tag or range, {@code latest} when none was written. */
  public String specOrLatest() {
    return spec != null ? spec : "latest";
  }

  /**
   * Returns {@code npm:name@spec[/path]}, with {@code latest} for a missing spec: the key the store
   * records it under.
   */
  @Override
  public String toString() {
    return PREFIX + name + "@" + specOrLatest() + (path != null ? "/" + path : "");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NpmReference r && toString().equals(r.toString());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toString());
  }
}

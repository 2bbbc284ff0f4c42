package dev.cortado.oci;

import dev.cortado.oci.internal.suborbital.BundleZip;
import dev.cortado.wasm.Bytes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Suborbital bundle ({@code runnables.wasm.zip}, as subo and Atmo write it): a zip holding {@code
 * Directive.yaml}, each runnable as {@code <name>.wasm} and static files under {@code static/}.
 * Reading it refuses hostile archives: entry names with {@code ..}, absolute names or backslashes,
 * links, more entries or bytes than the limits, an oversized Directive, and a Directive whose steps
 * call runnables the bundle does not hold.
 *
 * @param file the bundle
 * @param directive its Directive
 * @param runnables each runnable's module, by name
 * @param staticFiles each static file, by its path under {@code static/}
 */
public record SuborbitalBundle(
    Path file,
    SuborbitalDirective directive,
    Map<String, Bytes> runnables,
    Map<String, Bytes> staticFiles) {
  /** The most entries a bundle may have. */
  public static final int MAX_ENTRIES = 4096;

  /** The most bytes one entry may unpack to. */
  public static final long MAX_ENTRY = 64L << 20;

  /** The most bytes all entries together may unpack to. */
  public static final long MAX_TOTAL = 256L << 20;

  /** The largest Directive read. */
  public static final int MAX_DIRECTIVE = 1 << 20;

  /** Checks every part is present and copies the maps. */
  public SuborbitalBundle {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(directive, "directive");
    runnables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runnables));
    staticFiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(staticFiles));
  }

  /**
   * Reads the bundle {@code zip}.
   *
   * @throws OciException {@link OciException.Kind#UNSAFE_ARCHIVE} for a hostile archive; {@link
   *     OciException.Kind#MALFORMED_PACKAGE} for a zip or Directive that does not parse (naming the
   *     Directive's line) or is incomplete; {@link OciException.Kind#LOCAL_IO} if it cannot be read
   */
  public static SuborbitalBundle read(Path zip) {
    return BundleZip.read(zip);
  }

  /**
   * Returns whether {@code file}'s name marks it as a bundle ({@code .wasm.zip} or {@code .zip}).
   */
  public static boolean isBundleName(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().endsWith(".zip");
  }

  /** Returns the module of runnable {@code name}, if the bundle holds it. */
  public Optional<Bytes> runnable(String name) {
    return Optional.ofNullable(runnables.get(name));
  }
}

package dev.cortado.oci.internal.wasmer;

import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.WasmerPackage.Limits;

/**
 * Counts what a package unpacks to, across all its volumes and atoms, and refuses the package once
 * it passes the {@link Limits}: files of a webc volume are ranges of its data, and many entries may
 * name the same range, so a small file could otherwise unpack to terabytes.
 */
final class Budget {
  private final String what;
  private final Limits limits;
  private long bytes;
  private int entries;

  Budget(String what, Limits limits) {
    this.what = what;
    this.limits = limits;
  }

  void entry(String path) {
    if (++entries > limits.maxEntries()) {
      throw unsafe(
          "it has more than " + limits.maxEntries() + " files and folders (at " + path + ")");
    }
  }

  void file(String path, long size) {
    entry(path);
    bytes += size;
    if (bytes > limits.maxUnpacked()) {
      throw unsafe("it unpacks to more than " + limits.maxUnpacked() + " bytes (at " + path + ")");
    }
  }

  private OciException unsafe(String why) {
    return new OciException(Kind.UNSAFE_ARCHIVE, what + " is unsafe and was not used: " + why);
  }
}

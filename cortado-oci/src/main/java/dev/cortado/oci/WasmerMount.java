package dev.cortado.oci;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a package's volume appears in its program's filesystem, as Wasmer mounts it: the package's
 * {@code fs} annotation (a wapm tarball's {@code [fs]} table), or for a webc v2 package without one
 * its {@code atom} volume at {@code /}.
 *
 * @param guestPath the absolute path the program sees, for example {@code /data}
 * @param volume the volume's name
 * @param pathInVolume the folder of the volume that appears there ({@code /} for all of it)
 * @param dependency the dependency the volume comes from, if not from this package
 */
public record WasmerMount(
    String guestPath, String volume, String pathInVolume, Optional<String> dependency) {
  /** Checks that every part is present. */
  public WasmerMount {
    Objects.requireNonNull(guestPath, "guestPath");
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(pathInVolume, "pathInVolume");
    Objects.requireNonNull(dependency, "dependency");
  }
}

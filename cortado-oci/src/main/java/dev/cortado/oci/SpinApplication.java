package dev.cortado.oci;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Spin application in a registry, in Spin's own OCI layout, as {@link Oci#pushApplication} pushed
 * it or {@link Oci#pullArtifact} pulled it into the {@link LocalStore}.
 *
 * <p>The layout is what {@code spin registry push} (Spin 2.0 and later) writes: an OCI image
 * manifest whose layers are each component's Wasm ({@value MediaTypes#SPIN_WASM_LAYER}), each
 * static file ({@value MediaTypes#SPIN_DATA_LAYER}; files of {@value #INLINE_MAX} bytes or fewer
 * are inlined in the locked app instead), every blob once, then the locked app ({@value
 * MediaTypes#SPIN_APPLICATION}); the config is an OCI image config (architecture {@code wasm}, os
 * {@code wasip1}) labelled with the locked app's digest ({@value #LOCKED_APP_LABEL}). Pulling also
 * reads the layout of earlier Spin versions, whose config blob is the locked app.
 *
 * @param reference where it is
 * @param manifest the digest of its manifest
 * @param app the locked app; its content is in the store (after a pull) or in local files (after a
 *     push)
 * @param lockedAppFile the locked app's JSON as kept in the store
 * @param layers how many layers the manifest lists
 * @param size the bytes of those layers
 * @see <a href="https://github.com/spinframework/spin/blob/main/crates/oci/src/client.rs">Spin's
 *     OCI client</a>
 */
public record SpinApplication(
    Reference reference, Digest manifest, LockedApp app, Path lockedAppFile, int layers, long size)
    implements PulledArtifact {
  /** Content this small is inlined in the locked app, as Spin does, rather than a layer. */
  public static final int INLINE_MAX = 128;

  /** The OCI config label that holds the locked app's digest. */
  public static final String LOCKED_APP_LABEL = "com.fermyon.spin.lockedAppDigest";

  /** Checks every part is present. */
  public SpinApplication {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(lockedAppFile, "lockedAppFile");
  }

  /** Returns how many files its components see, in all. */
  public int fileCount() {
    return app.components().stream().mapToInt(c -> c.files().size()).sum();
  }
}

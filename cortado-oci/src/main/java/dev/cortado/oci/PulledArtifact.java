package dev.cortado.oci;

/**
 * What a registry reference held once pulled into the {@link LocalStore}: one Wasm module or
 * component ({@link StoredImage}), or a Spin application ({@link SpinApplication}).
 */
public sealed interface PulledArtifact permits StoredImage, SpinApplication {
  /** Returns the reference it was pulled or pushed as. */
  SourceReference reference();

  /** Returns the digest of its manifest. */
  Digest manifest();
}

package dev.cortado.oci;

/**
 * A manifest or index exactly as the registry sent it.
 *
 * @param mediaType its media type (the answer's {@code Content-Type}, else its {@code mediaType})
 * @param bytes the bytes, over which {@code digest} is computed
 * @param digest the SHA-256 digest of {@code bytes}
 */
public record RawManifest(String mediaType, byte[] bytes, Digest digest) {
  /** Returns whether this is an index (or Docker manifest list) rather than a manifest. */
  public boolean isIndex() {
    return MediaTypes.INDEXES.contains(mediaType);
  }
}

package dev.cortado.oci;

/** Hears how a transfer advances (for progress bars). Called from the transferring thread. */
@FunctionalInterface
public interface Progress {
  /**
   * Reports that {@code done} of {@code total} bytes of {@code what} have been transferred.
   *
   * @param what the digest or a short description of the blob
   * @param done bytes transferred so far
   * @param total the size, or -1 when unknown
   */
  void update(String what, long done, long total);

  /** Returns a listener that ignores everything. */
  static Progress none() {
    return (what, done, total) -> {};
  }
}

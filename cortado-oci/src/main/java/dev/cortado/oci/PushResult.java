package dev.cortado.oci;

/**
 * What {@link Oci#push} did.
 *
 * @param reference where the module went
 * @param manifest the digest of the manifest pushed (pull {@code repository@manifest} for exactly
 *     this artifact)
 * @param module the digest of the module bytes
 * @param size the module's size in bytes
 * @param os {@code wasip1} for a core module, {@code wasip2} for a component
 * @param moduleOutcome how the module blob got there
 * @param configOutcome how the config blob got there
 */
public record PushResult(
    Reference reference,
    Digest manifest,
    Digest module,
    long size,
    String os,
    BlobOutcome moduleOutcome,
    BlobOutcome configOutcome) {}

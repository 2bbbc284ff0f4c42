package dev.cortado.oci;

import java.nio.file.Path;

/**
 * A Wasm module the local store holds under a reference.
 *
 * @param reference the reference it was pulled or pushed as (an OCI or an npm reference)
 * @param manifest the digest of its manifest (what the reference resolved to; for an npm package,
 *     the record of the version, tarball and path the module came from)
 * @param module the digest of the module bytes
 * @param size the module's size in bytes
 * @param created when it was built (the config's {@code created}), or empty when unknown
 * @param path where the module bytes are
 */
public record StoredImage(
    SourceReference reference, Digest manifest, Digest module, long size, String created, Path path)
    implements PulledArtifact {}

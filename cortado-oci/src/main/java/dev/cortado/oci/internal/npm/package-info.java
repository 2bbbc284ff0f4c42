/**
 * npm packages as a source of Wasm modules, behind {@link dev.cortado.oci.Npm}: {@code .npmrc}
 * files, packuments and the choice of a version ({@link dev.cortado.oci.internal.npm.Semver}),
 * Subresource Integrity, and the careful reading of package tarballs.
 */
package dev.cortado.oci.internal.npm;

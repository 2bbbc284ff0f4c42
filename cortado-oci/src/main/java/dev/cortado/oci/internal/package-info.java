/**
 * How {@code dev.cortado.oci} works inside: HTTP exchanges with authentication and retries,
 * challenge and token handling, JSON of manifests and configs, blob uploads, Docker's credential
 * files and helpers, and the store's files. Not exported.
 */
package dev.cortado.oci.internal;

/**
 * Spin applications in registries: the locked app's JSON both ways ({@code LockedAppJson}, its
 * reading checked by {@code JsonReads}), and Spin's OCI layout: building the manifest and config
 * for a push, recognising it and binding the locked app's content to layers on a pull ({@code
 * SpinLayout}).
 */
package dev.cortado.oci.internal.spin;

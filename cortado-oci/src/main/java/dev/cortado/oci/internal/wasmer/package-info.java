/**
 * Wasmer packages as a source of Wasm programs, behind {@link dev.cortado.oci.WasmerPackage}: the
 * {@code .webc} container (versions 2 and 3: index, CBOR manifest, atoms and volumes, with their
 * hashes checked), wapm tarballs ({@code wapm.toml} and the files it names), the checks that keep
 * hostile paths and sizes out, and the writing of volumes into the cache.
 */
package dev.cortado.oci.internal.wasmer;

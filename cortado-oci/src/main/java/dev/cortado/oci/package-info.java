/**
 * Distribution of Wasm modules through OCI registries. {@link dev.cortado.oci.Oci} is the entry
 * point: {@code push}, {@code pull} and {@code resolve} a {@link dev.cortado.oci.Reference}; the
 * pieces under it are the {@link dev.cortado.oci.RegistryClient} (the distribution-spec protocol
 * with token and Basic authentication), {@link dev.cortado.oci.Credentials} found by a {@link
 * dev.cortado.oci.CredentialSource} ({@link dev.cortado.oci.LoginStore} and Docker's {@code
 * config.json}), and the {@link dev.cortado.oci.LocalStore}. npm packages are a second source of
 * modules for the same store: {@link dev.cortado.oci.Npm} pulls and resolves an {@link
 * dev.cortado.oci.NpmReference} as {@link dev.cortado.oci.NpmSettings} (from {@code .npmrc}) say.
 *
 * <pre>{@code
 * Path module = Oci.defaults().resolve("ghcr.io/acme/hello:1.0");  // pulls once, then cached
 * }</pre>
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.0/spec.md">OCI
 *     distribution-spec v1.1</a>
 * @see <a href="https://tag-runtime.cncf.io/wgs/wasm/deliverables/wasm-oci-artifact/">CNCF Wasm OCI
 *     artifact layout</a>
 */
package dev.cortado.oci;

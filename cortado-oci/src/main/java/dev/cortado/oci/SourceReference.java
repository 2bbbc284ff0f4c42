package dev.cortado.oci;

/**
 * Where a module in the {@link LocalStore} came from: an OCI {@link Reference} ({@code
 * ghcr.io/acme/app:1.0}) or an {@link NpmReference} ({@code npm:@scope/pkg@1.2.3/dist/x.wasm}). Its
 * {@link #toString()} is the key the store records it under and what {@code cortado images} shows.
 */
public sealed interface SourceReference permits Reference, NpmReference {
  /**
   * Parses {@code text}: an {@code npm:} reference, else an OCI reference.
   *
   * @throws OciException of kind {@link OciException.Kind#INVALID_REFERENCE} with the reason
   */
  static SourceReference parse(String text) {
    return NpmReference.isNpm(text) ? NpmReference.parse(text) : Reference.parse(text);
  }
}

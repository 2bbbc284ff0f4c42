/**
 * Wasm modules through OCI registries: references, a registry client with Docker-compatible
 * authentication, the CNCF Wasm artifact layout, and a local content-addressed store; npm packages
 * feed the same store; Wasmer packages (.webc, wapm tarballs) are read. It depends on the JDK's
 * HTTP client, Jackson for JSON, CBOR and TOML, and Cortado's binary decoder.
 */
module dev.cortado.oci {
  requires transitive java.net.http;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.cbor;
  requires com.fasterxml.jackson.dataformat.toml;
  requires dev.cortado.wasm;

  exports dev.cortado.oci;
}

/**
 * Wasm modules through OCI registries: references, a registry client with Docker-compatible
 * authentication, the CNCF Wasm artifact layout, and a local content-addressed store; npm packages
 * feed the same store. It depends on the JDK's HTTP client, Jackson for JSON, and Cortado's binary
 * decoder.
 */
module dev.cortado.oci {
  requires transitive java.net.http;
  requires com.fasterxml.jackson.databind;
  requires dev.cortado.wasm;

  exports dev.cortado.oci;
}
